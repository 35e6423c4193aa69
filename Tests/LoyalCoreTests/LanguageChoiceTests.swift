import LoyalCore
import XCTest

/// `--lang`, then the `language` setting, then LC_ALL, LC_MESSAGES, LANG; English otherwise.
final class LanguageChoiceTests: XCTestCase {
    override func tearDown() { Text.use(LanguageChoice(.en, explicit: false)) }

    func choose(flag: String? = nil, setting: String? = nil, _ env: [String: String] = [:]) -> LanguageChoice {
        LanguageChoice.resolve(flag: flag, setting: setting, environment: env)
    }

    func testTheLocaleVariablesTextDecidesWithoutTheLocaleBeingInstalled() {
        XCTAssertEqual(choose(["LANG": "de_DE.UTF-8"]), LanguageChoice(.de, explicit: true))
        XCTAssertEqual(choose(["LANG": "de_AT"]), LanguageChoice(.de, explicit: true))
        XCTAssertEqual(choose(["LANG": "en_GB.UTF-8"]), LanguageChoice(.en, explicit: true))
        XCTAssertEqual(choose(["LANG": "C.UTF-8"]), LanguageChoice(.en, explicit: false))
        XCTAssertEqual(choose(["LANG": "fr_FR.UTF-8"]), LanguageChoice(.en, explicit: false))
        XCTAssertEqual(choose([:]), LanguageChoice(.en, explicit: false))
    }

    func testLCAllBeatsLCMessagesBeatsLang() {
        XCTAssertEqual(choose(["LC_ALL": "C", "LANG": "de_DE.UTF-8"]).language, .en)
        XCTAssertEqual(choose(["LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"]).language, .de)
        XCTAssertEqual(choose(["LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"]).language, .de)
        // An empty variable counts as not set, as POSIX has it.
        XCTAssertEqual(choose(["LC_ALL": "", "LANG": "de_DE.UTF-8"]).language, .de)
    }

    func testFlagBeatsSettingBeatsLocale() {
        XCTAssertEqual(choose(flag: "en", setting: "de", ["LANG": "de_DE.UTF-8"]).language, .en)
        XCTAssertEqual(choose(setting: "de", ["LC_ALL": "en_US.UTF-8"]).language, .de)
        XCTAssertEqual(choose(setting: "en", ["LANG": "de_DE.UTF-8"]).language, .en)
        // An empty setting means "from the locale".
        XCTAssertEqual(choose(setting: "", ["LANG": "de_DE.UTF-8"]).language, .de)
        XCTAssertEqual(choose(flag: "de"), LanguageChoice(.de, explicit: true))
    }

    func testNamedLanguages() {
        XCTAssertEqual(Language(named: "de"), .de)
        XCTAssertEqual(Language(named: "Deutsch"), .de)
        XCTAssertEqual(Language(named: "en"), .en)
        XCTAssertNil(Language(named: "fr"))
        XCTAssertNil(Language(named: ""))
    }

    func testTextFollowsTheLanguageInUse() {
        Text.use(.de)
        XCTAssertEqual(Text.tr("signal.revenue_drop"), "Umsatzrückgang")
        XCTAssertEqual(Text.tr("form.discard", "Soft facts"), "Änderungen an Soft facts verwerfen?")
        Text.use(.en)
        XCTAssertEqual(Text.tr("signal.revenue_drop"), "revenue drop")
        XCTAssertEqual(Text.tr("visit.saved", "visit", "Müller GmbH"), "Saved: visit with Müller GmbH")
        // Unknown keys show themselves, so a missing text is visible and tested against.
        XCTAssertEqual(Text.tr("no.such.key"), "no.such.key")
    }

    func testPlaceholdersFillInOrderAndLeaveOtherBracesAlone() {
        XCTAssertEqual(Text.tr("form.contact_title", in: .de, ["Anna Schmidt", "Müller GmbH"]), "Anna Schmidt bei Müller GmbH")
        XCTAssertEqual(Text.tr("form.contact_title", in: .en, ["{2}", "x"]), "{2} at x")
    }
}
