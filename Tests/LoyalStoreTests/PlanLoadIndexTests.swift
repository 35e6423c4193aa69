import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Saving one visit re-plans that customer against the rep's other open calls and visits.
/// At 200,000 customers a rep has 35,000 entries in the horizon and 1,243 of them count;
/// reading them all made every save wait about 70 ms and held the write lock meanwhile.
final class PlanLoadIndexTests: CalendarStoreTestCase {
    func testTheRepsLoadIsReadFromItsPartialIndexAlone() throws {
        let store = try makeStore()
        let sql = PlanLoad.otherCustomersSQL(reps: [2, 1], excluding: [7])
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["2026-11-23", "2027-02-21"])
                .map { $0["detail"] as String }
        }
        XCTAssertTrue(plan.contains { $0.contains("USING COVERING INDEX calendar_entry_rep_load") }
                        || plan.contains { $0.contains("USING INDEX calendar_entry_rep_load") }, "\(plan)")
    }

    func testTheIndexHoldsOnlyOpenUnblockedCallsAndVisits() throws {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,rep,class,consent_phone,consent_date
            L1,Kunde 1 GmbH,AB,A,ja,2024-01-10
            L2,Kunde 2 GmbH,AB,A,nein,2024-01-10
            """)
        try store.refreshAll(asOf: today, settings: settings)
        let (indexed, counted) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM calendar_entry INDEXED BY calendar_entry_rep_load WHERE rep_id IS NOT NULL AND status = 'open' AND blocked IS NULL AND channel IN ('phone', 'visit')") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM calendar_entry WHERE status = 'open' AND blocked IS NULL AND channel IN ('phone', 'visit') AND rep_id IS NOT NULL") ?? -2)
        }
        XCTAssertGreaterThan(counted, 0, "the hand-made customers have planned calls or visits")
        XCTAssertEqual(indexed, counted)
    }
}
