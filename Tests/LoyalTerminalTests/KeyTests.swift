import XCTest
@testable import LoyalTerminal

final class KeyTests: XCTestCase {
    func testDescriptions() {
        XCTAssertEqual(Key.ctrl("l").description, "Ctrl-L")
        XCTAssertEqual(Key.pageDown.description, "PgDn")
        XCTAssertEqual(Key.pageUp.description, "PgUp")
        XCTAssertEqual(Key.function(1).description, "F1")
        XCTAssertEqual(Key.alt("x").description, "Alt-x")
        XCTAssertEqual(Key.backTab.description, "Shift-Tab")
        XCTAssertEqual(Key.escape.description, "Esc")
        XCTAssertEqual(Key.char(" ").description, "Space")
        XCTAssertEqual(Key.char("?").description, "?")
        XCTAssertEqual(Key.ctrl(" ").description, "Ctrl-Space")
    }

    func testParsing() {
        XCTAssertEqual(Key(parsing: "Ctrl-L"), .ctrl("l"))
        XCTAssertEqual(Key(parsing: "ctrl-l"), .ctrl("l"))
        XCTAssertEqual(Key(parsing: "C-x"), .ctrl("x"))
        XCTAssertEqual(Key(parsing: "^L"), .ctrl("l"))
        XCTAssertEqual(Key(parsing: "Alt-x"), .alt("x"))
        XCTAssertEqual(Key(parsing: "M-X"), .alt("X"))
        XCTAssertEqual(Key(parsing: "PgDn"), .pageDown)
        XCTAssertEqual(Key(parsing: "pagedown"), .pageDown)
        XCTAssertEqual(Key(parsing: "F12"), .function(12))
        XCTAssertEqual(Key(parsing: "esc"), .escape)
        XCTAssertEqual(Key(parsing: " q "), .char("q"))
        XCTAssertEqual(Key(parsing: "-"), .char("-"))
        XCTAssertEqual(Key(parsing: "Alt--"), .alt("-"))
        XCTAssertEqual(Key(parsing: "Space"), .char(" "))
        XCTAssertEqual(Key(parsing: "Ctrl-I"), .tab, "Ctrl-I is the Tab byte")
        XCTAssertEqual(Key(parsing: "Ctrl-M"), .enter)
        XCTAssertEqual(Key(parsing: "Ctrl-H"), .backspace)
        XCTAssertEqual(Key(parsing: "Ctrl-["), .escape)
        XCTAssertNil(Key(parsing: ""))
        XCTAssertNil(Key(parsing: "Ctrl-"))
        XCTAssertNil(Key(parsing: "Ctrl-Lx"))
        XCTAssertNil(Key(parsing: "F0"))
        XCTAssertNil(Key(parsing: "F64"))
        XCTAssertNil(Key(parsing: "PgDown"))
    }

    func testDescriptionParsesBackToTheSameKey() {
        var keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .insert, .delete,
            .backspace, .enter, .tab, .backTab, .escape, .char(" "), .char("q"), .char("Q"),
            .char("?"), .char("ä"), .char("漢"), .alt("x"), .alt("X"), .alt("-"), .ctrl(" "),
            .ctrl("\\"), .ctrl("]"), .ctrl("_"),
        ]
        keys += (1...12).map { Key.function($0) }
        keys += "abcdefgklnopqrstuvwxyz".map { Key.ctrl($0) }
        for key in keys {
            XCTAssertEqual(Key(parsing: key.description), key, key.description)
        }
    }
}
