import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Key names in the help screen and the status line follow the language (issue 15): German
/// keyboards say Eingabe, Bild↓, Pos1, Ende, Leertaste and Strg; English keeps Enter, PgDn …
final class GermanKeyNamesTests: UITestCase {
    override func tearDownWithError() throws {
        Text.use(LanguageChoice(.en, explicit: false))
        try super.tearDownWithError()
    }

    func testTheGermanHelpScreenNamesTheKeysInGerman() throws {
        try openDemo(customers: 50, seed: 7)
        Text.use(.de)
        try launch(width: 120, height: 40)
        press(.char("?"))
        var shown = screen
        press(.pageDown)
        shown += screen
        for name in ["Eingabe", "Bild↓", "Bild↑", "Pos1", "Ende", "Leertaste", "Strg-D", "Esc"] {
            XCTAssertTrue(LanguageWalkTests.containsWord(name, in: shown), "\(name) missing:\n\(shown)")
        }
        for name in ["Enter", "PgDn", "PgUp", "Home", "Space", "Ctrl-D"] {
            XCTAssertFalse(LanguageWalkTests.containsWord(name, in: shown), "\(name) is English:\n\(shown)")
        }
        press(.escape)
        // A form's key line: the keys that work while typing, by their German names.
        press(.enter, .char("e"))
        XCTAssertTrue(statusRow.contains("Strg-S"), statusRow)
        XCTAssertFalse(statusRow.contains("Ctrl-S"), statusRow)
    }

    func testTheEnglishHelpScreenKeepsTheEnglishNames() throws {
        try openDemo(customers: 50, seed: 7)
        try launch(width: 120, height: 40)
        press(.char("?"))
        for name in ["Enter", "PgDn", "Home", "End", "Space"] {
            XCTAssertTrue(LanguageWalkTests.containsWord(name, in: screen), "\(name) missing:\n\(screen)")
        }
        XCTAssertFalse(screen.contains("Eingabe"), screen)
        press(.escape, .enter, .char("e"))
        XCTAssertTrue(statusRow.hasPrefix(" Tab next field  Ctrl-S save  Esc cancel"), statusRow)
    }

    func testKeyNamesForEveryNamedKey() {
        Text.use(.de)
        XCTAssertEqual([Key.enter, .escape, .pageUp, .pageDown, .home, .end, .tab, .char(" "), .up, .ctrl("l"), .char("q")]
                        .map(\.shownName), ["Eingabe", "Esc", "Bild↑", "Bild↓", "Pos1", "Ende", "Tab", "Leertaste", "↑", "Strg-L", "q"])
        Text.use(.en)
        XCTAssertEqual([Key.enter, .escape, .pageUp, .pageDown, .home, .end, .tab, .char(" "), .up, .ctrl("l"), .char("q")]
                        .map(\.shownName), ["Enter", "Esc", "PgUp", "PgDn", "Home", "End", "Tab", "Space", "Up", "Ctrl-L", "q"])
    }
}
