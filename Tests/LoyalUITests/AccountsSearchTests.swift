import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// `/` in the accounts list: search as you type, Enter keeps, Esc goes back, n/N.
final class AccountsSearchTests: UITestCase {
    /// Eight customers in a known revenue order (K01 largest).
    static let customers = """
        number,name,city
        K01,Alpha Handel,Essen
        K02,Beta Service,Essen
        K03,Müller Bau GmbH,Berlin
        K04,Gamma Druck,Essen
        K05,Mueller Elektro,Essen
        K06,Delta Möbel,Essen
        K07,Müllabfuhr Nord,Essen
        K08,Epsilon Logistik,Essen

        """
    static let purchases = """
        customer,date,amount
        K01,2026-10-01,900
        K02,2026-10-01,800
        K03,2026-10-01,700
        K04,2026-10-01,600
        K05,2026-10-01,500
        K06,2026-10-01,400
        K07,2026-10-01,300
        K08,2026-10-01,200

        """

    private func openEight() throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        try launch()
        XCTAssertEqual(listRows.map(number), ["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08"])
    }

    private var selectedNumber: String? { selectedRowText.map(number) }

    /// Rows whose name is highlighted as a match (and not selected).
    private var highlightedNumbers: [String] {
        let nameCol = AccountsView.layout(width: term.width).spans[1].col
        return (Self.firstListRow..<(Self.firstListRow + listRowCount))
            .filter { term.role(atRow: $0, col: nameCol) == .searchMatch }
            .map { number(of: term.row($0)) }
    }

    func testTypingNarrowsTheSearchAndMovesToTheFirstMatch() throws {
        try openEight()
        press(.char("/"))
        XCTAssertTrue(statusRow.hasPrefix("/"), statusRow)
        XCTAssertNotNil(term.cursor, "the prompt shows a cursor")
        type("e")
        XCTAssertEqual(selectedNumber, "K01", "every account is in Essen or has an e")
        XCTAssertEqual(highlightedNumbers.count, 7, "all but the selected one are highlighted")
        type("l")
        XCTAssertEqual(selectedNumber, "K01", "Alpha Handel")
        XCTAssertEqual(highlightedNumbers, ["K03", "K05", "K06", "K07"], "Mueller (Müller), Mueller, Delta, Muellabfuhr (Müllabfuhr)")
        type("e")
        XCTAssertEqual(selectedNumber, "K05", "only Mueller Elektro has \"ele\"")
        XCTAssertEqual(highlightedNumbers, [])
        XCTAssertTrue(statusRow.hasPrefix("/ele "), statusRow)
        press(.backspace)
        XCTAssertEqual(selectedNumber, "K01", "deleting a letter searches again from where the search began")
    }

    func testEnterKeepsTheMatchAndNAndShiftNMoveBetweenMatches() throws {
        try openEight()
        press(.char("/"))
        type("müll")
        XCTAssertEqual(selectedNumber, "K03")
        XCTAssertEqual(highlightedNumbers, ["K07"], "Müllabfuhr matches too; Mueller Elektro does not")
        press(.enter)
        XCTAssertEqual(selectedNumber, "K03")
        XCTAssertFalse(statusRow.hasPrefix("/"), "the prompt is gone")
        XCTAssertEqual(position?.at, 3)
        press(.char("n"))
        XCTAssertEqual(selectedNumber, "K07")
        press(.char("n"))
        XCTAssertEqual(selectedNumber, "K03")
        XCTAssertTrue(statusRow.contains("Search reached the end, continued at the top"), statusRow)
        press(.char("N"))
        XCTAssertEqual(selectedNumber, "K07")
        XCTAssertTrue(statusRow.contains("Search reached the top, continued at the end"), statusRow)
        press(.char("N"))
        XCTAssertEqual(selectedNumber, "K03")
        XCTAssertFalse(statusRow.contains("Search reached"), statusRow)
    }

    func testAccentsAndCaseDoNotMatter() throws {
        try openEight()
        press(.char("/"))
        type("MOBEL")
        XCTAssertEqual(selectedNumber, "K06", "MOBEL finds Delta Möbel")
        press(.enter)
        press(.char("g"), .char("/"))
        type("k08")
        XCTAssertEqual(selectedNumber, "K08", "the number is searched too")
    }

    func testEscReturnsToWhereTheSearchBegan() throws {
        try openEight()
        press(.char("j"))
        XCTAssertEqual(selectedNumber, "K02")
        press(.char("/"))
        type("epsilon")
        XCTAssertEqual(selectedNumber, "K08")
        press(.escape)
        XCTAssertEqual(selectedNumber, "K02")
        XCTAssertEqual(position?.at, 2)
        XCTAssertFalse(statusRow.hasPrefix("/"), statusRow)
        press(.char("n"))
        assertScreenContains("No search yet: press / to search")
    }

    func testNothingFoundSaysSoAndStaysPut() throws {
        try openEight()
        press(.char("j"), .char("j"))
        press(.char("/"))
        type("zzz")
        XCTAssertTrue(statusRow.hasPrefix("/zzz "), statusRow)
        XCTAssertTrue(statusRow.contains("not found"), statusRow)
        XCTAssertEqual(selectedNumber, "K03")
        press(.enter)
        XCTAssertTrue(statusRow.contains("Not found: zzz"), statusRow)
        XCTAssertEqual(selectedNumber, "K03")
    }

    func testSearchFindsAccountsBeyondTheLoadedRowsBothWays() throws {
        try openDemo(customers: 600, seed: 7)
        try launch()
        let all = try accounts()
        // In the next pages (read as scrolling reads them).
        press(.char("/"))
        type(all[150].number)
        press(.enter)
        XCTAssertEqual(selectedNumber, all[150].number)
        XCTAssertTrue(titleRow.hasSuffix(" 151 of 600 "), titleRow)
        // Farther on (through the search index); the position is counted in the background.
        press(.char("g"), .char("/"))
        type(all[450].number)
        press(.enter)
        XCTAssertEqual(selectedNumber, all[450].number)
        XCTAssertTrue(titleRow.hasSuffix(" 451 of 600 "), "the position is counted: \(titleRow)")
        press(.char("j"))
        XCTAssertEqual(selectedNumber, all[451].number)
        // Backward from the end, in the page before the loaded rows.
        press(.char("G"), .char("N"))
        XCTAssertEqual(selectedNumber, all[450].number)
        XCTAssertTrue(titleRow.hasSuffix(" 451 of 600 "), titleRow)
        press(.char("k"))
        XCTAssertEqual(selectedNumber, all[449].number)
        press(.char("n"))
        XCTAssertEqual(selectedNumber, all[450].number)
        XCTAssertFalse(statusRow.contains("Search reached"), statusRow)
    }
}
