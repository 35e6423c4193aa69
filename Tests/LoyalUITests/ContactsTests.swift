import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The contact persons of an account (`p` on the detail): add one with a birthday, edit one.
final class ContactsTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openImported([
            (.customers, "number,name,city\nK1,Holzwurm GmbH,Berlin\n"),
            (.contacts, "customer,first_name,last_name,role,birthday,primary,phone\nK1,Anna,Schmidt,Einkauf,17.05.1970,ja,+49 30 123456\n"),
            (.purchases, "customer,date,amount\nK1,2026-10-01,900\n"),
        ])
        try launch()
        press(.enter, .char("p"))
    }

    private func contacts() throws -> [ContactPerson] {
        try XCTUnwrap(try store.accountDetail(id: accounts()[0].id, asOf: Self.today)).contacts
    }

    private func row(_ label: String) -> String { term.lines.first { $0.hasPrefix("  \(label) ") } ?? "" }

    private func words(_ row: Int) -> [String] { term.row(row).split(separator: " ").map(String.init) }

    func testTheScreenListsThePeopleWithBirthdayAndAge() {
        XCTAssertTrue(term.row(1).hasPrefix(" Contact persons of Holzwurm GmbH "), term.row(1))
        XCTAssertTrue(term.row(0).contains(" › Contacts of Holzwurm GmbH "), term.row(0))
        XCTAssertEqual(words(2), ["Name", "Role", "Birthday", "Phone", "Status"])
        XCTAssertEqual(words(3), ["Anna", "Schmidt", "★", "Einkauf", "17.05.1970", "(56)", "+49", "30", "123456", "active"])
        XCTAssertEqual(term.role(atRow: 3, col: 1), .selected)
        XCTAssertTrue(statusRow.hasPrefix(" Enter edit  + new"), statusRow)
    }

    func testAddingAPersonWithABirthday() throws {
        press(.char("+"))
        XCTAssertTrue(term.row(1).hasPrefix(" New contact person at Holzwurm GmbH "), term.row(1))
        type("Bernd\tWeber\tVertrieb\tb.weber@holzwurm.example\t+49 30 777\t31.02.")
        XCTAssertTrue(row("Birthday").contains("✗ not a birthday"), row("Birthday"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: Birthday — not a birthday"), statusRow)
        XCTAssertEqual(try contacts().count, 1)

        press(.ctrl("u"))
        type("03.12.1985")
        XCTAssertFalse(row("Birthday").contains("✗"), row("Birthday"))
        press(.ctrl("s"))
        XCTAssertTrue(term.row(1).hasPrefix(" Contact persons of Holzwurm GmbH "), "back on the list: \(term.row(1))")
        XCTAssertTrue(statusRow.contains("Saved"), statusRow)
        XCTAssertEqual(words(3).prefix(3), ["Anna", "Schmidt", "★"])
        XCTAssertEqual(words(4), ["Bernd", "Weber", "Vertrieb", "03.12.1985", "(40)", "+49", "30", "777", "active"])

        let saved = try XCTUnwrap(try contacts().first { $0.lastName == "Weber" })
        XCTAssertEqual(saved.firstName, "Bernd")
        XCTAssertEqual(saved.birthday, Birthday(year: 1985, month: 12, day: 3))
        XCTAssertEqual(saved.email, "b.weber@holzwurm.example")
        let audit = try auditEntries()
        XCTAssertEqual(audit.map(\.action), ["add"])
        XCTAssertEqual(audit.first?.entity, "contact_person")
        XCTAssertEqual(audit.first?.entityID, saved.id)
        XCTAssertEqual(audit.first?.detail, "Bernd Weber")

        // Back on the account, the new person is there with birthday and age.
        press(.escape)
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Holzwurm GmbH "), term.row(1))
        press(.char("]"), .char("]"), .char("]"), .char("]"))
        assertScreenContains("Contact persons (2)")
        XCTAssertEqual(term.lines.first { $0.contains("Bernd Weber") }?.split(separator: " ").map(String.init),
                       ["Bernd", "Weber", "Vertrieb", "born", "03.12.1985", "(40)"])
    }

    func testAPersonNeedsALastName() throws {
        press(.char("+"))
        type("Nur Vorname")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: a last name is needed"), statusRow)
        XCTAssertTrue(term.row(1).hasPrefix(" New contact person at "), term.row(1))
        press(.escape, .char("y"))
        XCTAssertEqual(try contacts().count, 1)
    }

    func testEditingAPerson() throws {
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Anna Schmidt at Holzwurm GmbH "), term.row(1))
        XCTAssertTrue(row("First name").contains("Anna"))
        XCTAssertTrue(row("Birthday").contains("17.05.1970"), row("Birthday"))
        XCTAssertTrue(row("Main contact").contains("‹ yes ›"), row("Main contact"))
        press(.tab, .tab, .ctrl("u"))
        type("Einkaufsleitung")
        press(.tab, .tab, .tab, .ctrl("u"))
        type("17.05.")
        press(.ctrl("s"))
        XCTAssertTrue(term.row(1).hasPrefix(" Contact persons of Holzwurm GmbH "), term.row(1))
        XCTAssertEqual(words(3), ["Anna", "Schmidt", "★", "Einkaufsleitung", "17.05.", "+49", "30", "123456", "active"])

        let anna = try XCTUnwrap(try contacts().first)
        XCTAssertEqual(anna.role, "Einkaufsleitung")
        XCTAssertEqual(anna.birthday, Birthday(year: nil, month: 5, day: 17))
        let audit = try auditEntries()
        XCTAssertEqual(audit.map(\.action), ["edit"])
        XCTAssertEqual(audit.first?.entityID, anna.id)
        XCTAssertTrue(audit.first?.detail.contains("Einkauf → Einkaufsleitung") == true, audit.first?.detail ?? "")

        press(.char("h"))
        press(.char("]"), .char("]"), .char("]"), .char("]"))
        XCTAssertEqual(term.lines.first { $0.contains("Anna Schmidt") }?.split(separator: " ").map(String.init),
                       ["Anna", "Schmidt", "★", "Einkaufsleitung", "born", "17.05."])
    }
}
