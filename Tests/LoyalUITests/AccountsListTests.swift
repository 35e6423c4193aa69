import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The accounts list as a manager first sees it, and moving through it.
final class AccountsListTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openDemo(customers: 300, seed: 7)
        try launch()
    }

    func testFirstFrameShowsTitleHeaderRowsByRevenueAndTotals() throws {
        XCTAssertTrue(term.row(0).hasPrefix(" Loyal  Accounts "), term.row(0))
        XCTAssertTrue(term.row(0).hasSuffix("as of 23.11.2026 "), term.row(0))
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · all classes · all reps · by rev 12m ▼"), titleRow)
        XCTAssertTrue(titleRow.hasSuffix(" 1 of 300 "), titleRow)
        // 100 columns wide: the rep-set potential shows too.
        XCTAssertEqual(term.width, AccountsView.potentialWidth)
        XCTAssertEqual(headerRow.split(separator: " ").map(String.init),
                       ["Number", "Name", "City", "Cl", "Value", "Rev", "12m▼", "Last", "buy", "Risk", "Rep", "Potential"])

        // The visible rows are the first accounts by revenue, largest first.
        let expected = try accounts()
        XCTAssertEqual(expected.count, 300)
        XCTAssertEqual(listRows.count, listRowCount)
        for (i, row) in listRows.enumerated() {
            XCTAssertEqual(number(of: row), expected[i].number, "row \(i)")
            XCTAssertTrue(row.contains(String(expected[i].name.prefix(20))), row)
            if i > 0 { XCTAssertGreaterThanOrEqual(expected[i - 1].revenue12m, expected[i].revenue12m) }
        }
        XCTAssertEqual(cell(6, of: listRows[0]), expected[0].lastPurchase?.german)

        XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces), try totalsText())
        XCTAssertTrue(totalsRow.hasPrefix(" 300 accounts · revenue 12m "), totalsRow)
        XCTAssertTrue(totalsRow.contains(" €"), totalsRow)
        XCTAssertEqual(selectedScreenRow, Self.firstListRow, "the first account is selected")
    }

    func testStatusBarHintsComeFromTheActionTables() {
        let hints = AccountsScreen.keyHelp.statusHints + GlobalKeys.keyHelp.statusHints
        let expected = " " + hints.map { "\($0.key) \($0.label)" }.joined(separator: "  ")
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), expected.trimmingCharacters(in: .whitespaces))
        XCTAssertTrue(statusRow.hasPrefix(" Enter open  + new  a A  b B  c C  * all  r rep  s sort  ? help  / search  v log visit  q quit"),
                      statusRow)
    }

    func testJAndKMoveTheSelectionOneRow() throws {
        let all = try accounts()
        press(.char("j"), .char("j"), .char("j"))
        XCTAssertEqual(position?.at, 4)
        XCTAssertEqual(selectedScreenRow, Self.firstListRow + 3)
        XCTAssertEqual(selectedRowText.map(number), all[3].number)
        press(.char("k"))
        XCTAssertEqual(position?.at, 3)
        XCTAssertEqual(selectedRowText.map(number), all[2].number)
        press(.up, .up, .up)
        XCTAssertEqual(position?.at, 1, "k stops at the first account")
        XCTAssertEqual(selectedScreenRow, Self.firstListRow)
    }

    func testScrollingPastTheFirstPageLoadsTheNextAndKeepsCounting() throws {
        let all = try accounts()
        press(.char("j"), times: 150)
        XCTAssertTrue(titleRow.hasSuffix(" 151 of 300 "), titleRow)
        XCTAssertEqual(selectedRowText.map(number), all[150].number)
        XCTAssertEqual(selectedScreenRow, Self.firstListRow + listRowCount - 1, "the list scrolls with the cursor")
        XCTAssertEqual(listRows.map(number), all[(151 - listRowCount)...150].map(\.number))
        press(.char("k"), times: 140)
        XCTAssertTrue(titleRow.hasSuffix(" 11 of 300 "), titleRow)
        XCTAssertEqual(selectedRowText.map(number), all[10].number)
    }

    func testPageDownAndPageUpMoveByAScreenful() throws {
        let all = try accounts()
        let page = listRowCount
        press(.pageDown)
        XCTAssertEqual(position?.at, 1 + page)
        XCTAssertEqual(selectedRowText.map(number), all[page].number)
        press(.pageDown, .pageDown)
        XCTAssertEqual(position?.at, 1 + 3 * page)
        XCTAssertEqual(selectedRowText.map(number), all[3 * page].number)
        press(.pageUp)
        XCTAssertEqual(position?.at, 1 + 2 * page)
        XCTAssertEqual(selectedRowText.map(number), all[2 * page].number)
        press(.pageUp, .pageUp, .pageUp)
        XCTAssertEqual(position?.at, 1)
        XCTAssertEqual(selectedRowText.map(number), all[0].number)
    }

    func testGJumpsToTheLastAccountAndGBackToTheFirst() throws {
        let all = try accounts()
        press(.char("G"))
        XCTAssertTrue(titleRow.hasSuffix(" 300 of 300 "), titleRow)
        XCTAssertEqual(selectedScreenRow, Self.firstListRow + listRowCount - 1, "the last account sits at the bottom")
        XCTAssertEqual(selectedRowText.map(number), all[299].number)
        XCTAssertEqual(listRows.map(number), all[(300 - listRowCount)...].map(\.number))
        press(.char("k"))
        XCTAssertTrue(titleRow.hasSuffix(" 299 of 300 "), titleRow)
        press(.pageUp)
        XCTAssertEqual(position?.at, 299 - listRowCount)
        XCTAssertEqual(selectedRowText.map(number), all[298 - listRowCount].number)
        press(.char("g"))
        XCTAssertTrue(titleRow.hasSuffix(" 1 of 300 "), titleRow)
        XCTAssertEqual(selectedRowText.map(number), all[0].number)
        press(.end, .char("j"))
        XCTAssertEqual(position?.at, 300, "j stops at the last account")
        press(.home)
        XCTAssertEqual(position?.at, 1)
    }

    func testWalkingBackFromTheEndAcrossPagesKeepsThePosition() throws {
        let all = try accounts()
        press(.char("G"))
        press(.char("k"), times: 180)
        XCTAssertTrue(titleRow.hasSuffix(" 120 of 300 "), titleRow)
        XCTAssertEqual(selectedRowText.map(number), all[119].number)
    }
}
