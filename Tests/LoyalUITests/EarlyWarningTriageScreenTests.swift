import XCTest
import GRDB
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Every triage action from the keyboard, and `u` right after it.
final class EarlyWarningTriageScreenTests: EarlyWarningUITestCase {
    private func assertStatus(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(statusRow.hasPrefix(" " + text), "status bar: \(statusRow)", file: file, line: line)
    }

    private func triageAudit() throws -> [String] {
        try auditEntries().filter { $0.action == "triage" || $0.action == "undo" }.map { "\($0.action) \($0.actor): \($0.detail)" }
    }

    func testAssignWithThePickerAndUndo() throws {
        try openEarlyWarning()
        select("K5")
        press(.char("A"))
        assertScreenContains("┌─ Assign to ─┐")
        assertScreenLacks("All reps")
        choose("EF  EF")
        assertStatus("Done: assigned K5 to EF — u undoes")
        XCTAssertEqual(panelCells("K5")[7], "AB→EF")
        XCTAssertEqual(try signalStates("K5"), ["cancellation open  →EF", "churn_risk open  →EF"])
        press(.char("u"))
        assertStatus("Undone: assigned K5 to EF")
        XCTAssertEqual(panelCells("K5")[7], "AB")
        XCTAssertEqual(try signalStates("K5"), ["cancellation open ", "churn_risk open "])
        XCTAssertEqual(try triageAudit(), ["triage tester: assigned K5 to EF", "undo tester: assigned K5 to EF"])
        press(.char("u"))
        assertStatus("Nothing to undo")
    }

    func testScheduleAVisitFromTheFormAndUndo() throws {
        try openEarlyWarning()
        select("K1")
        press(.char("S"))
        XCTAssertTrue(term.row(1).contains("Schedule a contact with K1 Rückgang GmbH"), term.row(1))
        assertScreenContains("Channel  ‹ phone ›")
        assertScreenContains("Due      25.11.2026")
        assertScreenContains("Reason   Talk about the warning signs")
        press(.char(" "))
        assertScreenContains("Channel  ‹ visit ›")
        press(.tab, .tab, .ctrl("u"))
        type("Jahresgespräch")
        press(.ctrl("s"))
        assertStatus("Done: scheduled a visit with K1 on 2026-11-25 — u undoes")
        XCTAssertEqual(try calendar("K1"), ["2026-11-25 visit triage: Jahresgespräch"])
        XCTAssertEqual(panelCells("K1")[4], "plan in place 0d")
        press(.char("u"))
        assertStatus("Undone: scheduled a visit with K1 on 2026-11-25")
        XCTAssertEqual(try calendar("K1"), [])
        XCTAssertEqual(panelCells("K1")[4], "at risk 0d")
    }

    func testPlaybookFillsTheCalendarAndUndo() throws {
        try openEarlyWarning()
        select("K5")
        press(.char("P"))
        assertScreenContains("┌─ Apply the playbook of ─")
        XCTAssertTrue(isSelected("cancellation announced: call in 0 d, visit in 7 d"))
        press(.enter)
        assertStatus("Done: applied the cancellation playbook to K5 (2 entries) — u undoes")
        XCTAssertEqual(try calendar("K5"), [
            "2026-11-23 phone triage: cancellation announced: Call at once: understand the reason, involve management",
            "2026-11-30 visit triage: cancellation announced: Management visit with an offer that fits the reason",
        ])
        XCTAssertEqual(panelCells("K5")[4], "plan in place 0d")
        press(.char("u"))
        XCTAssertEqual(try calendar("K5"), [])
        XCTAssertEqual(panelCells("K5")[4], "at risk 0d")
    }

    func testSnoozeNeedsAReasonThenTheCustomerLeavesThePanelAndUndo() throws {
        try openEarlyWarning()
        let order = try rankedByRule()
        XCTAssertEqual(listedNumbers, order)
        select("K4")
        press(.char("z"))
        XCTAssertTrue(term.row(1).contains("Snooze 1 signal of K4 Kritiker OHG"), term.row(1))
        assertScreenContains("Until   23.12.2026")
        press(.ctrl("s"))
        assertStatus("Not saved: a reason is needed, so others know why")
        XCTAssertEqual(try signalStates("K4"), ["low_nps open "])
        press(.tab)
        type("Einkäufer im Urlaub")
        press(.ctrl("s"))
        assertStatus("Done: snoozed 1 signal of K4 until 2026-12-23: Einkäufer im Urlaub — u undoes")
        XCTAssertEqual(listedNumbers, order.filter { $0 != "K4" })
        XCTAssertEqual(position?.of, 4)
        XCTAssertEqual(try signalStates("K4"), ["low_nps snoozed Einkäufer im Urlaub"])
        press(.char("u"))
        XCTAssertEqual(listedNumbers, order, "undo puts K4 back in its place")
        XCTAssertEqual(try signalStates("K4"), ["low_nps open "])
    }

    func testDismissingWithoutAReasonIsRefusedThenDismissAndUndo() throws {
        try openEarlyWarning()
        let order = try rankedByRule()
        XCTAssertEqual(listedNumbers, order)
        select("K3")
        press(.char("d"))
        XCTAssertTrue(term.row(1).contains("Dismiss 1 signal of K3 Reklamation AG as false alarm"), term.row(1))
        press(.ctrl("s"))
        assertStatus("Not saved: a reason is needed, so others know why")
        XCTAssertTrue(term.row(1).contains("Dismiss 1 signal"), "the form stays open")
        type("Ware wurde ersetzt")
        press(.ctrl("s"))
        assertStatus("Done: dismissed 1 signal of K3 as false alarm: Ware wurde ersetzt — u undoes")
        XCTAssertEqual(listedNumbers, order.filter { $0 != "K3" })
        XCTAssertEqual(try signalStates("K3"), ["open_complaint dismissed Ware wurde ersetzt"])
        press(.char("u"))
        assertStatus("Undone: dismissed 1 signal of K3 as false alarm: Ware wurde ersetzt")
        XCTAssertEqual(listedNumbers, order, "undo puts K3 back in its place")
        XCTAssertEqual(panelCells("K3")[4], "at risk 0d")
        XCTAssertEqual(try signalStates("K3"), ["open_complaint open "])
        XCTAssertEqual(try triageAudit(), ["triage tester: dismissed 1 signal of K3 as false alarm: Ware wurde ersetzt",
                                           "undo tester: dismissed 1 signal of K3 as false alarm: Ware wurde ersetzt"])
    }

    func testMarkLostShowsOnTheWinbackTabAndUndo() throws {
        try openEarlyWarning()
        let order = try rankedByRule()
        XCTAssertEqual(listedNumbers, order)
        select("K5")
        press(.char("L"))
        XCTAssertTrue(term.row(1).contains("Mark K5 Kündigung GmbH lost"), term.row(1))
        assertScreenContains("Reason   ‹ price ›")
        assertScreenContains("Lost on  23.11.2026")
        press(.char("c"))
        assertScreenContains("Reason   ‹ competitor ›")
        press(.tab, .tab)
        type("zu Holz-Meyer")
        press(.ctrl("s"))
        assertStatus("Done: marked K5 lost on 2026-11-23 (competitor) — u undoes")
        XCTAssertEqual(listedNumbers, order.filter { $0 != "K5" })
        XCTAssertEqual(try signalStates("K5"), ["cancellation resolved customer lost", "churn_risk resolved customer lost"])
        let customer = try XCTUnwrap(try store.customer(id: try id("K5")))
        XCTAssertEqual(customer.status, .lost)
        XCTAssertEqual(customer.notes, "Lost: zu Holz-Meyer")

        press(.char("4"))
        XCTAssertTrue(titleRow.hasPrefix(" Lost customers and win-back · all classes"), titleRow)
        XCTAssertEqual(listedNumbers, ["K5"])
        let lost = try XCTUnwrap(row("K5"))
        for part in ["K5 Kündigung GmbH", "23.11.2026", "competitor (ours)"] {
            XCTAssertTrue(lost.contains(part), lost)
        }
        press(.char("u"))
        assertStatus("Undone: marked K5 lost on 2026-11-23 (competitor)")
        assertScreenContains("No lost customers.")
        XCTAssertEqual(try store.customer(id: try id("K5"))?.status, .active)
        press(.char("3"))
        XCTAssertEqual(listedNumbers, order, "undo puts K5 back in its place")
        XCTAssertEqual(panelCells("K5")[4], "at risk 0d")
        XCTAssertEqual(try signalStates("K5"), ["cancellation open ", "churn_risk open "])
    }
}
