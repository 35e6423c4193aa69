import XCTest
import GRDB
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Calendar tab's `U`: a rep's absence entered in a small form, saved in one transaction with an audit entry.
final class CalendarAbsenceFormTests: CalendarUITestCase {
    func testUOpensTheFormAndSavesTheAbsence() throws {
        try openCalendar()
        press(.char("U"))
        XCTAssertTrue(titleRow.contains("Absence"), titleRow)
        // The selected entry's rep (K7's, CD), and tomorrow.
        assertScreenContains("‹ CD ›")
        assertScreenContains("24.11.2026")
        press(.char(" "))
        assertScreenContains("‹ AB ›")
        press(.tab)
        press(.ctrl("u")); type("30.11.2026")
        press(.tab)
        press(.ctrl("u")); type("04.12.2026")
        press(.tab)
        type("Urlaub")
        press(.ctrl("s"))
        XCTAssertTrue(titleRow.contains("Calendar"), "back on the calendar: \(titleRow)")
        XCTAssertEqual(try store.absences().map { "\($0.repCode) \($0.from.iso) \($0.to.iso) \($0.reason)" },
                       ["AB 2026-11-30 2026-12-04 Urlaub"])
        let audit = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT actor || ': ' || action || ' ' || detail FROM audit WHERE entity = 'absence'")
        }
        XCTAssertEqual(audit, ["tester: add AB 2026-11-30…2026-12-04 Urlaub"])
    }

    func testReversedDaysAreNotSaved() throws {
        try openCalendar()
        press(.char("U"))
        press(.tab)
        press(.ctrl("u")); type("04.12.2026")
        press(.tab)
        press(.ctrl("u")); type("30.11.2026")
        press(.ctrl("s"))
        assertScreenContains("the last day (2026-11-30) is before the first (2026-12-04)")
        XCTAssertEqual(try store.absences(), [])
    }
}
