import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The full refresh writes only rows whose figures changed, reading customers in
/// batches. These tests check that neither leaves a stale figure: the result equals
/// a refresh in one batch that had to rewrite every row, and a refresh with nothing
/// new writes nothing.
final class RefreshIncrementalTests: StoreTestCase {
    private let columns = """
        revenue_12m_cents, revenue_prev_12m_cents, first_purchase, last_purchase, purchase_count, computed_class, class,
        class_rank, value_cents, value_as_of, p_alive, expected_purchases, rfm, risk, risk_band, risk_priority,
        open_signals, oldest_signal, stage, stage_since
        """

    private func demoStore(path: String) throws -> Store {
        let store = try makeStore(path: path)
        try store.createDemo(DemoSettings(seed: 7, customers: 120, years: 3, asOf: today))
        try store.refreshAll(asOf: today, settings: Settings())
        return store
    }

    /// Everything the refresh derives, one line per row, in a fixed order.
    private func derived(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            let stats = try Row.fetchAll(db, sql: "SELECT customer_id, as_of, \(columns) FROM customer_stats ORDER BY customer_id")
            let calendar = try Row.fetchAll(db, sql: """
                SELECT uid, customer_id, contact_person_id, rep_id, due, channel, reason, source, status, time, blocked, note,
                       class
                FROM calendar_entry ORDER BY uid
                """)
            let signals = try Row.fetchAll(db, sql: """
                SELECT customer_id, kind, evidence, evidence_key, weight, status, opened_on, updated_on FROM signal
                ORDER BY customer_id, kind, opened_on, id
                """)
            let snapshots = try Row.fetchAll(db, sql: "SELECT customer_id, month, score FROM risk_snapshot ORDER BY 1, 2")
            let stages = try Row.fetchAll(db, sql: "SELECT customer_id, stage, since, event FROM retention_stage ORDER BY id")
            return (stats + calendar + signals + snapshots + stages).map { $0.description }
        }
    }

    /// Counts writes to the derived columns and the calendar while a block runs.
    private func countingWrites(_ store: Store, _ work: () throws -> Void) throws -> Int {
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS write_count (n INTEGER NOT NULL);
                DELETE FROM write_count; INSERT INTO write_count VALUES (0);
                CREATE TRIGGER IF NOT EXISTS count_stats AFTER UPDATE OF \(columns) ON customer_stats
                BEGIN UPDATE write_count SET n = n + 1; END;
                CREATE TRIGGER IF NOT EXISTS count_calendar_insert AFTER INSERT ON calendar_entry
                BEGIN UPDATE write_count SET n = n + 1; END;
                CREATE TRIGGER IF NOT EXISTS count_calendar_update AFTER UPDATE ON calendar_entry
                BEGIN UPDATE write_count SET n = n + 1; END;
                CREATE TRIGGER IF NOT EXISTS count_snapshot AFTER UPDATE ON risk_snapshot
                BEGIN UPDATE write_count SET n = n + 1; END;
                """)
        }
        try work()
        return try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT n FROM write_count") ?? -1 }
    }

    func testARefreshWithNothingNewWritesNoDerivedRow() throws {
        let store = try demoStore(path: dbPath)
        let before = try derived(store)
        let writes = try countingWrites(store) { try store.refreshAll(asOf: today, settings: Settings()) }
        XCTAssertEqual(writes, 0)
        XCTAssertEqual(try derived(store), before)
    }

    func testTheNextDaysRefreshEqualsOneThatRewritesEveryRow() throws {
        let incremental = try demoStore(path: dbPath)
        let copyPath = directory.appendingPathComponent("copy.db").path
        let copy = try makeStore(path: copyPath)
        try incremental.pool.base.backup(to: copy.pool.base)

        // Something new for the next day: a large purchase of one customer, a complaint of another.
        let tomorrow = today.adding(days: 1)
        for store in [incremental, copy] {
            try store.pool.write { db in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM customer ORDER BY id LIMIT 2")
                try db.execute(sql: """
                    INSERT INTO purchase (customer_id, day, amount_cents, reference) VALUES (?, ?, 2500000, 'R-NEW')
                    """, arguments: [ids[0], tomorrow.iso])
                try db.execute(sql: """
                    INSERT INTO complaint (customer_id, opened_on, category, text) VALUES (?, ?, 'service', 'Lieferung zu spät')
                    """, arguments: [ids[1], tomorrow.iso])
            }
        }
        // The copy's derived figures are all made wrong, so its refresh has to write every row.
        try copy.pool.write { db in
            try db.execute(sql: """
                UPDATE customer_stats SET revenue_12m_cents = -1, revenue_prev_12m_cents = -1, first_purchase = 'x',
                    last_purchase = 'x', purchase_count = -1, computed_class = 'x', class = 'x', class_rank = -1,
                    value_cents = -1, value_as_of = 'x', p_alive = -1, expected_purchases = -1, rfm = 'x',
                    risk = -1, risk_band = 'x', risk_priority = -1, open_signals = -1, oldest_signal = 'x';
                UPDATE calendar_entry SET reason = 'x', note = 'x', blocked = 'x' WHERE status = 'open' AND source = 'plan';
                UPDATE calendar_entry SET class = 'x';
                UPDATE risk_snapshot SET score = -1;
                """)
        }
        // The incremental side also reads its customers in many small batches, the copy in one.
        CustomerScope.batchSize = 17
        defer { CustomerScope.batchSize = 20_000 }
        let writes = try countingWrites(incremental) { try incremental.refreshAll(asOf: tomorrow, settings: Settings()) }
        CustomerScope.batchSize = 20_000
        // Its wrong figures are no change the triggers saw: only a full refresh rewrites them.
        try copy.refreshAll(asOf: tomorrow, settings: Settings(), full: true)

        XCTAssertGreaterThan(writes, 0)
        let expected = try derived(copy), got = try derived(incremental)
        XCTAssertEqual(got.count, expected.count)
        for (g, e) in zip(got, expected) where g != e { XCTFail("incremental \(g)\nfull        \(e)"); break }
        // The new purchase shows in the buyer's figures.
        let lastPurchase = try incremental.pool.read { db in
            try String.fetchOne(db, sql: "SELECT last_purchase FROM customer_stats ORDER BY customer_id LIMIT 1")
        }
        XCTAssertEqual(lastPurchase, tomorrow.iso)
    }
}
