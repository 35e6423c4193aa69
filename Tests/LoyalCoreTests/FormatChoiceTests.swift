import LoyalCore
import XCTest

/// Days and amounts follow the language unless the locale's time and money categories or
/// the `formats` setting choose them apart from it (POSIX order: LC_ALL, then the category).
final class FormatChoiceTests: XCTestCase {
    override func tearDown() { Text.use(LanguageChoice(.en, explicit: false)) }

    func choose(_ env: [String: String], setting: String? = nil, language: Language = .en) -> FormatChoice {
        FormatChoice.resolve(setting: setting, environment: env, language: language)
    }

    func testFormatsFollowTheLanguageWhenNothingElseChoosesThem() {
        XCTAssertEqual(choose(["LANG": "C"]), FormatChoice(.en))
        XCTAssertEqual(choose(["LANG": "de_DE.UTF-8"], language: .de), FormatChoice(.de))
        // C and POSIX name no language: they leave the choice to the language.
        XCTAssertEqual(choose(["LC_ALL": "C.UTF-8", "LC_TIME": "POSIX"], language: .de), FormatChoice(.de))
    }

    func testTimeAndMoneyCategoriesChooseDaysAndAmountsApart() {
        XCTAssertEqual(choose(["LANG": "C", "LC_TIME": "de_DE.UTF-8"]), FormatChoice(dates: .de, numbers: .en))
        XCTAssertEqual(choose(["LANG": "C", "LC_MONETARY": "de_DE.UTF-8"]), FormatChoice(dates: .en, numbers: .de))
        XCTAssertEqual(choose(["LC_NUMERIC": "de_AT.UTF-8"]), FormatChoice(dates: .en, numbers: .de))
        XCTAssertEqual(choose(["LC_TIME": "en_GB.UTF-8", "LC_MONETARY": "en_GB.UTF-8"], language: .de), FormatChoice(.en))
        // LC_ALL overrides every category, as in POSIX.
        XCTAssertEqual(choose(["LC_ALL": "de_DE.UTF-8", "LC_TIME": "en_US.UTF-8"]), FormatChoice(.de))
    }

    func testTheSettingWinsOverTheLocale() {
        XCTAssertEqual(choose(["LC_ALL": "en_US.UTF-8"], setting: "de"), FormatChoice(.de))
        XCTAssertEqual(choose(["LC_TIME": "de_DE.UTF-8"], setting: "en", language: .de), FormatChoice(.en))
        XCTAssertEqual(choose(["LC_TIME": "de_DE.UTF-8"], setting: ""), FormatChoice(dates: .de, numbers: .en))
    }

    func testDisplayDefaultsTakeEachFormatFromItsOwnChoice() {
        Text.use(LanguageChoice(.en, explicit: false))
        Text.useFormats(FormatChoice(dates: .de, numbers: .en))
        let day = Day(year: 2026, month: 12, day: 4)!
        XCTAssertEqual(DisplaySettings().dateStyle.format(day), "04.12.2026")
        XCTAssertEqual(DisplaySettings().money.format(Money(cents: 123_456)), "1,234.56 €")
        Text.useFormats(FormatChoice(.en))
        XCTAssertEqual(DisplaySettings().dateStyle.format(day), "2026-12-04")
        Text.useFormats(nil)
        XCTAssertEqual(DisplaySettings().money.format(Money(cents: 123_456)), "1.234,56 €", "no choice: German, as always")
    }
}
