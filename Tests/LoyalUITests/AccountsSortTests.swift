import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Sorting the list: the `s` picker, `<` `>`, `I`, and clicking a column title.
final class AccountsSortTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openDemo(customers: 300, seed: 7)
        try launch()
    }

    private func assertListShows(_ query: AccountQuery, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(listRows.map(number), Array(try accounts(query).prefix(listRowCount).map(\.number)),
                       file: file, line: line)
    }

    func testSortPickerOffersEveryColumnAndSortsByTheChosenOne() throws {
        press(.char("s"))
        assertScreenContains("┌─ Sort by ─")
        for title in ["Number", "Name", "City", "Cl", "Value", "Rev 12m", "Last buy", "Risk", "Rep"] {
            assertScreenContains("│ \(title) ")
        }
        XCTAssertTrue(isSelected("Rev 12m "), "the picker opens on the current sort")

        press(.char("g"), .char("j"), .enter)  // Name
        assertScreenLacks("Sort by")
        XCTAssertTrue(titleRow.contains("· by name ▲"), titleRow)
        XCTAssertTrue(headerRow.contains("Name▲"), headerRow)
        XCTAssertFalse(headerRow.contains("Rev 12m▼"), headerRow)
        try assertListShows(AccountQuery(sort: .name))
        let names = listRows.map { cell(1, of: $0) }
        XCTAssertEqual(names.first?.first, "A", "names start at A: \(names)")
        XCTAssertEqual(position?.at, 1)
    }

    func testAngleBracketsStepThroughTheColumns() throws {
        press(.char(">"))
        XCTAssertTrue(titleRow.contains("· by last buy ▼"), titleRow)
        XCTAssertTrue(headerRow.contains("Last buy▼"), headerRow)
        try assertListShows(AccountQuery(sort: .lastPurchase))
        press(.char(">"))
        XCTAssertTrue(titleRow.contains("· by risk ▼"), titleRow)
        press(.char(">"))
        XCTAssertTrue(titleRow.contains("· by rep ▲"), titleRow)
        try assertListShows(AccountQuery(sort: .rep))
        press(.char(">"))
        XCTAssertTrue(titleRow.contains("· by number ▲"), "after the last column comes the first: \(titleRow)")
        try assertListShows(AccountQuery(sort: .number))
        XCTAssertEqual(listRows.map(number), listRows.map(number).sorted())
        press(.char("<"))
        XCTAssertTrue(titleRow.contains("· by rep ▲"), titleRow)
        press(.char("<"), .char("<"), .char("<"), .char("<"))
        XCTAssertTrue(titleRow.contains("· by value ▼"), titleRow)
        press(.char("<"))
        XCTAssertTrue(titleRow.contains("· by cl ▲"), titleRow)
        try assertListShows(AccountQuery(sort: .class))
        XCTAssertEqual(listRows.map { classLetter(of: $0) }, listRows.map { classLetter(of: $0) }.sorted())
    }

    func testInvertReversesTheOrder() throws {
        let all = try accounts()
        press(.char("I"))
        XCTAssertTrue(titleRow.contains("· by rev 12m ▲"), titleRow)
        XCTAssertTrue(headerRow.contains("Rev 12m▲"), headerRow)
        try assertListShows(AccountQuery(sort: .revenue, descending: false))
        XCTAssertEqual(listRows.first.map(number), all.last?.number, "the smallest revenue comes first")
        press(.char("G"))
        XCTAssertEqual(selectedRowText.map(number), all.first?.number, "and the largest last")
        press(.char("I"))
        XCTAssertTrue(titleRow.contains("· by rev 12m ▼"), titleRow)
        XCTAssertEqual(position?.at, 1, "a new order starts at the top")
        try assertListShows(AccountQuery())
    }

    func testClickingAColumnTitleSortsByItAndAgainInverts() throws {
        let layout = AccountsView.layout(width: term.width)
        let city = layout.spans[2]
        term.click(row: 2, col: city.col + 1)
        app.drain(term)
        XCTAssertTrue(titleRow.contains("· by city ▲"), titleRow)
        XCTAssertTrue(headerRow.contains("City▲"), headerRow)
        try assertListShows(AccountQuery(sort: .city))
        term.click(row: 2, col: city.col + city.width - 1)
        app.drain(term)
        XCTAssertTrue(titleRow.contains("· by city ▼"), titleRow)
        try assertListShows(AccountQuery(sort: .city, descending: true))
        let risk = layout.spans[7]
        term.click(row: 2, col: risk.col)
        app.drain(term)
        XCTAssertTrue(titleRow.contains("· by risk ▼"), titleRow)
    }

    func testSortKeepsTheFilter() throws {
        press(.char("c"), .char(">"))
        XCTAssertTrue(titleRow.contains("class C · all reps · by last buy ▼"), titleRow)
        let query = AccountQuery(filter: AccountFilter(customerClass: .c), sort: .lastPurchase)
        try assertListShows(query)
        XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces), try totalsText(query))
    }
}
