import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Issue 11: rows stored before control characters were refused are cleaned by the
/// migration `v1-clean-control-characters`, and each change is in the audit.
final class StoreCleanControlCharactersTests: StoreTestCase {
    func testOlderRowsAreCleanedOnOpeningAndTheChangesAudited() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,city\nK1,Clip AG,Essen\nK2,Zweite AG,Bonn\nK3,Dritte,Ulm\n")
        try importText(store, .contacts, "customer,last_name,role\nK2,Huber,Chefin\n")
        try importText(store, .feedback, "customer,date,notes\nK1,2026-11-02,gut\n")
        try store.close()
        // The file as an older build left it: text that imports now refuse, and no record of the migration.
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: """
                UPDATE customer SET name = ?, notes = ? WHERE number = 'K1';
                UPDATE customer SET city = ?, number = ? WHERE number = 'K2';
                UPDATE contact_person SET role = ?;
                UPDATE interaction SET notes = ?;
                DELETE FROM grdb_migrations WHERE identifier = 'v1-clean-control-characters';
                """, arguments: ["\u{1B}]52;c;aGk=\u{07}Clip AG", "Zeile 1\nZeile 2\u{9B}", "Bonn\u{202E}", "K3\u{2066}",
                                 "Chef\nin", "gut\n\u{1B}[2J"])
        }
        try queue.close()

        let again = try makeStore()
        let rows = try exportRows(again, .customers)
        XCTAssertEqual(rows.map { $0["number"] ?? "" }, ["K1", "K3", "K3-2"], "a cleaned number that is taken keeps its id")
        XCTAssertEqual(rows[0]["name"], "]52;c;aGk=Clip AG")
        XCTAssertEqual(rows[0]["notes"], "Zeile 1\nZeile 2", "line breaks stay in notes")
        XCTAssertEqual(rows[2]["city"], "Bonn")
        try again.pool.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT role FROM contact_person"), "Chefin", "no line break in a one-line field")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT notes FROM interaction"), "gut\n[2J")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT search_key FROM customer WHERE id = 2"), "k3-2 zweite ag bonn")
            let audit = try Row.fetchAll(db, sql: """
                SELECT entity, entity_id, detail FROM audit WHERE actor = 'migration' AND action = 'clean-control-characters' ORDER BY id
                """).map { "\($0["entity"] as String) \($0["entity_id"] as Int64): \($0["detail"] as String)" }
            XCTAssertEqual(audit, [
                "customer 1: name: removed U+001B U+0007; notes: removed U+009B",
                "customer 2: number: removed U+2066; city: removed U+202E",
                "contact_person 1: role: removed U+000A",
                "interaction 1: notes: removed U+001B",
            ])
        }
        XCTAssertEqual(try again.accounts(AccountQuery(filter: AccountFilter(search: "bonn")), limit: 5).map(\.number), ["K3-2"])
    }
}
