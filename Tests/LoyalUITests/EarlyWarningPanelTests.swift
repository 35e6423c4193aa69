import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Early warning tab: who shows warning signs, most to lose first, with filters
/// and the risk case behind each row.
final class EarlyWarningPanelTests: EarlyWarningUITestCase {
    func testThePanelListsCustomersWithOpenSignalsInPriorityOrder() throws {
        try openEarlyWarning()
        XCTAssertTrue(term.row(0).contains("Early warning"), term.row(0))
        XCTAssertTrue(titleRow.hasPrefix(" Early warning · all classes · all reps · most to lose first"), titleRow)
        XCTAssertEqual(position?.at, 1)
        XCTAssertEqual(position?.of, 5)
        XCTAssertEqual(headerRow.split(separator: " ").map(String.init),
                       ["Customer", "Cl", "Value", "Risk", "Stage", "Oldest", "Signals", "Rep"])
        // Most to lose first: risk × value, then risk, then class.
        let order = try rankedByRule()
        XCTAssertEqual(listedNumbers, order)
        XCTAssertEqual(Set(order), ["K1", "K2", "K3", "K4", "K5"])
        XCTAssertEqual(panelCells("K5"), ["K5 Kündigung GmbH", "B", try valueText("K5"), "50 red", "at risk 0d", "0 d", "cancellation", "AB"])
        XCTAssertEqual(panelCells("K1"), ["K1 Rückgang GmbH", "A", try valueText("K1"), "30 amber", "at risk 0d", "0 d", "revenue_drop", "AB"])
        XCTAssertEqual(panelCells("K2"), ["K2 Pause KG", "B", try valueText("K2"), "25 amber", "at risk 0d", "0 d", "overdue", "AB"])
        XCTAssertEqual(panelCells("K4"), ["K4 Kritiker OHG", "A", try valueText("K4"), "15 green", "at risk 0d", "0 d", "low_nps", "CD"])
        XCTAssertEqual(panelCells("K3"), ["K3 Reklamation AG", "C", try valueText("K3"), "15 green", "at risk 0d", "0 d", "open_complaint", "CD"])
        XCTAssertNil(row("K6"), "the healthy customer is not on the panel")
        XCTAssertEqual(selectedRowText.map(number(of:)), order[0])
        // Each row's risk cell is coloured by its band.
        let riskCol = EarlyWarningView.layout(width: term.width).spans[3].col
        let roles: [String: StyleRole] = ["K5": .riskHigh, "K1": .riskMedium, "K2": .riskMedium, "K4": .riskLow, "K3": .riskLow]
        for i in 1..<order.count {
            XCTAssertEqual(term.role(atRow: Self.firstListRow + i, col: riskCol), roles[order[i]], order[i])
        }
        press(.char("j"))
        XCTAssertEqual(selectedRowText.map(number(of:)), order[1])
        XCTAssertEqual(term.role(atRow: Self.firstListRow, col: riskCol), roles[order[0]])
        press(.char("G"))
        XCTAssertEqual(selectedRowText.map(number(of:)), order.last)
        XCTAssertEqual(position?.at, 5)
        XCTAssertTrue(statusRow.hasPrefix(" Enter open  f kind  A assign  S schedule  P playbook  u undo"), statusRow)
    }

    func testEveryColumnFitsOnAnEightyColumnTerminal() throws {
        try openEarlyWarning(width: 80, height: 24)
        XCTAssertEqual(headerRow.split(separator: " ").map(String.init),
                       ["Customer", "Cl", "Value", "Risk", "Stage", "Oldest", "Signals", "Rep"])
        _ = try store.triage(.applyPlaybook(customerID: try id("K1"), kind: "revenue_drop"), actor: "tester", today: today,
                             settings: settings)
        press(.ctrl("l"), .char("1"), .char("3"))
        XCTAssertEqual(panelCells("K1"), ["K1 Rückgang GmbH", "A", try valueText("K1"), "30 amber", "plan in place 0d", "0 d", "revenue_d…", "AB"])
    }

    func testTheTriageKeysAreInTheKeyTables() {
        let table = KeyBindings.markdown()
        for expected in ["**Early warning**", "| `A` | Assign the customer's signals to a rep |",
                         "| `d` | Dismiss as false alarm with a reason; it does not come back for the same evidence |",
                         "**Customer at risk**", "| `z` | Snooze the selected signal until a date, with a reason |",
                         "**Lost customers and win-back**", "| `R` | Mark the customer as come back (a returnee) |"] {
            XCTAssertTrue(table.contains(expected), expected)
        }
    }

    func testClassFilters() throws {
        try openEarlyWarning()
        let order = try rankedByRule()
        press(.char("a"))
        XCTAssertTrue(titleRow.contains("Early warning · class A · all reps"), titleRow)
        XCTAssertEqual(listedNumbers, order.filter { ["K1", "K4"].contains($0) })
        XCTAssertEqual(position?.of, 2)
        press(.char("b"))
        XCTAssertEqual(listedNumbers, order.filter { ["K2", "K5"].contains($0) })
        press(.char("c"))
        XCTAssertEqual(listedNumbers, ["K3"])
        XCTAssertTrue(titleRow.contains("class C"), titleRow)
        press(.char("*"))
        XCTAssertEqual(listedNumbers, try rankedByRule())
        XCTAssertEqual(listedNumbers.count, 5)
        XCTAssertTrue(titleRow.contains("all classes"), titleRow)
    }

    func testRepAndKindPickers() throws {
        try openEarlyWarning()
        press(.char("r"))
        assertScreenContains("┌─ Show customers of ─┐")
        XCTAssertTrue(isSelected("All reps"))
        assertScreenContains("EF  EF")
        let order = try rankedByRule()
        choose("CD  CD")
        XCTAssertTrue(titleRow.contains("· rep CD ·"), titleRow)
        XCTAssertEqual(listedNumbers, order.filter { ["K3", "K4"].contains($0) })
        press(.char("a"))
        XCTAssertEqual(listedNumbers, ["K4"], "filters combine")
        press(.char("*"), .char("r"))
        XCTAssertTrue(isSelected("CD  CD"), "the picker starts at the current rep")
        choose("All reps")
        XCTAssertEqual(listedNumbers, order)

        press(.char("f"))
        assertScreenContains("┌─ Show customers with ─┐")
        for kind in ["revenue_drop (1)", "overdue (1)", "open_complaint (1)", "low_nps (1)", "cancellation (1)"] {
            assertScreenContains(kind)
        }
        choose("overdue (1)")
        XCTAssertTrue(titleRow.contains("· signal overdue ·"), titleRow)
        XCTAssertEqual(listedNumbers, ["K2"])
        press(.char("f"))
        choose("Every kind")
        XCTAssertEqual(listedNumbers.count, 5)
        // Esc closes a picker without changing the filter.
        press(.char("f"), .escape)
        XCTAssertEqual(listedNumbers.count, 5)
    }

    func testEnterOpensTheRiskCaseWithScoreFactorsTrendStageAndEvidence() throws {
        // K1's rep judged the relationship 2/5 on 16.11.: 10 more points than last month.
        try openEarlyWarning(history: true, extra: [(.feedback, "customer,date,rep_sentiment\nK1,2026-11-16,2\n")])
        XCTAssertEqual(panelCells("K1"), ["K1 Rückgang GmbH", "A", try valueText("K1"), "40 amber", "at risk 23d", "23 d", "revenue_drop", "AB"])
        XCTAssertEqual(panelCells("K5"), ["K5 Kündigung GmbH", "B", try valueText("K5"), "50 red", "at risk 0d", "0 d", "cancellation", "AB"])
        select("K1")
        press(.enter)
        XCTAssertTrue(term.row(0).contains("› Risk · Rückgang GmbH"), term.row(0))
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Rückgang GmbH · Berlin"), term.row(1))
        assertScreenContains("Score              40 of 100 · amber ▲ 10 points against last month (30)")
        assertScreenContains("Health             60 of 100")
        assertScreenContains("                   revenue_drop 30 pts")
        assertScreenContains("                   rep judgement 2/5: 10 pts")
        assertScreenContains("Now                at risk for 23 days")
        assertScreenContains("31.10.2026 at risk        23 days in all")
        assertScreenContains("Signals (1)")
        assertScreenContains("›revenue_drop         open since 31.10.2026")
        assertScreenContains("revenue 12 months 5.000 € vs 10.000 € before (−50 %)")
        XCTAssertTrue(statusRow.hasPrefix(" z snooze  d dismiss  A assign  S schedule  P playbook  u undo"), statusRow)
        press(.escape)
        XCTAssertEqual(selectedRowText.map(number(of:)), "K1")

        // K5 scored nothing in October: the cancellation came in November.
        select("K5")
        press(.enter)
        assertScreenContains("Score              50 of 100 · red ▲ 50 points against last month (0)")
        assertScreenContains("                   cancellation 50 pts")
        assertScreenContains("Now                at risk for 0 days")
        assertScreenContains("cancellation noted on 02.11.2026")
    }

    func testTheRiskCaseActsOnTheSelectedSignal() throws {
        try openEarlyWarning(extra: [(.feedback, "customer,date,nps\nK2,2026-11-02,4\n")])
        select("K2")
        XCTAssertEqual(panelCells("K2")[6], "overdue low_nps")
        press(.enter)
        assertScreenContains("Signals (2)")
        assertScreenContains("›overdue ")
        press(.char("j"))
        assertScreenContains("›low_nps ")
        press(.char("d"))
        XCTAssertTrue(term.row(1).contains("Dismiss 1 signal of K2 Pause KG as false alarm"), term.row(1))
        type("Kunde meinte den Wettbewerber")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Done: dismissed 1 signal of K2 as false alarm: Kunde meinte den Wettbewerber — u undoes"), statusRow)
        // Back on the case, which shows what is left.
        assertScreenContains("Signals (1)")
        assertScreenLacks("NPS 4 on 02.11.2026")
        XCTAssertEqual(try signalStates("K2"), ["overdue open ", "low_nps dismissed Kunde meinte den Wettbewerber"])
        press(.escape)
        XCTAssertEqual(panelCells("K2")[6], "overdue")
        XCTAssertEqual(panelCells("K2")[3], "25 amber", "the false alarm adds no risk")
    }
}
