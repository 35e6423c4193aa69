import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Narrowing the list to one class or one rep.
final class AccountsFilterTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openDemo(customers: 300, seed: 7)
        try launch()
    }

    /// Pages through the whole list, checking every row that comes into view.
    private func everyRowPageByPage(_ check: (String) -> Void) {
        var seen = Set<String>()
        while true {
            for row in listRows where !seen.contains(number(of: row)) {
                seen.insert(number(of: row))
                check(row)
            }
            guard let p = position, p.at < p.of else { break }
            press(.pageDown)
        }
    }

    func testEachClassKeyShowsOnlyThatClassWithMatchingCounts() throws {
        for (key, cls) in [("a", CustomerClass.a), ("b", .b), ("c", .c)] {
            press(.char(Character(key)))
            let query = AccountQuery(filter: AccountFilter(customerClass: cls))
            let totals = try store.accountTotals(query)
            XCTAssertGreaterThan(totals.count, 0)
            XCTAssertTrue(titleRow.hasPrefix(" Accounts · class \(cls.rawValue) · all reps · by rev 12m ▼"), titleRow)
            XCTAssertTrue(titleRow.hasSuffix(" 1 of \(totals.count) "), titleRow)
            XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces), try totalsText(query))
            XCTAssertEqual(listRows.first.map(number), try accounts(query).first?.number)
            var rows = 0
            everyRowPageByPage { row in
                rows += 1
                XCTAssertEqual(classLetter(of: row).prefix(1), Substring(cls.rawValue), row)
            }
            XCTAssertEqual(rows, totals.count, "paging shows every account of class \(cls.rawValue) once")
            press(.char("g"))
        }
        let all = try store.accountTotals(AccountQuery())
        let byClass = try [CustomerClass.a, .b, .c].map { try store.accountTotals(AccountQuery(filter: AccountFilter(customerClass: $0))).count }
        XCTAssertEqual(byClass.reduce(0, +), all.count)

        press(.char("*"))
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · all classes · "), titleRow)
        XCTAssertTrue(titleRow.hasSuffix(" 1 of 300 "), titleRow)
        XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces), try totalsText())
        XCTAssertEqual(listRows.map(number), Array(try accounts().prefix(listRowCount).map(\.number)), "all classes again")
    }

    func testClassFilterStartsAtTheTopOfTheFilteredList() throws {
        press(.char("j"), times: 5)
        press(.char("b"))
        XCTAssertEqual(position?.at, 1)
        XCTAssertEqual(selectedScreenRow, Self.firstListRow)
        press(.char("0"))
        XCTAssertTrue(titleRow.contains("all classes"), titleRow)
    }

    func testRepPickerListsEveryRepAndFiltersTheList() throws {
        let reps = try store.reps()
        XCTAssertEqual(reps.count, 8)
        press(.char("r"))
        assertScreenContains("┌─ Show accounts of ─")
        assertScreenContains("│ All reps ")
        for rep in reps { assertScreenContains("│ \(rep.code)  \(rep.name) ") }
        XCTAssertTrue(isSelected("All reps"), "the current choice is selected")

        // The second rep: "All reps" comes first.
        let rep = reps[1]
        press(.char("j"), .char("j"), .char("j"), .char("k"))
        XCTAssertTrue(isSelected("\(rep.code)  \(rep.name)"))
        press(.enter)
        assertScreenLacks("Show accounts of")
        let query = AccountQuery(filter: AccountFilter(repCode: rep.code))
        let count = try store.accountTotals(query).count
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · all classes · rep \(rep.code) (\(rep.name)) · by rev 12m ▼"), titleRow)
        XCTAssertTrue(titleRow.hasSuffix(" 1 of \(count) "), titleRow)
        XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces), try totalsText(query))
        XCTAssertEqual(listRows.map(number), Array(try accounts(query).prefix(listRowCount).map(\.number)))
        for row in listRows { XCTAssertEqual(cell(8, of: row), rep.code, row) }

        // Class and rep filters combine.
        press(.char("a"))
        let both = AccountQuery(filter: AccountFilter(customerClass: .a, repCode: rep.code))
        XCTAssertTrue(titleRow.contains("class A · rep \(rep.code)"), titleRow)
        XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces), try totalsText(both))
        for row in listRows { XCTAssertEqual(cell(8, of: row), rep.code); XCTAssertEqual(classLetter(of: row).prefix(1), "A") }

        // Back to every rep.
        press(.char("r"))
        XCTAssertTrue(isSelected("\(rep.code)  \(rep.name)"), "the picker opens on the current rep")
        press(.char("g"), .enter)
        XCTAssertTrue(titleRow.contains("class A · all reps"), titleRow)
    }

    func testEscClosesTheRepPickerWithoutChangingTheList() throws {
        let before = screen
        press(.char("r"), .char("j"), .char("j"))
        press(.escape)
        XCTAssertEqual(screen, before)
    }
}
