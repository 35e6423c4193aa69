import LoyalCore
import XCTest

/// Days read from people and files lie in 1900-01-01…2200-12-31; arithmetic near the
/// ends of the calendar does not trap.
final class DayRangeTests: XCTestCase {
    private let today = Day(year: 2026, month: 11, day: 23)!

    func testParsingAcceptsTheRangeAndNothingBeyond() {
        XCTAssertEqual(Day(parsing: "1900-01-01"), Day.earliest)
        XCTAssertEqual(Day(parsing: "31.12.2200"), Day.latest)
        XCTAssertEqual(Day.earliest.iso, "1900-01-01")
        XCTAssertEqual(Day.latest.iso, "2200-12-31")
        for text in ["1899-12-31", "2201-01-01", "31.12.9999", "0001-01-01", "9999-09-01"] {
            XCTAssertNil(Day(parsing: text), text)
            XCTAssertTrue(Day.isOutsideAccepted(parsing: text), text)
        }
        XCTAssertFalse(Day.isOutsideAccepted(parsing: "31.02.2024"))  // not a date at all
        XCTAssertFalse(Day.isOutsideAccepted(parsing: "2026-11-23"))
        // Stored days keep reading as they are.
        XCTAssertEqual(Day(iso: "9999-12-31")?.year, 9999)
    }

    func testRelativeDaysCannotOverflow() {
        XCTAssertEqual(Day(typed: "+7", today: today), today.adding(days: 7))
        XCTAssertEqual(Day(typed: "-1", today: today), today.adding(days: -1))
        for text in ["+9223372036854775807", "-9223372036854775807", "+99999999999999999999", "-99999999", "+100000"] {
            XCTAssertNil(Day(typed: text, today: today), text)
            XCTAssertTrue(Day.isOutsideAccepted(typed: text, today: today), text)
        }
        for text in ["+-5", "--5", "+", "+5x"] {
            XCTAssertNil(Day(typed: text, today: today), text)
            XCTAssertFalse(Day.isOutsideAccepted(typed: text, today: today), text)
        }
        XCTAssertNil(Day(typed: "1.1.1899", today: today))
    }

    func testMonthArithmeticBeyondTheCalendarDoesNotTrap() {
        let last = Day(year: 9999, month: 9, day: 1)!
        XCTAssertEqual(last.adding(months: 4).iso, "10000-01-01")
        let first = Day(year: 1, month: 1, day: 31)!
        XCTAssertTrue(first.adding(months: -1).components == (0, 12, 31))
        XCTAssertTrue(first.adding(months: -13).components == (-1, 12, 31))
        XCTAssertEqual(Day(year: 2024, month: 1, day: 31)!.adding(months: 1).iso, "2024-02-29")
        XCTAssertEqual(Day(year: 2024, month: 3, day: 31)!.adding(months: -13).iso, "2023-02-28")
    }
}
