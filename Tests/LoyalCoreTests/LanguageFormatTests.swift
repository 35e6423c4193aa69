import LoyalCore
import XCTest

/// Dates, weekdays, months and amounts by language, hand-checked: 4 December 2026 is a Friday.
final class LanguageFormatTests: XCTestCase {
    let day = Day(year: 2026, month: 12, day: 4)!

    override func tearDown() { Text.use(LanguageChoice(.en, explicit: false)) }

    func testGermanDatesWeekdaysAndMonths() {
        Text.use(.de)
        XCTAssertEqual(DayWords.withWeekday(day, .german), "Fr 04.12.2026")
        XCTAssertEqual(DayWords.monthYear(day), "Dezember 2026")
        XCTAssertEqual(DayWords.month(3), "März")
        XCTAssertEqual(DayWords.weekday(Day(year: 2026, month: 12, day: 6)!.weekday), "So")
        XCTAssertEqual(DayWords.narrowWeekday(2), "Di")
        XCTAssertEqual(DisplaySettings().dateStyle.format(day), "04.12.2026")
        XCTAssertEqual(DisplaySettings().money.format(Money(cents: 123_456)), "1.234,56 €")
        XCTAssertEqual(DisplaySettings().money.format(Money(cents: -123_456_789), withCents: false), "-1.234.568 €")
    }

    func testEnglishChosenKeepsISODatesAndEnglishNumbers() {
        Text.use(.en)
        XCTAssertEqual(DayWords.withWeekday(day, DisplaySettings().dateStyle), "Fri 2026-12-04")
        XCTAssertEqual(DayWords.monthYear(day), "December 2026")
        XCTAssertEqual(DisplaySettings().money.format(Money(cents: 123_456)), "1,234.56 €")
        XCTAssertEqual(DisplaySettings().money.compact(Money(cents: 1_234_567)), "12.3k")
    }

    func testNoLanguagePreferenceKeepsTheFormatsLoyalAlwaysHad() {
        Text.use(LanguageChoice(.en, explicit: false))
        XCTAssertEqual(DisplaySettings().dateStyle, .german)
        XCTAssertEqual(DisplaySettings().money.format(Money(cents: 123_456)), "1.234,56 €")
        XCTAssertEqual(DayWords.withWeekday(day, .german), "Fri 04.12.2026")
    }

    func testMachineFormatsDoNotFollowTheLanguage() {
        Text.use(.de)
        XCTAssertEqual(day.iso, "2026-12-04")
        XCTAssertEqual(Money(cents: 123_456).plain, "1234.56")
        XCTAssertEqual(day.description, "2026-12-04")
    }
}
