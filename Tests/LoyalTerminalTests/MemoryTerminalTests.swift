import XCTest
@testable import LoyalTerminal

final class MemoryTerminalTests: XCTestCase {
    func testQueuedInputComesOutInOrderThenNil() {
        let term = MemoryTerminal(width: 20, height: 5)
        term.type("Mü\n")
        term.send(.ctrl("l"), .down)
        term.click(row: 2, col: 3)
        term.wheel(up: false)
        XCTAssertEqual(term.pendingEventCount, 7)
        var events: [InputEvent] = []
        while let e = term.nextEvent(timeoutMilliseconds: -1) { events.append(e) }
        XCTAssertEqual(events, [
            .key(.char("M")), .key(.char("ü")), .key(.enter), .key(.ctrl("l")), .key(.down),
            .mouse(MouseEvent(row: 2, col: 3, kind: .leftClick)),
            .mouse(MouseEvent(row: 0, col: 0, kind: .wheelDown)),
        ])
        XCTAssertNil(term.nextEvent(timeoutMilliseconds: 0))
    }

    func testResizeChangesSizeAndQueuesEvent() {
        let term = MemoryTerminal(width: 20, height: 5)
        term.resize(width: 40, height: 10)
        XCTAssertEqual(term.width, 40)
        XCTAssertEqual(term.height, 10)
        XCTAssertEqual(term.nextEvent(timeoutMilliseconds: 0), .resize(width: 40, height: 10))
    }

    func testPresentRecordsFrameAndCountsChangedCells() {
        let term = MemoryTerminal(width: 10, height: 3)
        XCTAssertEqual(term.lines, [])
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.put(row: 0, col: 0, "Kunden", role: .title)
        term.present(buffer)
        XCTAssertEqual(term.presentCount, 1)
        XCTAssertEqual(term.lastChangedCellCount, 30, "the first frame is all new")
        XCTAssertEqual(term.row(0), "Kunden    ")
        XCTAssertEqual(term.text, "Kunden    \n          \n          ")
        XCTAssertEqual(term.role(atRow: 0, col: 0), .title)

        term.present(buffer)
        XCTAssertEqual(term.lastChangedCellCount, 0)

        buffer.put(row: 2, col: 0, "漢", role: .selected)
        term.present(buffer)
        XCTAssertEqual(term.lastChangedCellCount, 2, "both halves of the wide character")

        buffer.put(row: 0, col: 0, "Kunde")
        term.present(buffer)
        XCTAssertEqual(term.lastChangedCellCount, 5, "same text, new role")

        term.repaintAll()
        term.present(buffer)
        XCTAssertEqual(term.lastChangedCellCount, 30)
        XCTAssertEqual(term.repaintAllCount, 1)

        let bigger = ScreenBuffer(width: 12, height: 3)
        term.present(bigger)
        XCTAssertEqual(term.lastChangedCellCount, 36, "a new size repaints everything")
        XCTAssertEqual(term.presentCount, 6)
    }

    func testCursorIsExposed() {
        let term = MemoryTerminal(width: 10, height: 3)
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.cursor = CursorPosition(row: 1, col: 4)
        term.present(buffer)
        XCTAssertEqual(term.cursor, CursorPosition(row: 1, col: 4))
    }
}
