import XCTest
@testable import LoyalTerminal

final class ScreenBufferTests: XCTestCase {
    func testNewBufferIsBlank() {
        let buffer = ScreenBuffer(width: 4, height: 2)
        XCTAssertEqual(buffer.lines, ["    ", "    "])
        XCTAssertEqual(buffer.role(atRow: 1, col: 3), .normal)
        XCTAssertNil(buffer.role(atRow: 2, col: 0))
        XCTAssertNil(buffer.cursor)
    }

    func testPutWritesTextAndRole() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        XCTAssertEqual(buffer.put(row: 1, col: 2, "Müller", role: .title), 6)
        XCTAssertEqual(buffer.lines, ["          ", "  Müller  "])
        XCTAssertEqual(buffer.role(atRow: 1, col: 1), .normal)
        XCTAssertEqual(buffer.role(atRow: 1, col: 2), .title)
        XCTAssertEqual(buffer.role(atRow: 1, col: 7), .title)
        XCTAssertEqual(buffer.role(atRow: 1, col: 8), .normal)
    }

    func testPutClipsAtMaxWidthAndRightEdge() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        XCTAssertEqual(buffer.put(row: 0, col: 1, "abcdef", maxWidth: 3), 3)
        XCTAssertEqual(buffer.put(row: 1, col: 3, "abcdef"), 3)
        XCTAssertEqual(buffer.lines, [" abc  ", "   abc"])
        XCTAssertEqual(buffer.put(row: 1, col: 6, "x"), 0)
        XCTAssertEqual(buffer.put(row: 2, col: 0, "x"), 0)
        XCTAssertEqual(buffer.put(row: 0, col: 0, "x", maxWidth: 0), 0)
    }

    func testWideCharactersTakeTwoCells() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put(row: 0, col: 0, "漢字"), 4)
        XCTAssertEqual(buffer.lines, ["漢字  "])
        XCTAssertEqual(buffer.cell(atRow: 0, col: 0)?.isWide, true)
        XCTAssertEqual(buffer.cell(atRow: 0, col: 1)?.isContinuation, true)
        XCTAssertEqual(buffer.cell(atRow: 0, col: 1)?.text, "")
        XCTAssertEqual(buffer.cell(atRow: 0, col: 2)?.text, "字")
    }

    func testWideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.fill(row: 0, col: 0, width: 5, character: ".")
        XCTAssertEqual(buffer.put(row: 0, col: 0, "ab漢字", role: .selected), 5)
        XCTAssertEqual(buffer.lines[0], "ab漢 ")
        XCTAssertEqual(buffer.role(atRow: 0, col: 4), .selected)
        XCTAssertEqual(buffer.put(row: 1, col: 0, "漢字", maxWidth: 3), 3)
        XCTAssertEqual(buffer.lines[1], "漢   ")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put(row: 0, col: 0, "漢字")
        buffer.put(row: 0, col: 1, "x")
        XCTAssertEqual(buffer.lines, [" x字  "])
        buffer.put(row: 0, col: 2, "y")
        XCTAssertEqual(buffer.lines, [" xy   "])
        XCTAssertFalse(buffer.cells.contains { $0.isContinuation })
    }

    func testPutSanitizesEverything() {
        var buffer = ScreenBuffer(width: 24, height: 1)
        let used = buffer.put(row: 0, col: 0, "\u{1b}]52;c;SGVsbG8=\u{07}")
        XCTAssertEqual(used, 18)
        XCTAssertEqual(buffer.lines, ["^[]52;c;SGVsbG8=^G      "])
        buffer.clear()
        buffer.put(row: 0, col: 0, "a\u{202E}b\nc")
        XCTAssertEqual(buffer.lines, ["a<U+202E>b^Jc           "])
    }

    func testCombiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put(row: 0, col: 0, "e\u{301}x"), 2)
        XCTAssertEqual(buffer.cell(atRow: 0, col: 0)?.text, "e\u{301}")
        XCTAssertEqual(buffer.put(row: 0, col: 2, "\u{301}z"), 1, "a lone mark is dropped")
        XCTAssertEqual(buffer.lines, ["e\u{301}xz "])
    }

    func testNegativeColumnClipsOnTheLeft() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        XCTAssertEqual(buffer.put(row: 0, col: -2, "ab漢c"), 3)
        XCTAssertEqual(buffer.put(row: 1, col: -3, "ab漢c"), 2)
        XCTAssertEqual(buffer.lines, ["漢c ", " c  "])
    }

    func testFillAndClear() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.fill(row: 1, col: 1, width: 3, role: .statusBar)
        XCTAssertEqual(buffer.role(atRow: 1, col: 0), .normal)
        XCTAssertEqual(buffer.role(atRow: 1, col: 3), .statusBar)
        XCTAssertEqual(buffer.role(atRow: 1, col: 4), .normal)
        buffer.fill(row: 0, col: 3, width: 10, role: .border, character: "─")
        XCTAssertEqual(buffer.lines, ["   ──", "     "])
        buffer.cursor = CursorPosition(row: 1, col: 1)
        buffer.clear(role: .popup)
        XCTAssertEqual(buffer.lines, ["     ", "     "])
        XCTAssertEqual(buffer.role(atRow: 0, col: 0), .popup)
        XCTAssertNil(buffer.cursor)
    }

    func testRowsRoundTrip() {
        var buffer = ScreenBuffer(width: 12, height: 3)
        let rows = ["Kunde  Größe", "漢字 😀 ok  ", "🇩🇪 e\u{301}        "]
        for (i, row) in rows.enumerated() { buffer.put(row: i, col: 0, row) }
        XCTAssertEqual(buffer.lines, rows)
    }

    func testDiffCountsAndColumnsToWrite() {
        var a = ScreenBuffer(width: 6, height: 2)
        a.put(row: 0, col: 0, "漢字ab")
        var b = a
        XCTAssertEqual(ScreenDiff.changedCellCount(from: a, to: b), 0)
        XCTAssertTrue(ScreenDiff.columnsToWrite(from: a, to: b).isEmpty)
        b.put(row: 0, col: 1, "x")       // cuts 漢 in half: cells 0 and 1 change
        XCTAssertEqual(ScreenDiff.changedCellCount(from: a, to: b), 2)
        let writes = ScreenDiff.columnsToWrite(from: a, to: b)
        XCTAssertEqual(writes.map(\.row), [0])
        XCTAssertEqual(writes.first?.cols, [0, 1])
        var c = a
        c.put(row: 1, col: 5, "z")
        XCTAssertEqual(ScreenDiff.changedCellCount(from: a, to: c), 1)
        XCTAssertEqual(ScreenDiff.columnsToWrite(from: a, to: c).first?.cols, [5])
        XCTAssertEqual(ScreenDiff.changedCellCount(from: nil, to: c), 12)
        XCTAssertEqual(ScreenDiff.columnsToWrite(from: nil, to: a).first?.cols, [0, 2, 4, 5])
    }
}
