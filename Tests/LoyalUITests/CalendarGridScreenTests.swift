import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Calendar tab's week (`w`) and month (`m`) grids, 120 columns wide: seven
/// columns of 17.
final class CalendarGridScreenTests: CalendarUITestCase {
    let column = 17

    /// The text of a grid cell: `day` 0 (Monday) to 6, on a screen row.
    func cell(_ row: Int, _ day: Int) -> String {
        let chars = Array(term.row(row))
        let start = day * column, end = min(chars.count, start + column - 1)
        return start < end ? String(chars[start..<end]).trimmingCharacters(in: .whitespaces) : ""
    }

    func weekHeaders() -> [String] { (0..<7).map { cell(2, $0) } }

    func testWeekGridHasTheSevenDaysOfTheISOWeekWithTheirEntries() throws {
        try openCalendar()
        press(.tab)
        XCTAssertTrue(titleRow.contains("Week 48/2026 · 23.11.2026 – 29.11.2026 · all reps"), titleRow)
        // A visit day names its area: the postal region (first two digits) of its visits.
        XCTAssertEqual(weekHeaders(), ["Mo 23.11.", "Tu 24.11.", "We 25.11. PLZ 10", "Th 26.11.", "Fr 27.11.", "Sa 28.11.", "Su 29.11."])
        XCTAssertEqual((0..<7).map { cell(3, $0) }, ["c Großkauf GmbH", "", "v Alpha GmbH", "", "", "", ""], screen)
        XCTAssertEqual(term.role(atRow: 2, col: 0), .tabActive, "the cursor's day")
        XCTAssertEqual(term.role(atRow: 3, col: 0), .selected)
        // The bar below names the selected entry; → moves to the next day.
        XCTAssertTrue(term.row(term.height - 2).contains("K4 Großkauf GmbH · Call after purchase of 6.000 € on 21.11.2026"),
                      term.row(term.height - 2))
        press(.right, .right)
        XCTAssertTrue(term.row(term.height - 2).contains("K1 Alpha GmbH · Visit (every 90 days; last visit 27.08.2026)"),
                      term.row(term.height - 2))
        XCTAssertEqual(term.role(atRow: 3, col: 2 * column), .selected)
        // Blocked entries with b, marked as such.
        press(.char("B"))
        XCTAssertEqual(cell(3, 1), "c Stille KG")
        XCTAssertEqual(term.role(atRow: 3, col: column), .blocked)
    }

    func testBracketsMoveByWeeksAcrossTheYear() throws {
        try openCalendar()
        press(.tab, .char("["))
        XCTAssertTrue(titleRow.contains("Week 47/2026 · 16.11.2026 – 22.11.2026"), titleRow)
        XCTAssertEqual(cell(3, 0), "v Nein Danke AG")
        XCTAssertEqual(term.role(atRow: 3, col: 0), .selected)
        press(.right)
        XCTAssertEqual(term.role(atRow: 3, col: 0), .overdue, "still open and past")
        press(.char("]"), .char("]"))
        XCTAssertTrue(titleRow.contains("Week 49/2026 · 30.11.2026 – 06.12.2026"), titleRow)
        XCTAssertEqual(weekHeaders().first, "Mo 30.11.")
        press(.char("]"), times: 4)
        // 2026 has 53 ISO weeks; the last one ends in 2027.
        XCTAssertTrue(titleRow.contains("Week 53/2026 · 28.12.2026 – 03.01.2027"), titleRow)
        XCTAssertEqual(weekHeaders(), ["Mo 28.12.", "Tu 29.12.", "We 30.12.", "Th 31.12.", "Fr 01.01.", "Sa 02.01.", "Su 03.01."])
        press(.char("]"))
        XCTAssertTrue(titleRow.contains("Week 1/2027 · 04.01.2027 – 10.01.2027"), titleRow)
        press(.char("t"))
        XCTAssertTrue(titleRow.contains("Week 48/2026"), titleRow)
    }

    /// The row of the month grid whose Monday is `monday` (the day numbers' row).
    func monthRow(startingWith monday: String) throws -> Int {
        try XCTUnwrap((3..<term.height).first { cell($0, 0) == monday }, screen)
    }

    func testMonthGridCountsEntriesPerDay() throws {
        try openCalendar()
        press(.backTab)
        XCTAssertTrue(titleRow.contains("Month November 2026 · all reps"), titleRow)
        XCTAssertEqual(weekHeaders(), ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"])
        XCTAssertEqual((0..<7).map { cell(3, $0) }, ["26", "27", "28", "29", "30", "31", "1"], "from Monday 26.10.")
        let week47 = try monthRow(startingWith: "16"), week48 = try monthRow(startingWith: "23")
        XCTAssertEqual(cell(week47 + 1, 0), "1 open")
        XCTAssertEqual(term.role(atRow: week47 + 1, col: 0), .overdue)
        XCTAssertEqual((0..<7).map { cell(week48 + 1, $0) }, ["1 open", "", "1 open", "", "", "", ""])
        assertScreenLacks("0 open")
        // Blocked entries count when B shows them.
        press(.char("B"))
        XCTAssertEqual((0..<7).map { cell(week48 + 1, $0) }, ["1 open", "1 blocked", "1 open", "", "", "", "1 blocked"])
        press(.char("B"))
        // Done entries get a tick.
        press(.tab)
        select("K4 Großkauf GmbH")
        press(.char("x"), .backTab)
        XCTAssertEqual(cell(week48 + 1, 0), "1✓")
        // One rep's counts.
        press(.char("r"))
        press(.home)
        for _ in 0..<5 where !isSelected("AB") { press(.down) }
        press(.enter)
        XCTAssertTrue(titleRow.contains("· rep AB"), titleRow)
        XCTAssertEqual((0..<7).map { cell(week48 + 1, $0) }, ["", "", "1 open", "", "", "", ""])
        // Enter opens the week of the cursor's day.
        press(.enter)
        XCTAssertTrue(titleRow.contains("Week 48/2026"), titleRow)
    }

    func testBracketsMoveByMonths() throws {
        try openCalendar()
        press(.backTab, .char("]"))
        XCTAssertTrue(titleRow.contains("Month December 2026"), titleRow)
        press(.char("["), .char("["))
        XCTAssertTrue(titleRow.contains("Month October 2026"), titleRow)
        press(.char("t"))
        XCTAssertTrue(titleRow.contains("Month November 2026"), titleRow)
        // From the 1st, ] still goes to the next month (four weeks would not).
        press(.left, times: 22)
        XCTAssertEqual(term.role(atRow: 3, col: 6 * column), .selected, "Sunday 1 November")
        press(.char("]"))
        XCTAssertTrue(titleRow.contains("Month December 2026"), titleRow)
        press(.char("]"), .char("]"))
        XCTAssertTrue(titleRow.contains("Month February 2027"), titleRow)
        // From 31 January, ] goes to the last day of February.
        press(.left)
        XCTAssertTrue(titleRow.contains("Month January 2027"), titleRow)
        press(.char("]"))
        XCTAssertTrue(titleRow.contains("Month February 2027"), titleRow)
        press(.right)
        XCTAssertTrue(titleRow.contains("Month March 2027"), "the day after 28.02.2027")
    }
}
