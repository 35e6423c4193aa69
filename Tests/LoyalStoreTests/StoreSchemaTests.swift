import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

final class StoreSchemaTests: StoreTestCase {
    func testMigratesAnEmptyDatabase() throws {
        let store = try makeStore()
        let tables = try store.pool.read { db in
            try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        }
        for table in ["meta", "rep", "customer", "customer_search", "consent", "contact_person", "product", "import_batch",
                      "purchase", "interaction", "interaction_contact", "complaint", "feedback", "signal",
                      "calendar_entry", "winback", "audit", "draft", "customer_stats"] {
            XCTAssertTrue(tables.contains(table), "missing table \(table)")
        }
        let (version, appID, journal) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        XCTAssertEqual(version, 1)
        XCTAssertEqual(appID, 0x4C4F_5941) // "LOYA"
        XCTAssertEqual(journal, "wal")
        XCTAssertEqual(try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }, 1)
        XCTAssertEqual(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }, 1)
        let mode = try FileManager.default.attributesOfItem(atPath: dbPath)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        XCTAssertTrue(try store.isEmpty())
    }

    func testCreatesMissingDirectories() throws {
        let path = directory.appendingPathComponent("a/b/loyal.db").path
        _ = try makeStore(path: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
    }

    func testReopeningKeepsDataAndDoesNotMigrateAgain() throws {
        let store = try makeStore()
        try store.setMeta("greeting", "hallo")
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let again = try makeStore()
        XCTAssertEqual(try again.meta("greeting"), "hallo")
        XCTAssertEqual(try count(again, "customer"), 1)
        XCTAssertEqual(try again.pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") },
                       ["v1", "v1-class-sort-indexes", "v1-calendar-day-order", "v1-clean-control-characters",
                        "v1-churn-model", "v1-merge-undo", "v1-import-extra",
                        "v1-absence", "v1-customer-kind", "v1-calendar-unplanned", "v1-contact-channel",
                        "v1-consent-history", "v1-team-overview",
                        "v1-purchase-margin-index", "v1-users-audit-drafts", "v1-refresh-change",
                        "v1-stored-text-keys", "v1-stored-text-calendar", "v1-one-main-contact", "v1-rep-sort-name",
                        "v1-calendar-rep-load-index", "v1-stored-text-plan"])
    }

    func testTheVCardImportsNoteLinesBecomeContactChannelsOnOpening() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        // The file as the vCard import before contact_channel left it: further numbers as note lines.
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: "DROP TABLE contact_channel")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-contact-channel'")
            try db.execute(sql: """
                INSERT INTO contact_person (customer_id, first_name, last_name, email, phone, notes)
                VALUES ((SELECT id FROM customer), 'Max', 'Muster', 'max@work.example', '0611 1',
                        'Mag Kaffee\naddress (work): Am Markt 1, 65183 Wiesbaden\ne-mail (home): max@home.example\nphone (mobile): 0170 2\nphone: 0611 9')
                """)
        }
        try queue.close()
        let again = try makeStore()
        let (notes, channels) = try again.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT notes FROM contact_person"),
             try String.fetchAll(db, sql: "SELECT medium || ' ' || kind || ' ' || value FROM contact_channel ORDER BY id"))
        }
        XCTAssertEqual(notes, "Mag Kaffee\naddress (work): Am Markt 1, 65183 Wiesbaden")
        XCTAssertEqual(channels, ["email home max@home.example", "phone mobile 0170 2", "phone other 0611 9"])
        let row = try XCTUnwrap(try exportRows(again, .contacts).first)
        XCTAssertEqual([row["email"], row["email_home"], row["phone"], row["mobile"], row["phone_other"]],
                       ["max@work.example", "max@home.example", "0611 1", "0170 2", "0611 9"])
    }

    func testAFileWithoutTheClassSortIndexesGetsThemOnOpening() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            for name in ["revenue", "value", "last", "risk"] { try db.execute(sql: "DROP INDEX customer_stats_class_\(name)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-class-sort-indexes'")
        }
        try queue.close()
        let again = try makeStore()
        let indexes = try again.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'customer_stats_class_%'")
        }
        XCTAssertEqual(Set(indexes), ["customer_stats_class_rank", "customer_stats_class_revenue", "customer_stats_class_value",
                                      "customer_stats_class_last", "customer_stats_class_risk"])
        XCTAssertEqual(try again.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }, 1)
        XCTAssertEqual(try count(again, "customer"), 1)
    }

    func testAnOlderCalendarGetsTheClassColumnAndTheDayOrderIndexesOnOpening() throws {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 5, customers: 40, years: 2, asOf: today))
        try store.refreshAll(asOf: today, settings: Settings())
        try store.close()
        // The file as the build before this migration left it.
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: """
                DROP INDEX calendar_entry_day_order; DROP INDEX calendar_entry_rep_day_order;
                ALTER TABLE calendar_entry DROP COLUMN class;
                CREATE INDEX calendar_entry_rep ON calendar_entry(rep_id, due);
                DELETE FROM grdb_migrations WHERE identifier = 'v1-calendar-day-order';
                """)
        }
        try queue.close()

        let again = try makeStore()
        try again.pool.read { db in
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calendar_entry'")
            XCTAssertTrue(Set(indexes).isSuperset(of: ["calendar_entry_day_order", "calendar_entry_rep_day_order"]), "\(indexes)")
            XCTAssertFalse(indexes.contains("calendar_entry_rep"), "superseded by calendar_entry_rep_day_order")
            XCTAssertFalse(indexes.contains("calendar_entry_due"), "superseded by calendar_entry_day_order")
            let entries = try Int.fetchOne(db, sql: "SELECT count(*) FROM calendar_entry") ?? 0
            XCTAssertGreaterThan(entries, 20)
            let mismatched = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM calendar_entry e JOIN customer_stats s ON s.customer_id = e.customer_id WHERE e.class <> s.class
                """)
            XCTAssertEqual(mismatched, 0, "every entry carries its customer's class")
            XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT count(DISTINCT class) FROM calendar_entry") ?? 0, 1)
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA user_version"), 1)
        }
    }

    func testRefusesANewerSchemaWithoutTouchingTheFile() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: dbPath))

        XCTAssertThrowsError(try Store(path: dbPath)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: dbPath, found: 99, known: 1))
            XCTAssertTrue("\(error)".contains("schema version 99"))
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: dbPath))
        XCTAssertEqual(after, before)
        XCTAssertEqual(ContentHash.fnv1a(Array(after)), ContentHash.fnv1a(Array(before)))
        // Still version 99: nothing was migrated.
        let check = try DatabaseQueue(path: dbPath)
        XCTAssertEqual(try check.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }, 99)
        try check.close()
    }

    func testRefusesAForeignSQLiteFileWithoutTouchingIt() throws {
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: dbPath))
        XCTAssertThrowsError(try Store(path: dbPath)) { error in
            XCTAssertEqual(error as? StoreError, .notLoyal(path: dbPath))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dbPath)), before)
        let reopened = try DatabaseQueue(path: dbPath)
        XCTAssertEqual(try reopened.read { db in try String.fetchAll(db, sql: "SELECT text FROM notes") }, ["mine"])
        XCTAssertEqual(try reopened.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'customer'")
        }, 0)
        try reopened.close()
    }

    func testRefusesAFileThatIsNotSQLite() throws {
        let text = Data("Kundennummer;Name\nK1;Alpha\n".utf8)
        try text.write(to: URL(fileURLWithPath: dbPath))
        XCTAssertThrowsError(try Store(path: dbPath))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dbPath)), text)
    }
}
