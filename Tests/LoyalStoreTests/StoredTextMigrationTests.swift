import GRDB
import LoyalCore
@testable import LoyalStore
import XCTest

/// Evidence stored as English text before issue 15 becomes catalogue keys on opening, and
/// every signal reads in the viewer's language; evidence keys stay as they were.
final class StoredTextMigrationTests: StoreTestCase {
    override func tearDown() {
        Text.use(LanguageChoice(.en, explicit: false))
        super.tearDown()
    }

    func testOldEnglishEvidenceIsMigratedAndReadInGerman() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-stored-text-keys'")
            for (kind, evidence, key) in [
                ("revenue_drop", "revenue 12 months 8.400 € vs 14.000 € before (−40 %)", "2026-11/-40"),
                ("address_changed", "address changed on 02.11.2026", "2026-11-02"),
                ("likely_inactive", "P(alive) 0,18, below 0,30; 0,4 purchases expected next year", "2026-03-01"),
                ("custom", "something a team once typed", "x"),
            ] {
                try db.execute(sql: """
                    INSERT INTO signal (customer_id, kind, evidence, evidence_key, weight, status, opened_on, updated_on)
                    VALUES ((SELECT id FROM customer), ?, ?, ?, 10, 'open', '2026-11-20', '2026-11-20')
                    """, arguments: [kind, evidence, key])
            }
        }
        try queue.close()

        let again = try makeStore()
        let raw = try again.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, evidence, evidence_key FROM signal ORDER BY id")
        }
        XCTAssertEqual(raw.map { $0["evidence"] as String }, [
            #"["evidence.revenue_change","t:8.400 €","t:14.000 €","t:−40 %"]"#,
            #"["evidence.address_changed","t:02.11.2026"]"#,
            #"["evidence.p_alive_expected","t:0,18","t:0,30","t:0,4"]"#,
            "something a team once typed",
        ])
        XCTAssertEqual(raw.map { $0["evidence_key"] as String }, ["2026-11/-40", "2026-11-02", "2026-03-01", "x"])

        let customerID = try XCTUnwrap(try again.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer") })
        Text.use(.de)
        XCTAssertEqual(Set(try again.activeSignals(customerID: customerID).map(\.evidence)), [
            "Umsatz 12 Monate 8.400 € gegenüber 14.000 € davor (−40 %)",
            "Adresse am 02.11.2026 geändert",
            "P(aktiv) 0,18, unter 0,30; 0,4 Käufe im nächsten Jahr erwartet",
            "something a team once typed",
        ])
        Text.use(.en)
        XCTAssertTrue(try again.activeSignals(customerID: customerID).map(\.evidence)
            .contains("address changed on 02.11.2026"))
    }

    func testNewEvidenceIsStoredAsKeysWithTypedArguments() {
        let text = StoredText("evidence.revenue_change", [.money(Money(cents: 840_000)), .money(Money(cents: 1_400_000)), .percent(-0.4)])
        XCTAssertEqual(text.stored, #"["evidence.revenue_change","m:840000","m:1400000","p:-0.4"]"#)
        XCTAssertEqual(StoredText(stored: text.stored), text)
        XCTAssertEqual(text.render(EvidenceFormat(money: .english, dates: .iso), in: .en),
                       "revenue 12 months 8,400 € vs 14,000 € before (−40 %)")
        XCTAssertEqual(text.render(.german, in: .de), "Umsatz 12 Monate 8.400 € gegenüber 14.000 € davor (−40 %)")
        XCTAssertNil(StoredText(stored: "plain text [\"x"))
    }
}
