import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Every table is either watched for changes or said not to feed the refresh: a new table
/// the refresh reads without a trigger would leave figures stale after an incremental refresh.
final class ChangeTrackingCoverageTests: StoreTestCase {
    func testEveryTableOfTheSchemaIsClassifiedForChangeTracking() throws {
        let store = try makeStore()
        XCTAssertEqual(try store.pool.read { db in try ChangeTracking.gaps(db) }, [], """
            A table is in neither ChangeTracking.tracked nor ChangeTracking.untracked: say whether the refresh \
            reads it (then it gets triggers by a migration) or not, and why.
            """)
    }

    func testANewTableIsAGapUntilClassified() throws {
        let store = try makeStore()
        try store.pool.write { db in try db.execute(sql: "CREATE TABLE visit_gift (id INTEGER PRIMARY KEY, customer_id INTEGER)") }
        XCTAssertEqual(try store.pool.read { db in try ChangeTracking.gaps(db) }, ["visit_gift"])
    }

    func testEveryTrackedTableHasItsThreeTriggers() throws {
        let store = try makeStore()
        let triggers = try store.pool.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for (table, _) in ChangeTracking.tracked {
            for event in ["insert", "update", "delete"] {
                XCTAssertTrue(triggers.contains("\(table)_change_\(event)"), "\(table) \(event)")
            }
        }
    }

    func testWritesMarkTheirCustomerAndTheRefreshsOwnWritesDoNot() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha GmbH\nK2,Beta AG\n")
        try store.refreshAll(asOf: today, settings: Settings())
        func changed() throws -> [Int64] {
            try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM refresh_change ORDER BY 1") }
        }
        XCTAssertEqual(try changed(), [])
        try importText(store, .purchases, "customer,date,amount\nK2,2026-11-20,100\n")
        let k2 = try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = 'K2'")! }
        XCTAssertEqual(try changed(), [k2])
        try store.refreshAll(asOf: today, settings: Settings())
        XCTAssertEqual(try changed(), [], "the refresh's signals and calendar entries are no news")
        try store.pool.write { db in try db.execute(sql: "INSERT INTO absence (rep_id, from_day, to_day) SELECT id, '2026-12-01', '2026-12-02' FROM rep LIMIT 1") }
        let reps = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM rep")! }
        XCTAssertEqual(try changed(), reps > 0 ? [ChangeTracking.everyone] : [])
    }
}
