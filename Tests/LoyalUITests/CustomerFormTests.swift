import XCTest
import GRDB
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Creating a customer with `+` on Accounts and editing one's master data with `E` on the
/// account (issue 12 point 6): the import's checks inline, a taken number refused, Esc asks
/// before discarding, the new customer selected in the list, a rep's own code locked.
final class CustomerFormTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openImported([
            (.customers, "number,name,city,rep\nK1,Holzwurm GmbH,Berlin,MK\nK2,Zweite AG,Hamm,AB\nK3,Dritte KG,Ulm,MK\n"),
            (.purchases, "customer,date,amount\nK1,2026-10-01,9000\nK2,2026-10-01,800\nK3,2026-10-01,200\n"),
        ])
    }

    private func row(_ label: String) -> String { term.lines.first { $0.hasPrefix("  \(label) ") } ?? "" }

    private func customer(_ number: String) throws -> Customer? {
        guard let id = try store.customerSummary(number: number)?.id else { return nil }
        return try store.customer(id: id)
    }

    func testANewCustomerIsCreatedAndSelectedInTheList() throws {
        try launch()
        XCTAssertTrue(statusRow.contains("+ new"), statusRow)
        press(.char("+"))
        XCTAssertTrue(titleRow.hasPrefix(" New customer"), titleRow)
        XCTAssertTrue(row("Country").contains("DE"), row("Country"))
        type("K9\tNeue Mühle GmbH\tHauptstraße 1\t10115\tBerlin\t\t")
        // The rep field: Enter opens the picker of reps.
        press(.enter)
        assertScreenContains("no rep")
        press(.down, .enter)
        XCTAssertTrue(row("Rep").contains("‹ AB ›"), row("Rep"))
        press(.char("b"))
        XCTAssertTrue(row("Class override").contains("‹ B ›"), row("Class override"))
        press(.ctrl("s"))
        XCTAssertTrue(titleRow.hasPrefix(" Accounts"), titleRow)
        XCTAssertTrue(statusRow.contains("Saved: K9 Neue Mühle GmbH"), statusRow)
        XCTAssertEqual(selectedRowText.map(number), "K9", screen)
        let saved = try XCTUnwrap(try customer("K9"))
        XCTAssertEqual([saved.name, saved.street, saved.postalCode, saved.city, saved.country],
                       ["Neue Mühle GmbH", "Hauptstraße 1", "10115", "Berlin", "DE"])
        XCTAssertEqual(saved.classOverride, .b)
        XCTAssertEqual(try store.account(id: saved.id!, in: AccountQuery())?.repCode, "AB")
        let audit = try auditEntries().last
        XCTAssertEqual(audit?.action, "add")
        XCTAssertEqual(audit?.entityID, saved.id)
    }

    func testTheImportsChecksShowInlineAndNothingIsSavedUntilFixed() throws {
        try launch()
        press(.char("+"))
        // Leaving the number empty: the import's "is empty".
        press(.tab)
        XCTAssertTrue(row("Customer number").contains("✗ is empty"), row("Customer number"))
        // A taken number names who has it.
        press(.backTab)
        type("K1\t")
        XCTAssertTrue(row("Customer number").contains("✗ taken by Holzwurm GmbH"), row("Customer number"))
        press(.backTab, .ctrl("u"))
        type("K7\tNeu GmbH\t\t\t\t")
        press(.ctrl("u"))
        type("Narnia\t")
        XCTAssertTrue(row("Country").contains("✗ \"Narnia\" is not a country"), row("Country"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Country"), statusRow)
        XCTAssertNil(try customer("K7"))
        // Fixed: "Österreich" is saved as AT, as the import stores it.
        press(.ctrl("u"))
        type("Österreich")
        press(.ctrl("s"))
        XCTAssertEqual(try customer("K7")?.country, "AT")
    }

    func testEscAsksBeforeDiscardingTypedInput() throws {
        try launch()
        press(.char("+"))
        press(.escape)
        XCTAssertTrue(titleRow.hasPrefix(" Accounts"), "nothing typed: no question")
        press(.char("+"))
        type("K8")
        press(.escape)
        assertScreenContains("Discard the changes to New customer?")
        press(.char("n"))
        XCTAssertTrue(titleRow.hasPrefix(" New customer"), titleRow)
        press(.escape, .char("y"))
        XCTAssertTrue(titleRow.hasPrefix(" Accounts"), titleRow)
        XCTAssertNil(try customer("K8"))
    }

    func testEditingTheMasterDataOfAnAccount() throws {
        try launch()
        let first = try XCTUnwrap(accounts().first)
        press(.enter, .char("E"))
        XCTAssertTrue(titleRow.hasPrefix(" Master data of \(first.name)"), titleRow)
        XCTAssertTrue(row("Customer number").contains(first.number), row("Customer number"))
        XCTAssertTrue(row("Rep").contains("‹ MK ›"), row("Rep"))
        press(.tab, .end)
        type(" & Co")
        press(.tab, .tab, .tab)
        press(.ctrl("u"))
        type("Hamburg\t\t")
        press(.left)  // the rep before MK in the list: AB
        press(.ctrl("s"))
        XCTAssertTrue(titleRow.contains("\(first.name) & Co"), titleRow)
        let c = try XCTUnwrap(try store.customer(id: first.id))
        XCTAssertEqual([c.name, c.city], ["\(first.name) & Co", "Hamburg"])
        XCTAssertEqual(try store.account(id: first.id, in: AccountQuery())?.repCode, "AB")
        XCTAssertEqual(try auditEntries().last?.action, "edit")
    }

    func testARepCreatesCustomersOnlyForThemselves() throws {
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        try reopen(as: "anna")
        try launch(actor: "anna")
        press(.char("+"))
        XCTAssertTrue(row("Rep (your own)").contains("‹ AB ›"), screen)
        type("K5\tAnnas Kunde\t\t\t\t\t")
        press(.char(" "), .enter)
        XCTAssertTrue(row("Rep (your own)").contains("‹ AB ›"), "locked: neither Space nor the picker changes it")
        press(.ctrl("s"))
        XCTAssertEqual(selectedRowText.map(number), "K5", screen)
        XCTAssertEqual(try store.account(id: try XCTUnwrap(customer("K5")?.id), in: AccountQuery())?.repCode, "AB")
    }
}
