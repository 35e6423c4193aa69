import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The mouse in the accounts list: the wheel scrolls, a click selects, a second click opens.
final class MouseTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openDemo(customers: 300, seed: 7)
        try launch()
    }

    func testTheWheelMovesThreeRowsPerNotch() throws {
        let all = try accounts()
        term.wheel(up: false, row: 10, col: 10)
        term.wheel(up: false, row: 10, col: 10)
        app.drain(term)
        XCTAssertEqual(position?.at, 7)
        XCTAssertEqual(selectedRowText.map(number), all[6].number)
        term.wheel(up: true, row: 10, col: 10)
        app.drain(term)
        XCTAssertEqual(position?.at, 4)
        for _ in 0..<20 { term.wheel(up: false) }
        app.drain(term)
        XCTAssertEqual(position?.at, 64, "the wheel scrolls through pages")
        XCTAssertEqual(selectedRowText.map(number), all[63].number)
    }

    func testAClickSelectsAndASecondClickOpens() throws {
        let all = try accounts()
        term.click(row: Self.firstListRow + 5, col: 20)
        app.drain(term)
        XCTAssertEqual(selectedScreenRow, Self.firstListRow + 5)
        XCTAssertEqual(position?.at, 6)
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · "), "one click only selects")
        term.click(row: Self.firstListRow + 5, col: 60)
        app.drain(term)
        XCTAssertTrue(term.row(1).hasPrefix(" \(all[5].number) · \(all[5].name)"), term.row(1))
        press(.escape)
        XCTAssertEqual(position?.at, 6)
    }

    func testClicksAfterScrollingHitTheRowUnderThePointer() throws {
        let all = try accounts()
        press(.pageDown, .pageDown)  // the list has scrolled
        term.click(row: Self.firstListRow, col: 5)
        app.drain(term)
        let top = try XCTUnwrap(position).at
        XCTAssertEqual(selectedScreenRow, Self.firstListRow)
        XCTAssertEqual(selectedRowText.map(number), all[top - 1].number)
    }

    func testClicksOutsideTheRowsChangeNothing() throws {
        let before = screen
        term.click(row: term.height - 2, col: 10)  // the totals line
        term.click(row: term.height - 1, col: 10)  // the status bar
        term.click(row: 1, col: 10)                // the title line
        app.drain(term)
        XCTAssertEqual(screen, before)
    }

    func testTheWheelScrollsTheDetailToo() {
        press(.enter)
        let fourthLine = term.row(5)
        term.wheel(up: false, row: 10, col: 10)
        app.drain(term)
        XCTAssertEqual(term.row(2), fourthLine, "three lines further down")
        term.wheel(up: true, row: 10, col: 10)
        app.drain(term)
        XCTAssertEqual(term.row(2).trimmingCharacters(in: .whitespaces), "Summary")
    }
}
