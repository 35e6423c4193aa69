import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Customers created and edited in the interface (issue 12 point 6): checked by the import's
/// rules, one transaction with its audit entry, numbers unique, a rep only for themselves.
final class CustomerSavingTests: StoreTestCase {
    private func entry(_ values: [String: String]) -> (record: CustomerImportRecord, problems: [String: String]) {
        CustomerEntry.check(values)
    }

    func testTheFormIsCheckedByTheImportsOwnRules() throws {
        // What the import says of a row with these cells, the form says of the same fields.
        let store = try makeStore()
        let failure = importFailure(store, .customers, "number,name,country\n,Nordlicht GmbH,Narnia\n")?
            .problems.map(\.description).joined(separator: "\n") ?? ""
        let form = entry(["number": "", "name": "Nordlicht GmbH", "country": "Narnia"]).problems
        XCTAssertEqual(form["number"], "is empty")
        XCTAssertEqual(form["country"], "\"Narnia\" is not a country Loyal knows (expected a name such as "
                       + "Deutschland or Austria, or an ISO code such as DE)")
        XCTAssertTrue(failure.contains(form["country"]!), failure)
        XCTAssertTrue(failure.contains("column \"number\": is empty"), failure)
        XCTAssertEqual(entry(["number": "K-1", "name": ""]).problems, ["name": "is empty"])
        // Control characters are refused as the import refuses them.
        XCTAssertNotNil(entry(["number": "K-1", "name": "Evil\u{202E}Corp"]).problems["name"])
        // Valid: the country becomes its code, empty means DE, the class its case.
        let ok = entry(["number": " K-1 ", "name": "Hotel Hagen", "street": "Am Markt 3", "postal_code": "58095",
                        "city": "Hagen", "country": "Österreich", "class": "A"])
        XCTAssertEqual(ok.problems, [:])
        XCTAssertEqual([ok.record.customer.number, ok.record.customer.country, ok.record.customer.postalCode], ["K-1", "AT", "58095"])
        XCTAssertEqual(ok.record.customer.classOverride, .a)
        XCTAssertEqual(entry(["number": "K-2", "name": "X", "country": ""]).record.customer.country, "DE")
    }

    func testANewCustomerIsSavedWithItsRepAndAudited() throws {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 20, asOf: today))
        var c = entry(["number": "N-100", "name": "Hotel Hagen", "street": "Am Markt 3", "postal_code": "58095",
                       "city": "Hagen", "country": "DE", "class": "B"]).record.customer
        let id = try store.saveCustomer(c, repCode: "MK", actor: "tester")
        let saved = try XCTUnwrap(store.customer(id: id))
        XCTAssertEqual([saved.number, saved.name, saved.street, saved.postalCode, saved.city, saved.country],
                       ["N-100", "Hotel Hagen", "Am Markt 3", "58095", "Hagen", "DE"])
        XCTAssertEqual(saved.classOverride, .b)
        let row = try XCTUnwrap(store.account(id: id, in: AccountQuery()))
        XCTAssertEqual(row.repCode, "MK")
        XCTAssertEqual(row.customerClass, .b, "the override is the class at once")
        let audit = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE entity = 'customer' AND entity_id = ? ORDER BY id DESC", arguments: [id])
        }
        XCTAssertEqual(audit?["action"], "add")
        XCTAssertEqual(audit?["detail"], "N-100 Hotel Hagen")
        XCTAssertTrue((audit?["changes"] as String?)?.contains("\"rep\":{\"before\":null,\"after\":\"MK\"}") ?? false)

        // Edited: the master data changes, the audit lists before and after.
        c = saved
        c.name = "Hotel Hagen am Markt"; c.city = "Hagen (Westf.)"
        try store.saveCustomer(c, repCode: "AB", actor: "tester")
        XCTAssertEqual(try store.customer(id: id)?.name, "Hotel Hagen am Markt")
        XCTAssertEqual(try store.account(id: id, in: AccountQuery())?.repCode, "AB")
        let edit = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM audit WHERE entity = 'customer' AND entity_id = ? ORDER BY id DESC", arguments: [id])
        }
        XCTAssertEqual(edit?["action"], "edit")
        XCTAssertTrue((edit?["detail"] as String?)?.contains("name: Hotel Hagen → Hotel Hagen am Markt") ?? false)
    }

    func testATakenNumberIsRefusedAndNothingIsWritten() throws {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 20, asOf: today))
        let taken = try XCTUnwrap(store.accounts(AccountQuery(), limit: 1).first)
        let before = try count(store, "customer"), audits = try count(store, "audit")
        XCTAssertEqual(try store.customerNumberTaken(taken.number, except: nil), taken.name)
        XCTAssertNil(try store.customerNumberTaken(taken.number, except: taken.id), "its own number is no clash")
        XCTAssertThrowsError(try store.saveCustomer(Customer(number: taken.number, name: "Copy"), repCode: nil, actor: "t")) {
            XCTAssertEqual(StoreError.message(for: $0), "customer number \(taken.number) is taken (\(taken.name)); nothing was saved")
        }
        XCTAssertThrowsError(try store.saveCustomer(Customer(number: "N-1", name: "X"), repCode: "NOPE", actor: "t"))
        XCTAssertEqual([try count(store, "customer"), try count(store, "audit")], [before, audits])
    }

    func testARepCreatesCustomersOnlyForThemselves() throws {
        let admin = try makeStore()
        try admin.createDemo(DemoSettings(seed: 7, customers: 30, asOf: today))
        try admin.addTeamUser(TeamUser(name: "boss", role: .admin))
        try admin.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        let anna = try Store(path: dbPath, user: UserIdentity(login: "boss", requested: "anna"))
        addTeardownBlock { try? anna.close() }
        XCTAssertThrowsError(try anna.saveCustomer(Customer(number: "N-7", name: "Not hers"), repCode: "DG", actor: "anna")) {
            XCTAssertEqual(StoreError.message(for: $0), ScopeGuard.refusal)
        }
        XCTAssertThrowsError(try anna.saveCustomer(Customer(number: "N-8", name: "Nobody's"), repCode: nil, actor: "anna"))
        let id = try anna.saveCustomer(Customer(number: "N-9", name: "Hers"), repCode: "AB", actor: "anna")
        XCTAssertEqual(try anna.account(id: id, in: AccountQuery())?.repCode, "AB")
        XCTAssertNil(try admin.customerSummary(number: "N-7"))
        let who = try admin.pool.read { db in
            try String.fetchOne(db, sql: "SELECT actor FROM audit WHERE entity = 'customer' AND entity_id = ?", arguments: [id])
        }
        XCTAssertEqual(who, "anna")
    }
}
