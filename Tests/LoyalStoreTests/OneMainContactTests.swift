import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// One main contact per customer (issue 12): a database that has several gets them repaired
/// on opening (the most recently changed stays main), the store refuses a second one, and
/// setting one as main, in the interface or by import, makes the one before ordinary.
final class OneMainContactTests: StoreTestCase {
    private let customers = "number,name\nK1,Hotel Hagen\nK2,Café Kranz\n"
    private let contacts = "customer,first_name,last_name,primary\nK1,Anna,Alt,yes\nK1,Bernd,Berg,no\nK1,Cora,Cramer,no\nK2,Dora,Dahl,yes\n"

    private func mains(_ store: Store, _ number: String) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT p.last_name FROM contact_person p JOIN customer c ON c.id = p.customer_id
                WHERE c.number = ? AND p.is_primary = 1 ORDER BY p.id
                """, arguments: [number])
        }
    }

    private func contact(_ store: Store, _ lastName: String) throws -> ContactPerson {
        try XCTUnwrap(store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE last_name = ?", arguments: [lastName])
        }.map(CustomerRecords.contact))
    }

    func testOpeningRepairsSeveralMainContactsKeepingTheMostRecentlyChanged() throws {
        var store = try makeStore()
        try importText(store, .customers, customers)
        try importText(store, .contacts, contacts)
        try store.close()
        // A database from before: no index, three main contacts at K1. Berg was edited last,
        // Alt before him; Cramer (the newest row) was never edited.
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: """
                DROP INDEX contact_person_one_main;
                DELETE FROM grdb_migrations WHERE identifier = 'v1-one-main-contact';
                UPDATE contact_person SET is_primary = 1 WHERE last_name IN ('Berg', 'Cramer');
                INSERT INTO audit (at, actor, entity, entity_id, action, detail)
                    SELECT '2026-03-01T10:00:00Z', 'anna', 'contact_person', id, 'edit', '' FROM contact_person WHERE last_name = 'Alt';
                INSERT INTO audit (at, actor, entity, entity_id, action, detail)
                    SELECT '2026-06-01T10:00:00Z', 'anna', 'contact_person', id, 'edit', '' FROM contact_person WHERE last_name = 'Berg';
                """)
        }
        try queue.close()
        store = try makeStore()
        XCTAssertEqual(try mains(store, "K1"), ["Berg"])
        XCTAssertEqual(try mains(store, "K2"), ["Dahl"], "a customer with one main contact is left alone")
        let repairs = try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT p.last_name FROM audit a JOIN contact_person p ON p.id = a.entity_id
                WHERE a.action = 'one main contact' AND a.actor = 'migration' ORDER BY p.last_name
                """)
        }
        XCTAssertEqual(repairs, ["Alt", "Cramer"])
        // The index now refuses a second main contact written past the store.
        XCTAssertThrowsError(try store.pool.write { db in
            try db.execute(sql: "UPDATE contact_person SET is_primary = 1 WHERE last_name = 'Alt'")
        })
    }

    func testSettingAMainContactMakesTheOneBeforeOrdinary() throws {
        let store = try makeStore()
        try importText(store, .customers, customers)
        try importText(store, .contacts, contacts)
        XCTAssertEqual(try mains(store, "K1"), ["Alt"])
        // The interface's form.
        var berg = try contact(store, "Berg")
        berg.isPrimary = true
        try store.saveContact(berg, actor: "tester")
        XCTAssertEqual(try mains(store, "K1"), ["Berg"])
        // A new contact added as main.
        var eva = ContactPerson(customerID: berg.customerID, firstName: "Eva", lastName: "Ernst")
        eva.isPrimary = true
        try store.saveContact(eva, actor: "tester")
        XCTAssertEqual(try mains(store, "K1"), ["Ernst"])
        XCTAssertEqual(try mains(store, "K2"), ["Dahl"], "another customer's main contact stays")
        // An import naming another main contact.
        try importText(store, .contacts, "customer,first_name,last_name,primary\nK1,Cora,Cramer,yes\n")
        XCTAssertEqual(try mains(store, "K1"), ["Cramer"])
        // Two rows of one file naming a main contact each: the last one wins, the import does not fail.
        try importText(store, .contacts, "customer,first_name,last_name,primary\nK2,Fritz,Fink,yes\nK2,Gabi,Gross,yes\n")
        XCTAssertEqual(try mains(store, "K2"), ["Gross"])
    }

    func testMergingTwoCustomersKeepsTheKeptOnesMainContact() throws {
        let store = try makeStore()
        try importText(store, .customers, customers)
        try importText(store, .contacts, contacts)
        _ = try store.mergeCustomers(keep: "K1", other: "K2", prefer: .keep, actor: "tester", today: today, settings: Settings())
        XCTAssertEqual(try mains(store, "K1"), ["Alt"])
        XCTAssertEqual(try count(store, "contact_person"), 4, "Dahl moved along as an ordinary contact")
    }
}
