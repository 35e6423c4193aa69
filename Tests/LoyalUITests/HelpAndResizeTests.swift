import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// `?` help built from the action tables, status-bar hints, and a terminal that gets too small.
final class HelpAndResizeTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openDemo(customers: 300, seed: 7)
        try launch()
    }

    /// Every line the help box shows, scrolling it with j until the end (box borders and padding removed).
    private func helpLines() -> [String] {
        var lines: [String] = []
        var previous = ""
        for _ in 0..<40 {
            let box = term.lines.filter { $0.contains("│") }
                .map { line -> String in
                    let parts = line.split(separator: "│", omittingEmptySubsequences: false)
                    return parts.count >= 3 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
                }
            if box.joined(separator: "\n") == previous { break }
            previous = box.joined(separator: "\n")
            for l in box where !lines.contains(l) || l.isEmpty { lines.append(l) }
            press(.char("j"))
        }
        return lines.filter { !$0.isEmpty }
    }

    private func assertHelpLists(_ tables: [KeyHelp], file: StaticString = #filePath, line: UInt = #line) {
        let lines = helpLines()
        for table in tables {
            XCTAssertTrue(lines.contains(table.title), "no title \(table.title) in \(lines)", file: file, line: line)
            for entry in table.entries {
                let words = (entry.keys + " " + entry.help).split(separator: " ").map(String.init)
                XCTAssertTrue(lines.contains { $0.split(separator: " ").map(String.init) == words },
                              "help lacks \"\(entry.keys)  \(entry.help)\":\n\(lines.joined(separator: "\n"))",
                              file: file, line: line)
            }
        }
    }

    func testHelpListsEveryBindingOfTheAccountsListAndTheGlobalOnes() {
        press(.char("?"))
        assertScreenContains("Keys — Esc closes, j/k scroll")
        XCTAssertGreaterThan(AccountsScreen.keyHelp.entries.count, 15)
        assertHelpLists([AccountsScreen.keyHelp, GlobalKeys.keyHelp])
        press(.escape)
        assertScreenLacks("Keys — Esc closes")
        XCTAssertEqual(selectedScreenRow, Self.firstListRow, "the list is unchanged under the help")
    }

    func testHelpOnTheDetailListsTheDetailBindings() {
        press(.enter, .char("?"))
        assertHelpLists([AccountDetailScreen.keyHelp, GlobalKeys.keyHelp])
        XCTAssertFalse(helpLines().contains("Accounts"), "the list's keys are not the detail's")
        press(.char("?"))
        assertScreenLacks("Keys — Esc closes")
        XCTAssertTrue(term.row(1).hasSuffix(" Summary "), "? closes the help again")
    }

    func testHelpOnAFormListsTheFormBindings() {
        press(.enter, .char("e"), .function(1))
        assertHelpLists([FormScreen.keyHelp, GlobalKeys.keyHelp])
        press(.escape)
        assertScreenContains("Soft facts of ")
    }

    func testStatusBarHintsFollowTheScreen() {
        func hints(_ table: KeyHelp) -> String {
            (table.statusHints + GlobalKeys.keyHelp.statusHints).map { "\($0.key) \($0.label)" }.joined(separator: "  ")
        }
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), hints(AccountsScreen.keyHelp))
        press(.enter)
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), hints(AccountDetailScreen.keyHelp))
        press(.char("p"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), hints(ContactsScreen.keyHelp))
    }

    func testFormHintsOfferOnlyKeysThatWorkWhileTyping() {
        press(.enter, .char("e"))
        let status = statusRow
        XCTAssertTrue(status.hasPrefix(" Tab next field  Ctrl-S save  Esc cancel"), status)
        XCTAssertFalse(status.contains("? help"), "? is typed into the field: \(status)")
        XCTAssertFalse(status.contains("q quit"), "q is typed into the field: \(status)")
        XCTAssertTrue(status.contains("F1 help"), status)
        // And what the hints promise holds: ? and q type, F1 helps.
        type("q?")
        assertScreenContains("Preferences           q?")
        press(.function(1))
        assertScreenContains("Keys — Esc closes, j/k scroll")
    }

    func testATooSmallTerminalSaysSoAndTheListComesBack() {
        press(.char("j"), .char("j"))
        let before = screen
        term.resize(width: 60, height: 20)
        app.drain(term)
        XCTAssertEqual(term.lines.count, 20)
        XCTAssertEqual(term.row(0).count, 60)
        assertScreenContains("Terminal too small: 60×20")
        assertScreenContains("Loyal needs at least 80×24.")
        assertScreenLacks("Accounts ·")
        press(.char("j"))
        term.resize(width: 100, height: 30)
        app.drain(term)
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · all classes"), titleRow)
        XCTAssertEqual(position?.at, 4, "keys pressed while too small still count")
        press(.char("k"))
        XCTAssertEqual(screen, before)
    }

    func testAWiderTerminalGivesNamesMoreRoom() throws {
        let longest = try accounts().prefix(listRowCount).max { $0.name.count < $1.name.count }!
        // At 100 columns the fixed columns (the potential among them) take 75 and the 9 gaps
        // between them 9; of the 16 left the name gets 3/4: 14 + 12 = 26 columns, 25 and "…".
        XCTAssertEqual(AccountsView.layout(width: 100).spans[1].width, 26)
        XCTAssertTrue(screen.contains(String(longest.name.prefix(25)) + "…"), "\(longest.name):\n\(screen)")
        XCTAssertFalse(screen.contains(longest.name), "cut at 100 columns: \(longest.name)")
        term.resize(width: 160, height: 40)
        app.drain(term)
        XCTAssertEqual(term.row(0).count, 160)
        assertScreenContains(longest.name)
        XCTAssertEqual(listRows.count, 35)
    }
}
