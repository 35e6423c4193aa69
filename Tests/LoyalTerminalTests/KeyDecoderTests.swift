import XCTest
@testable import LoyalTerminal

final class KeyDecoderTests: XCTestCase {
    private func decode(_ inputs: [RawInput], timeout: Bool = false) -> [KeyDecoder.Output] {
        var decoder = KeyDecoder()
        var out = inputs.flatMap { decoder.feed($0) }
        if timeout { out += decoder.escapeTimedOut() }
        return out
    }

    private func key(_ input: RawInput) -> KeyDecoder.Output? {
        decode([input]).first
    }

    private func ch(_ c: Character) -> RawInput {
        .character(c.unicodeScalars.first!.value)
    }

    func testCursesKeyCodesMatchTheHeader() {
        // Octal values from <ncursesw/curses.h>.
        XCTAssertEqual(CursesKeyCode.down, 0o402)
        XCTAssertEqual(CursesKeyCode.up, 0o403)
        XCTAssertEqual(CursesKeyCode.backspace, 0o407)
        XCTAssertEqual(CursesKeyCode.function(1), 0o411)
        XCTAssertEqual(CursesKeyCode.backTab, 0o541)
        XCTAssertEqual(CursesKeyCode.resize, 0o632)
    }

    func testArrowsAndNavigation() {
        XCTAssertEqual(key(.keyCode(CursesKeyCode.up)), .key(.up))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.down)), .key(.down))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.left)), .key(.left))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.right)), .key(.right))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.pageUp)), .key(.pageUp))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.pageDown)), .key(.pageDown))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.home)), .key(.home))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.end)), .key(.end))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.keypadLowerLeft)), .key(.end))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.delete)), .key(.delete))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.insert)), .key(.insert))
    }

    func testFunctionKeys() {
        XCTAssertEqual(key(.keyCode(0o411)), .key(.function(1)))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.function(5))), .key(.function(5)))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.function(12))), .key(.function(12)))
        XCTAssertNil(key(.keyCode(CursesKeyCode.function(0))))
        XCTAssertNil(key(.keyCode(9999)), "unknown codes are ignored")
    }

    func testPlainCharacters() {
        XCTAssertEqual(key(ch("q")), .key(.char("q")))
        XCTAssertEqual(key(ch("Q")), .key(.char("Q")))
        XCTAssertEqual(key(ch("ä")), .key(.char("ä")))
        XCTAssertEqual(key(ch("漢")), .key(.char("漢")))
        XCTAssertEqual(key(ch(" ")), .key(.char(" ")))
        XCTAssertNil(key(.character(0x9B)), "C1 controls are not typed text")
        XCTAssertNil(key(.character(0xD800)), "a surrogate is not a character")
    }

    func testControlLetters() {
        XCTAssertEqual(key(.character(1)), .key(.ctrl("a")))
        XCTAssertEqual(key(.character(12)), .key(.ctrl("l")))
        XCTAssertEqual(key(.character(26)), .key(.ctrl("z")))
        XCTAssertEqual(key(.character(3)), .key(.ctrl("c")))
        XCTAssertEqual(key(.character(0)), .key(.ctrl(" ")))
        XCTAssertEqual(key(.character(9)), .key(.tab))
        XCTAssertEqual(key(.character(13)), .key(.enter))
        XCTAssertEqual(key(.character(10)), .key(.enter))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.enter)), .key(.enter))
        XCTAssertEqual(key(.character(31)), .key(.ctrl("_")))
    }

    func testBackspaceVariants() {
        XCTAssertEqual(key(.character(127)), .key(.backspace))
        XCTAssertEqual(key(.character(8)), .key(.backspace))
        XCTAssertEqual(key(.keyCode(CursesKeyCode.backspace)), .key(.backspace))
    }

    func testShiftTab() {
        XCTAssertEqual(key(.keyCode(CursesKeyCode.backTab)), .key(.backTab))
    }

    func testEscapeAloneWaitsThenTimesOut() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed(.character(27)), [])
        XCTAssertTrue(decoder.isAwaitingEscapeFollowUp)
        XCTAssertEqual(decoder.escapeTimedOut(), [.key(.escape)])
        XCTAssertFalse(decoder.isAwaitingEscapeFollowUp)
        XCTAssertEqual(decoder.escapeTimedOut(), [])
    }

    func testEscapeFollowedByCharacterIsAlt() {
        XCTAssertEqual(decode([.character(27), ch("x")]), [.key(.alt("x"))])
        XCTAssertEqual(decode([.character(27), ch("X")]), [.key(.alt("X"))])
        XCTAssertEqual(decode([.character(27), ch("x"), ch("y")]), [.key(.alt("x")), .key(.char("y"))])
    }

    func testEscapeFollowedByNonCharacterIsEscapeThenThatKey() {
        XCTAssertEqual(decode([.character(27), .keyCode(CursesKeyCode.up)]), [.key(.escape), .key(.up)])
        XCTAssertEqual(decode([.character(27), .character(13)]), [.key(.escape), .key(.enter)])
        XCTAssertEqual(decode([.character(27), .character(127)]), [.key(.escape), .key(.backspace)])
        XCTAssertEqual(decode([.character(27), .character(27)], timeout: true), [.key(.escape), .key(.escape)])
        XCTAssertEqual(decode([.character(27), .character(27), ch("x")]), [.key(.escape), .key(.alt("x"))])
    }

    func testResizeAndMouseAreReportedForTheTerminalToResolve() {
        XCTAssertEqual(key(.keyCode(CursesKeyCode.resize)), .resize)
        XCTAssertEqual(key(.keyCode(CursesKeyCode.mouse)), .mouse)
    }

    func testMouseEvents() {
        XCTAssertEqual(KeyDecoder.mouseEvent(row: 3, col: 7, buttonState: CursesMouseMask.button1Pressed),
                       MouseEvent(row: 3, col: 7, kind: .leftClick))
        XCTAssertEqual(KeyDecoder.mouseEvent(row: 0, col: 0, buttonState: CursesMouseMask.button4Pressed)?.kind,
                       .wheelUp)
        XCTAssertEqual(KeyDecoder.mouseEvent(row: 0, col: 0, buttonState: CursesMouseMask.button5Pressed)?.kind,
                       .wheelDown)
        XCTAssertEqual(KeyDecoder.mouseEvent(row: 0, col: 0, buttonState: CursesMouseMask.button3Clicked)?.kind,
                       .rightClick)
        XCTAssertNil(KeyDecoder.mouseEvent(row: 0, col: 0, buttonState: 0))
    }
}
