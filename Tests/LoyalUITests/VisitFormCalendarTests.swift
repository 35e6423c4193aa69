import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The visit form opened from a planned visit in the calendar (x): the customer filled
/// in, and saving marks the planned visit done, also after a resumed draft.
final class VisitFormCalendarTests: VisitFormTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openVisits()
        let k1 = try id("K1")
        try store.pool.write { db in
            _ = try CalendarRecords.upsert(db, CalendarEntry(
                customerID: k1, due: Self.today, channel: .visit, reason: "Besuch Jahresgespräch", source: .manual,
                uid: "test-visit@loyal"))
        }
        try launch(width: 120, height: 34)
        press(.char("2"))
    }

    private func planned() throws -> Row? {
        try fetch("SELECT status, done_on FROM calendar_entry WHERE uid = 'test-visit@loyal'")
    }

    private func openThePlannedVisit(file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<30 where !(selectedRowText ?? "").contains("Besuch Jahresgespräch") { press(.down) }
        XCTAssertTrue((selectedRowText ?? "").contains("Besuch Jahresgespräch"), screen, file: file, line: line)
        press(.char("x"))
    }

    func testDoneOnAPlannedVisitOpensTheFormForThatCustomer() throws {
        openThePlannedVisit()
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH (K1, Berlin)"), term.row(1))
        XCTAssertEqual(focusedField, "Date")
        press(.tab, .tab, .tab, .char("8"), .ctrl("s"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Saved: visit with Holzwurm GmbH (K1, Berlin)")
        XCTAssertEqual(try planned()?["status"], "done")
        XCTAssertEqual(try planned()?["done_on"], "2026-11-23")
    }

    func testAResumedDraftStillMarksThePlannedVisitDone() throws {
        openThePlannedVisit()
        press(.tab, .tab, .tab, .char("8"))
        try launch(width: 120, height: 34)  // as after a crash
        press(.char("y"))
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH (K1, Berlin)"), term.row(1))
        press(.ctrl("s"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Saved: visit with Holzwurm GmbH (K1, Berlin)")
        XCTAssertEqual(try planned()?["status"], "done", "the planned visit is not left open")
    }

    func testLeavingTheUntouchedFormKeepsThePlannedVisitOpen() throws {
        openThePlannedVisit()
        XCTAssertFalse(term.row(1).contains("draft kept while typing"), term.row(1))
        press(.escape)
        assertScreenLacks("Throw away")
        XCTAssertTrue(term.row(1).contains("Calendar"), "back on the calendar: \(term.row(1))")
        XCTAssertTrue(try drafts().isEmpty)
        XCTAssertEqual(try planned()?["status"], "open")
    }
}
