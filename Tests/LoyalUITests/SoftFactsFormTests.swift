import XCTest
import GRDB
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Editing an account's soft facts with `e`: inline validation, Ctrl-S, Esc asks before discarding.
final class SoftFactsFormTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openImported([
            (.customers, "number,name,city\nK1,Holzwurm GmbH,Berlin\nK2,Zweite AG,Hamm\nK3,Dritte KG,Ulm\n"),
            (.purchases, "customer,date,amount\nK1,2026-10-01,9000\nK2,2026-10-01,800\nK3,2026-10-01,200\n"),
        ])
        try launch()
        press(.enter, .char("e"))
    }

    private var customer: Customer { get throws { try XCTUnwrap(try store.customer(id: accounts()[0].id)) } }

    /// Moves from the first field to the one with `label` (Tab order is the order on screen).
    private func focus(_ label: String) {
        let order = ["Preferences", "Preferred channel", "Best call times", "High season (months)", "Busy hours",
                     "Potential a year", "Class override", "Notes", "Business or consumer"]
        press(.tab, times: order.firstIndex(of: label)!)
    }

    private func row(_ label: String) -> String { term.lines.first { $0.hasPrefix("  \(label) ") } ?? "" }

    func testTheFormShowsEveryFieldOfTheAccount() {
        XCTAssertTrue(term.row(1).hasPrefix(" Soft facts of Holzwurm GmbH "), term.row(1))
        XCTAssertTrue(term.row(0).contains(" Soft facts of Holzwurm GmbH "), term.row(0))
        for label in ["Preferences", "Preferred channel", "Best call times", "High season (months)", "Busy hours",
                      "Potential a year", "Class override", "Notes"] {
            XCTAssertFalse(row(label).isEmpty, "no field \(label)")
        }
        XCTAssertTrue(row("Preferred channel").contains("‹ – ›"))
        XCTAssertEqual(term.cursor?.row, 3, "the cursor waits in the first field")
    }

    func testTheCustomerKindIsShownEditedSavedAndAudited() throws {
        XCTAssertTrue(row("Business or consumer").contains("‹ business ›"), row("Business or consumer"))
        focus("Business or consumer")
        press(.char(" "))
        XCTAssertTrue(row("Business or consumer").contains("‹ consumer ›"), row("Business or consumer"))
        press(.ctrl("s"))
        XCTAssertEqual(try customer.kind, .consumer)
        let audit = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM audit WHERE entity = 'customer' AND action = 'edit soft facts'")
        }
        XCTAssertEqual(audit, ["kind: business → consumer"])
    }

    func testABadHighSeasonIsExplainedAndRefusedUntilFixed() throws {
        focus("High season (months)")
        type("13-14")
        XCTAssertTrue(term.row(1).contains("(changed)"), term.row(1))
        XCTAssertTrue(row("High season (months)").contains("13-14"))
        XCTAssertTrue(row("High season (months)").contains("✗ months like 11-12"), row("High season (months)"))
        assertScreenContains("✗ High season (months): months like 11-12, 04-09 or 12")

        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: High season (months) — months like 11-12, 04-09 or 12"), statusRow)
        XCTAssertTrue(term.row(1).hasPrefix(" Soft facts of Holzwurm GmbH"), "still on the form")
        XCTAssertEqual(try customer.highSeason, "", "nothing saved")
        XCTAssertTrue(try auditEntries().isEmpty)

        press(.ctrl("u"))
        type("11-12")
        XCTAssertFalse(row("High season (months)").contains("✗"), row("High season (months)"))
        assertScreenLacks("✗")
        press(.ctrl("s"))
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Holzwurm GmbH "), "back on the detail: \(term.row(1))")
        XCTAssertTrue(statusRow.contains("Saved"), statusRow)
        XCTAssertEqual(try customer.highSeason, "11-12")
    }

    func testABadPotentialIsRefusedAndAFixedOneSavedShownAndAudited() throws {
        focus("Potential a year")
        type("abc")
        XCTAssertTrue(row("Potential a year").contains("✗ not an amount"), row("Potential a year"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: Potential a year — not an amount"), statusRow)
        XCTAssertNil(try customer.potential)

        press(.ctrl("u"))
        type("25.000")
        press(.up, .up, .ctrl("u"))  // High season
        type("04-09")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.hasPrefix(" Saved: Soft facts of Holzwurm GmbH "), "the name keeps its case: \(statusRow)")
        assertScreenContains("Potential          25.000 € a year (set by the rep)")
        press(.char("]"), .char("]"), .char("]"))
        assertScreenContains("High season        04-09")

        XCTAssertEqual(try customer.potential, Money(cents: 2_500_000))
        let audit = try auditEntries()
        XCTAssertEqual(audit.count, 1)
        XCTAssertEqual(audit.first?.actor, "tester")
        XCTAssertEqual(audit.first?.entity, "customer")
        XCTAssertEqual(audit.first?.entityID, try customer.id)
        XCTAssertEqual(audit.first?.action, "edit soft facts")
        XCTAssertTrue(audit.first?.detail.contains("04-09") == true, audit.first?.detail ?? "")
    }

    func testEscOnAChangedFormAsksAndNoKeepsTheForm() throws {
        type("Kaffee")
        press(.escape)
        assertScreenContains("┌─ Please confirm ")
        assertScreenContains("Discard the changes to Soft facts of Holzwurm GmbH?")
        assertScreenContains("y yes   n no")
        press(.char("n"))
        assertScreenLacks("Please confirm")
        XCTAssertTrue(row("Preferences").contains("Kaffee"), "the typed text is still there")
        type(" und Kuchen")
        XCTAssertTrue(row("Preferences").contains("Kaffee und Kuchen"))

        press(.escape, .char("y"))
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Holzwurm GmbH "), term.row(1))
        assertScreenLacks("Kaffee")
        XCTAssertEqual(try customer.preferences, "", "left without saving")
        XCTAssertTrue(try auditEntries().isEmpty)
    }

    func testCtrlCOnAChangedFormAsksBeforeQuittingAndNoKeepsTheForm() throws {
        type("Kaffee")
        press(.ctrl("c"))
        assertScreenContains("Quit and throw away the changes to Soft facts of Holzwurm GmbH?")
        XCTAssertFalse(app.isFinished)
        press(.char("n"))
        XCTAssertFalse(app.isFinished)
        XCTAssertTrue(row("Preferences").contains("Kaffee"), "the typed text is still there")

        press(.ctrl("c"), .ctrl("c"))
        XCTAssertFalse(app.isFinished, "Ctrl-C on the question means no")
        XCTAssertTrue(row("Preferences").contains("Kaffee"))
        press(.ctrl("c"), .char("y"))
        XCTAssertTrue(app.isFinished)
        XCTAssertEqual(try customer.preferences, "", "left without saving, as agreed")
    }

    func testCtrlCOnAnUnchangedFormQuitsAtOnce() {
        press(.ctrl("c"))
        XCTAssertTrue(app.isFinished)
    }

    func testEscOnAnUnchangedFormLeavesAtOnce() {
        press(.tab, .tab)
        press(.escape)
        assertScreenLacks("Please confirm")
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Holzwurm GmbH "), term.row(1))
    }

    func testSavingOtherFieldsKeepsAPotentialWithCents() throws {
        press(.escape, .escape)
        try importCSV(.customers, "number,potential\nK1,\"1234,56\"\n")
        press(.enter, .char("e"))
        XCTAssertTrue(row("Potential a year").contains("1.234,56"), row("Potential a year"))
        type("Kaffee")
        press(.ctrl("s"))
        XCTAssertEqual(try customer.preferences, "Kaffee")
        XCTAssertEqual(try customer.potential, Money(cents: 123_456), "not rounded to whole euros")
    }

    func testAClassOverrideShowsInTheListOnReturn() throws {
        focus("Class override")
        press(.char("c"))
        XCTAssertTrue(row("Class override").contains("‹ C ›"), row("Class override"))
        press(.ctrl("s"))
        assertScreenContains("Class              C  (set by hand; by revenue it would be A)")
        press(.escape)
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · "), titleRow)
        XCTAssertEqual(number(of: listRows[0]), "K1")
        XCTAssertEqual(classLetter(of: listRows[0]), "C*", "the list shows the override after Esc: \(listRows[0])")
        press(.char("c"))
        XCTAssertEqual(listRows.first.map(number), "K1", "the C filter finds it")
        for row in listRows { XCTAssertEqual(classLetter(of: row).prefix(1), "C", row) }
    }
}
