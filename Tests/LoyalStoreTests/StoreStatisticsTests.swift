import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// refreshStatistics on a small hand-made dataset, every figure computed by hand.
final class StoreStatisticsTests: StoreTestCase {
    /// As of 23.11.2026 with 12 months: the current window is 24.11.2025 … 23.11.2026,
    /// the previous one 24.11.2024 … 23.11.2025.
    private func handMadeStore() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, "number,name,class\nC1,Eins,\nC2,Zwei,\nC3,Drei,\nC4,Vier,A\nC5,Fünf,\n")
        try importText(store, .purchases, """
            customer,date,amount
            C1,2026-11-23,500.00
            C1,2025-11-24,300.00
            C1,2025-11-23,200.00
            C1,2024-11-24,100.00
            C1,2024-11-23,50.00
            C1,2026-11-24,999.00
            C2,2026-06-01,150.00
            C3,2025-01-10,400.00
            C4,2026-02-02,50.00

            """)
        return store
    }

    private func stats(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, s.as_of, s.revenue_12m_cents, s.revenue_prev_12m_cents, ifnull(s.first_purchase, '-'),
                       s.last_purchase, s.purchase_count, s.computed_class, s.class, s.class_rank
                FROM customer_stats s JOIN customer c ON c.id = s.customer_id ORDER BY c.number
                """).map { row in
                    let texts: [String] = [row[0], row[1], String(row[2] as Int64), String(row[3] as Int64), row[4],
                                           "[" + (row[5] as String) + "]", String(row[6] as Int), row[7], row[8],
                                           String(row[9] as Int64)]
                    return texts.joined(separator: " ")
                }
        }
    }

    func testRevenueWindowsAndClasses() throws {
        let store = try handMadeStore()
        let summary = try store.refreshStatistics(asOf: today, thresholds: ClassThresholds())
        XCTAssertEqual(summary.customers, 5)
        XCTAssertEqual(summary.asOf, today)
        // Effective classes: C1 A, C4 A by override, C2 B, C3 and C5 C.
        XCTAssertEqual(summary.classCounts, [.a: 2, .b: 1, .c: 2])
        // C1: current 500 + 300 = 800, previous 200 + 100 = 300; 50 € on 23.11.2024 is older,
        // 999 € on 24.11.2026 lies after the as-of day and is not counted at all.
        // Total current revenue 1000 €: C1 starts at 0 % → A, C2 at 80 % → B, C4 at 95 % → C (override A).
        XCTAssertEqual(try stats(store), [
            // number, as of, revenue 12m, previous 12m, first, [last], count, computed class, class, class rank
            "C1 2026-11-23 80000 30000 2024-11-23 [2026-11-23] 5 A A -80000",
            "C2 2026-11-23 15000 0 2026-06-01 [2026-06-01] 1 B B 999999999985000",
            "C3 2026-11-23 0 40000 2025-01-10 [2025-01-10] 1 C C 2000000000000000",
            "C4 2026-11-23 5000 0 2026-02-02 [2026-02-02] 1 C A -5000",
            "C5 2026-11-23 0 0 - [] 0 C C 2000000000000000",
        ])
        XCTAssertEqual(try store.meta("stats_as_of"), "2026-11-23")

        let rows = try store.accounts(AccountQuery(sort: .class), limit: 10)
        XCTAssertEqual(rows.map(\.number), ["C1", "C4", "C2", "C3", "C5"])
        XCTAssertEqual(rows.map(\.customerClass), [.a, .a, .b, .c, .c])
        XCTAssertEqual(rows.map(\.classOverridden), [false, true, false, false, false])
        XCTAssertEqual(rows.map(\.revenue12m.cents), [80000, 5000, 15000, 0, 0])
        XCTAssertEqual(rows.map(\.revenuePrevious12m.cents), [30000, 0, 0, 40000, 0])
        XCTAssertEqual(rows.map(\.trend), [.up, .new, .new, .down, .none])
        XCTAssertEqual(rows.map(\.lastPurchase), [today, Day(year: 2026, month: 2, day: 2), Day(year: 2026, month: 6, day: 1),
                                                  Day(year: 2025, month: 1, day: 10), nil])
        XCTAssertEqual(rows.map(\.value), [nil, nil, nil, nil, nil])

        let exported = try exportRows(store, .customers)
        XCTAssertEqual(exported.map { $0["computed_class"] }, ["A", "B", "C", "C", "C"])
        XCTAssertEqual(exported.map { $0["revenue_12m"] }, ["800.00", "150.00", "0.00", "50.00", "0.00"])
        XCTAssertEqual(exported.map { $0["revenue_previous_12m"] }, ["300.00", "0.00", "400.00", "0.00", "0.00"])
    }

    func testLaterAsOfMovesTheWindows() throws {
        let store = try handMadeStore()
        // As of 23.11.2027: current 24.11.2026 … 23.11.2027 holds only C1's 999 €.
        let summary = try store.refreshStatistics(asOf: Day(year: 2027, month: 11, day: 23)!, thresholds: ClassThresholds())
        XCTAssertEqual(summary.classCounts, [.a: 2, .c: 3])
        let rows = try store.accounts(AccountQuery(sort: .number), limit: 10)
        XCTAssertEqual(rows.map(\.revenue12m.cents), [99900, 0, 0, 0, 0])
        XCTAssertEqual(rows.map(\.revenuePrevious12m.cents), [80000, 15000, 0, 5000, 0])
        XCTAssertEqual(rows.map(\.lastPurchase?.iso), ["2026-11-24", "2026-06-01", "2025-01-10", "2026-02-02", nil])
    }

    func testShorterWindowAndOtherThresholds() throws {
        let store = try handMadeStore()
        // Six months: current 24.05.2026 … 23.11.2026 = C1 500, C2 150 (total 650);
        // previous 24.11.2025 … 23.05.2026 = C1 300, C4 50. C2 starts at 500/650 = 76.9 % < 80 % → A.
        try store.refreshStatistics(asOf: today, thresholds: ClassThresholds(a: 0.8, b: 0.95, windowMonths: 6))
        let rows = try store.accounts(AccountQuery(sort: .number), limit: 10)
        XCTAssertEqual(rows.map(\.revenue12m.cents), [50000, 15000, 0, 0, 0])
        XCTAssertEqual(rows.map(\.revenuePrevious12m.cents), [30000, 0, 0, 5000, 0])
        XCTAssertEqual(rows.map(\.customerClass), [.a, .a, .c, .a, .c])
        // With A at 70 %, C2 (starting at 76.9 %) is B.
        try store.refreshStatistics(asOf: today, thresholds: ClassThresholds(a: 0.7, b: 0.95, windowMonths: 6))
        XCTAssertEqual(try store.accounts(AccountQuery(sort: .number), limit: 10).map(\.customerClass), [.a, .b, .c, .a, .c])
    }

    func testChangedOverrideTakesEffectAtOnce() throws {
        let store = try handMadeStore()
        try store.refreshStatistics(asOf: today, thresholds: ClassThresholds())
        try importText(store, .customers, "number,class\nC2,C\nC4,\n")
        let rows = try store.accounts(AccountQuery(sort: .class), limit: 10)
        XCTAssertEqual(rows.map(\.number), ["C1", "C2", "C4", "C3", "C5"])
        XCTAssertEqual(rows.map(\.customerClass), [.a, .c, .c, .c, .c])
        XCTAssertEqual(rows.map(\.classOverridden), [false, true, false, false, false])
        XCTAssertEqual(try store.accountTotals(AccountQuery(filter: AccountFilter(customerClass: .c))).count, 4)
    }
}
