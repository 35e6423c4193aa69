import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Early warning tab: who shows warning signs, most to lose first, with filters
/// and the risk case behind each row.
final class EarlyWarningPanelTests: EarlyWarningUITestCase {
    func testThePanelListsCustomersWithOpenSignalsInPriorityOrder() throws {
        try openEarlyWarning()
        XCTAssertTrue(term.row(0).contains("Early warning"), term.row(0))
        XCTAssertTrue(titleRow.hasPrefix(" Early warning · all classes · all reps · everyone with open signals · most to lose first"),
                      titleRow)
        XCTAssertEqual(position?.at, 1)
        XCTAssertEqual(position?.of, 5)
        XCTAssertEqual(headerRow.split(separator: " ").map(String.init),
                       ["Customer", "Cl", "At", "stake", "Risk", "Stage", "Oldest", "Signals", "Rep"])
        // Most to lose first: risk × value, then risk, then class.
        let order = try rankedByRule()
        XCTAssertEqual(listedNumbers, order)
        XCTAssertEqual(Set(order), ["K1", "K2", "K3", "K4", "K5"])
        try assertRow("K5", "Kündigung GmbH", "B", stage: "at risk 0d", oldest: "0 d", rep: "AB")
        try assertRow("K1", "Rückgang GmbH", "A", stage: "at risk 0d", oldest: "0 d", rep: "AB")
        try assertRow("K2", "Pause KG", "B", stage: "at risk 0d", oldest: "0 d", rep: "AB")
        try assertRow("K4", "Kritiker OHG", "A", stage: "at risk 0d", oldest: "0 d", rep: "CD")
        try assertRow("K3", "Reklamation AG", "C", stage: "at risk 0d", oldest: "0 d", rep: "CD")
        // Signals in words, the model's own among them.
        XCTAssertEqual(try signalWords("K5"), "cancellation announced, likely to stop buying")
        XCTAssertEqual(try signalWords("K1"), "revenue drop")
        XCTAssertNil(row("K6"), "the healthy customer is not listed")
        XCTAssertEqual(selectedRowText.map(number(of:)), order[0])
        // Each row's risk cell is coloured by its band.
        let riskCol = EarlyWarningView.layout(width: term.width).spans[3].col
        let bands = try store.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT c.number, s.risk_band FROM customer_stats s JOIN customer c ON c.id = s.customer_id
                """).map { ($0[0] as String, $0[1] as String) })
        }
        let roles: [String: StyleRole] = ["red": .riskHigh, "amber": .riskMedium, "green": .riskLow]
        for i in 1..<order.count {
            XCTAssertEqual(term.role(atRow: Self.firstListRow + i, col: riskCol), roles[bands[order[i]]!], order[i])
        }
        press(.char("j"))
        XCTAssertEqual(selectedRowText.map(number(of:)), order[1])
        XCTAssertEqual(term.role(atRow: Self.firstListRow, col: riskCol), roles[bands[order[0]]!])
        press(.char("G"))
        XCTAssertEqual(selectedRowText.map(number(of:)), order.last)
        XCTAssertEqual(position?.at, 5)
        XCTAssertTrue(statusRow.hasPrefix(" Enter open  f kind  w all signals  A assign  S schedule  P playbook  u undo"), statusRow)
    }

    func testThePanelProperHoldsAQuarterOfTheActiveCustomersMostLikelyToStop() throws {
        // Six active customers: the panel holds at most one (25 %), the one at or above the
        // threshold with the most to lose; `w` shows everyone with open signals, and back.
        try openEarlyWarning(everyone: false)
        XCTAssertTrue(titleRow.contains("· panel · most to lose first"), titleRow)
        let onPanel = try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.number FROM customer_stats s JOIN customer c ON c.id = s.customer_id
                WHERE s.on_panel = 1 AND s.risk >= 0.5
                """)
        }
        XCTAssertEqual(onPanel, ["K5"])
        XCTAssertEqual(listedNumbers, ["K5"])
        XCTAssertEqual(position?.of, 1)
        press(.char("w"))
        XCTAssertEqual(listedNumbers.count, 5)
        press(.char("w"))
        XCTAssertEqual(listedNumbers, ["K5"])
    }

    func testEveryColumnFitsOnAnEightyColumnTerminal() throws {
        try openEarlyWarning(width: 80, height: 24)
        XCTAssertEqual(headerRow.split(separator: " ").map(String.init),
                       ["Customer", "Cl", "At", "stake", "Risk", "Stage", "Oldest", "Signals", "Rep"])
        _ = try store.triage(.applyPlaybook(customerID: try id("K1"), kind: "revenue_drop"), actor: "tester", today: today,
                             settings: settings)
        press(.ctrl("l"), .char("1"), .char("3"))
        try assertRow("K1", "Rückgang GmbH", "A", stage: "plan in place 0d", oldest: "0 d", rep: "AB")
        XCTAssertEqual(panelCells("K1")[3], try riskText("K1"), "the risk and its band are never cut")
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
        assertScreenContains("┌─ Show customers with ─")
        // The kinds read as the panel names them.
        for kind in ["revenue drop (1)", "order overdue (1)", "open complaint (1)", "low NPS (1)", "cancellation announced (1)",
                     "likely to stop buying (1)"] {
            assertScreenContains(kind)
        }
        choose("order overdue (1)")
        XCTAssertTrue(titleRow.contains("· signal order overdue ·"), titleRow)
        XCTAssertEqual(listedNumbers, ["K2"])
        press(.char("f"))
        choose("Every kind")
        XCTAssertEqual(listedNumbers.count, 5)
        // Esc closes a picker without changing the filter.
        press(.char("f"), .escape)
        XCTAssertEqual(listedNumbers.count, 5)
    }

    func testEnterOpensTheRiskCaseWithScoreFactorsTrendStageAndEvidence() throws {
        // K1's rep judged the relationship 2/5 on 16.11.: the judgement adds to the risk.
        try openEarlyWarning(history: true, extra: [(.feedback, "customer,date,rep_sentiment\nK1,2026-11-16,2\n")])
        try assertRow("K1", "Rückgang GmbH", "A", stage: "at risk 23d", oldest: "23 d", rep: "AB")
        select("K1")
        press(.enter)
        XCTAssertTrue(term.row(0).contains("› Risk · Rückgang GmbH"), term.row(0))
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Rückgang GmbH · Berlin"), term.row(1))
        let detail = try store.riskDetail(customerID: try id("K1"), asOf: today, settings: settings)
        let a = detail.assessment
        let last = try XCTUnwrap(detail.lastMonthScore, "the October refresh recorded a risk")
        XCTAssertGreaterThan(a.score, last, "the 2/5 judgement came after October")
        assertScreenContains("Risk               \(a.score) % · \(a.band.rawValue)  ▲ \(a.score - last) points against last month (\(last) %)")
        assertScreenContains("Means              \(a.score) % chance of no purchase in the next 180 days")
        assertScreenContains("Typical customer   \(Int((a.base * 100).rounded())) %  prior weights: too little history to learn from")
        // Every factor with its points; the judgement's prior is sentiment_weight/25 = 0.8 log-odds.
        let judgement = try XCTUnwrap(a.factors.first { $0.judgement == 2 })
        XCTAssertGreaterThan(judgement.points, 0)
        assertScreenContains("                   +\(judgement.points) pts  rep judgement 2/5")
        for f in a.factors where f.judgement == nil {
            assertScreenContains((f.points < 0 ? "−" : "+") + "\(abs(f.points)) pts  \(SignalWords.name(f.name))")
        }
        // The points add up to the risk less the typical customer's (up to rounding).
        XCTAssertEqual(Double(a.factors.map(\.points).reduce(0, +)), a.probability * 100 - a.base * 100,
                       accuracy: Double(a.factors.count))
        assertScreenContains("Now                at risk for 23 days")
        assertScreenContains("31.10.2026 at risk        23 days in all")
        assertScreenContains("Signals (1)")
        assertScreenContains("›revenue drop             open since 31.10.2026")
        assertScreenContains("revenue 12 months 5.000 € vs 10.000 € before (−50 %)")
        XCTAssertTrue(statusRow.hasPrefix(" z snooze  d dismiss  A assign  S schedule  P playbook  u undo"), statusRow)
        press(.escape)
        XCTAssertEqual(selectedRowText.map(number(of:)), "K1")

        // K5's cancellation came in November: a factor of its own, in words.
        select("K5")
        press(.enter)
        let k5 = try store.riskDetail(customerID: try id("K5"), asOf: today, settings: settings).assessment
        let cancellation = try XCTUnwrap(k5.factors.first { $0.name == "cancellation" })
        assertScreenContains("+\(cancellation.points) pts  cancellation announced")
        assertScreenContains("Now                at risk for 0 days")
        assertScreenContains("cancellation noted on 02.11.2026")
        assertScreenContains("likely to stop buying")
    }

    func testTheRiskCaseActsOnTheSelectedSignal() throws {
        try openEarlyWarning(extra: [(.feedback, "customer,date,nps\nK2,2026-11-02,4\n")])
        select("K2")
        XCTAssertEqual(panelCells("K2")[6], "order overdue, low NPS")
        let before = try store.pool.read { db in
            try Double.fetchOne(db, sql: "SELECT risk FROM customer_stats s JOIN customer c ON c.id = s.customer_id WHERE c.number = 'K2'")
        }
        press(.enter)
        assertScreenContains("Signals (2)")
        assertScreenContains("›order overdue ")
        press(.char("j"))
        assertScreenContains("›low NPS ")
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
        XCTAssertEqual(panelCells("K2")[6], "order overdue")
        let after = try store.pool.read { db in
            try Double.fetchOne(db, sql: "SELECT risk FROM customer_stats s JOIN customer c ON c.id = s.customer_id WHERE c.number = 'K2'")
        }
        XCTAssertLessThan(try XCTUnwrap(after), try XCTUnwrap(before), "the false alarm no longer adds to the risk")
        XCTAssertEqual(panelCells("K2")[3], try riskText("K2"))
    }
}
