import Foundation
import XCTest
@testable import LoyalCore

final class DayTests: XCTestCase {
    private func day(_ y: Int, _ m: Int, _ d: Int, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let day = Day(year: y, month: m, day: d) else {
            XCTFail("\(y)-\(m)-\(d) should be a valid day", file: file, line: line)
            return Day(number: 0)
        }
        return day
    }

    func testKnownDayNumbers() {
        XCTAssertEqual(day(1970, 1, 1).number, 0)
        XCTAssertEqual(day(1970, 1, 2).number, 1)
        XCTAssertEqual(day(1969, 12, 31).number, -1)
        // 30 years of 365 days plus the leap days of 1972 … 1996 (7 of them).
        XCTAssertEqual(day(2000, 1, 1).number, 30 * 365 + 7)
        XCTAssertEqual(Day(number: 10957).iso, "2000-01-01")
    }

    func testCivilRoundTripOverTwoCenturies() {
        // Walk every day from 1899-12-01 to 2101-01-31 and check the calendar by hand-written rules.
        var (y, m, d) = (1899, 12, 1)
        var current = day(y, m, d)
        let end = day(2101, 1, 31)
        var count = 0
        while current <= end {
            let c = current.components
            XCTAssertEqual(c.year, y); XCTAssertEqual(c.month, m); XCTAssertEqual(c.day, d)
            XCTAssertEqual(Day(year: y, month: m, day: d)?.number, current.number)
            XCTAssertEqual(Day(iso: current.iso), current)
            // Next civil day, written independently of Day.
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            d += 1
            if d > lengths[m - 1] { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            current = current.adding(days: 1)
            count += 1
        }
        XCTAssertEqual(count, end.number - day(1899, 12, 1).number + 1)
    }

    func testLeapYearRules() {
        XCTAssertFalse(Day.isLeap(1900))
        XCTAssertTrue(Day.isLeap(2000))
        XCTAssertTrue(Day.isLeap(2024))
        XCTAssertFalse(Day.isLeap(2023))
        XCTAssertNil(Day(year: 1900, month: 2, day: 29))
        XCTAssertNotNil(Day(year: 2000, month: 2, day: 29))
        XCTAssertNotNil(Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
        XCTAssertEqual(day(1900, 3, 1) - day(1900, 2, 28), 1)
        XCTAssertEqual(day(2000, 3, 1) - day(2000, 2, 28), 2)
        XCTAssertEqual(day(2024, 3, 1) - day(2024, 2, 28), 2)
        XCTAssertEqual(day(2025, 1, 1) - day(2024, 1, 1), 366)
        XCTAssertEqual(day(1901, 1, 1) - day(1900, 1, 1), 365)
    }

    func testImpossibleDates() {
        XCTAssertNil(Day(year: 2024, month: 2, day: 30))
        XCTAssertNil(Day(year: 2024, month: 4, day: 31))
        XCTAssertNil(Day(year: 2024, month: 13, day: 1))
        XCTAssertNil(Day(year: 2024, month: 0, day: 1))
        XCTAssertNil(Day(year: 2024, month: 1, day: 0))
        XCTAssertNil(Day(year: 0, month: 1, day: 1))
    }

    func testWeekdays() {
        XCTAssertEqual(day(1970, 1, 1).weekday, 4)   // Thursday
        XCTAssertEqual(day(1900, 1, 1).weekday, 1)   // Monday
        XCTAssertEqual(day(2000, 1, 1).weekday, 6)   // Saturday
        XCTAssertEqual(day(2024, 2, 29).weekday, 4)  // Thursday
        XCTAssertEqual(day(2026, 11, 23).weekday, 1) // Monday
        XCTAssertEqual(day(2026, 11, 29).weekday, 7) // Sunday
        XCTAssertEqual(day(1969, 12, 31).weekday, 3) // Wednesday (negative day number)
    }

    func testAddingMonthsClampsToMonthEnd() {
        XCTAssertEqual(day(2024, 1, 31).adding(months: 1), day(2024, 2, 29))
        XCTAssertEqual(day(2023, 1, 31).adding(months: 1), day(2023, 2, 28))
        XCTAssertEqual(day(2024, 3, 31).adding(months: -1), day(2024, 2, 29))
        XCTAssertEqual(day(2024, 5, 31).adding(months: 1), day(2024, 6, 30))
        XCTAssertEqual(day(2024, 12, 15).adding(months: 1), day(2025, 1, 15))
        XCTAssertEqual(day(2024, 1, 15).adding(months: -13), day(2022, 12, 15))
        XCTAssertEqual(day(2024, 2, 29).adding(years: 1), day(2025, 2, 28))
        XCTAssertEqual(day(2024, 2, 29).adding(years: 4), day(2028, 2, 29))
        XCTAssertEqual(day(2026, 11, 23).adding(months: -12), day(2025, 11, 23))
    }

    func testFormatting() {
        XCTAssertEqual(day(2024, 2, 29).iso, "2024-02-29")
        XCTAssertEqual(day(2024, 2, 29).german, "29.02.2024")
        XCTAssertEqual(day(987, 3, 4).iso, "0987-03-04")
        XCTAssertEqual(day(2024, 2, 29).description, "2024-02-29")
    }

    func testParsingAcceptedForms() {
        XCTAssertEqual(Day(parsing: "2024-02-29"), day(2024, 2, 29))
        XCTAssertEqual(Day(parsing: "29.02.2024"), day(2024, 2, 29))
        XCTAssertEqual(Day(parsing: "1.3.2024"), day(2024, 3, 1))
        XCTAssertEqual(Day(parsing: "  2024-03-01 "), day(2024, 3, 1))
        XCTAssertEqual(Day(parsing: "01.03.2024"), day(2024, 3, 1))
    }

    func testParsingRejects() {
        XCTAssertNil(Day(parsing: "31.02.2024"))
        XCTAssertNil(Day(parsing: "2023-02-29"))
        XCTAssertNil(Day(parsing: "29.02.2023"))
        XCTAssertNil(Day(parsing: "2024-2-29"))
        XCTAssertNil(Day(parsing: "29.02.24"))
        XCTAssertNil(Day(parsing: "2024/02/29"))
        XCTAssertNil(Day(parsing: ""))
        XCTAssertNil(Day(parsing: "heute"))
        XCTAssertNil(Day(iso: "29.02.2024"))
    }

    /// The bulk reader's parser: the stored form only, from bytes, as strict as `Day(iso:)`.
    func testISOBytesAcceptExactlyWhatISOTextDoes() {
        func bytes(_ text: String) -> Day? { Array(text.utf8).withUnsafeBytes { Day(isoBytes: $0) } }
        for text in ["2024-02-29", "1900-01-01", "2200-12-31", "0987-03-04"] {
            XCTAssertEqual(bytes(text), Day(iso: text), text)
            XCTAssertNotNil(bytes(text), text)
        }
        for text in ["2023-02-29", "2024-13-01", "2024-2-29", "2024-02-29 ", "29.02.2024", "2024/02/29", "", "20x4-02-01"] {
            XCTAssertNil(bytes(text), text)
            XCTAssertNil(Day(iso: text), text)
        }
    }

    func testTypedShortcuts() {
        let today = day(2026, 11, 23)
        XCTAssertEqual(Day(typed: "t", today: today), today)
        XCTAssertEqual(Day(typed: "T", today: today), today)
        XCTAssertEqual(Day(typed: "heute", today: today), today)
        XCTAssertEqual(Day(typed: "-1", today: today), day(2026, 11, 22))
        XCTAssertEqual(Day(typed: "+7", today: today), day(2026, 11, 30))
        XCTAssertEqual(Day(typed: "+40", today: today), day(2027, 1, 2))
        // Day and month: this year's when that is not in the future …
        XCTAssertEqual(Day(typed: "12.3.", today: today), day(2026, 3, 12))
        XCTAssertEqual(Day(typed: "12.3", today: today), day(2026, 3, 12))
        // … last year's when it is, unless the form looks forward.
        XCTAssertEqual(Day(typed: "24.12.", today: today), day(2025, 12, 24))
        XCTAssertEqual(Day(typed: "24.12.", today: today, pastBias: false), day(2026, 12, 24))
        XCTAssertEqual(Day(typed: "12.3.24", today: today), day(2024, 3, 12))
        XCTAssertEqual(Day(typed: "29.02.2024", today: today), day(2024, 2, 29))
        XCTAssertEqual(Day(typed: "2024-02-29", today: today), day(2024, 2, 29))
        XCTAssertNil(Day(typed: "31.2.", today: today))
        XCTAssertNil(Day(typed: "29.2.23", today: today))
        XCTAssertNil(Day(typed: "x", today: today))
        XCTAssertNil(Day(typed: "", today: today))
    }

    func testCodableUsesISOText() throws {
        let data = try JSONEncoder().encode([day(2024, 2, 29)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2024-02-29\"]")
        XCTAssertEqual(try JSONDecoder().decode([Day].self, from: Data("[\"2000-01-01\"]".utf8)), [day(2000, 1, 1)])
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data("[\"31.02.2024\"]".utf8)))
    }
}
