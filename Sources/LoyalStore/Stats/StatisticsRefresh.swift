import GRDB
import LoyalCore

/// What a refresh did, for the CLI to report.
public struct RefreshSummary: Sendable {
    public var asOf: Day
    public var customers: Int
    public var classCounts: [CustomerClass: Int]
}

extension Store {
    /// Recomputes every customer's revenue figures and A/B/C class as of a day,
    /// in one transaction so lists never show half-updated figures.
    @discardableResult
    public func refreshStatistics(asOf: Day, thresholds: ClassThresholds) throws -> RefreshSummary {
        try pool.write { db in try Store.refreshStatistics(db, asOf: asOf, thresholds: thresholds) }
    }

    /// `recompute`: the customers whose figures may have changed (see `StatisticsScope`);
    /// the others keep their stored figures, and every class is decided again from all.
    static func refreshStatistics(_ db: Database, asOf: Day, thresholds: ClassThresholds,
                                  recompute: Set<Int64>? = nil) throws -> RefreshSummary {
        try ChangeTracking.paused(db) {
            try refreshStatisticsUnpaused(db, asOf: asOf, thresholds: thresholds, recompute: recompute)
        }
    }

    private static func refreshStatisticsUnpaused(_ db: Database, asOf: Day, thresholds: ClassThresholds,
                                                  recompute: Set<Int64>?) throws -> RefreshSummary {
        // A lost customer who buys again is a returnee: active, and recognisable as such.
        // His open win-back case is won on that day, as when he is marked returned by hand,
        // and his stage moves on from lost.
        let returning = try Row.fetchAll(db, sql: """
            SELECT c.id, (SELECT min(day) FROM purchase WHERE customer_id = c.id AND day > c.lost_on) AS back
            FROM customer c WHERE c.status = 'lost' AND c.lost_on IS NOT NULL AND EXISTS (
                SELECT 1 FROM purchase WHERE customer_id = c.id AND day > c.lost_on AND day <= ?)
            """, arguments: [asOf.iso])
        for r in returning {
            guard let back = r.day("back") else { continue }
            let id: Int64 = r["id"]
            try db.execute(sql: "UPDATE winback SET outcome = 'won', closed_on = ? WHERE customer_id = ? AND outcome = 'open'",
                           arguments: [back.iso, id])
            try db.execute(sql: "UPDATE customer SET status = 'active', returned_on = ? WHERE id = ?", arguments: [back.iso, id])
            try RetentionStages.record(db, customerID: id, event: .returned, on: back)
        }
        let windowStart = asOf.adding(months: -thresholds.windowMonths)
        let previousStart = windowStart.adding(months: -thresholds.windowMonths)
        struct Figures { var current: Int64; var previous: Int64; var first: String?; var last: String?; var count: Int }
        var figures: [Int64: Figures] = [:]
        // A few customers are summed one by one down the (customer, day) index; many in one pass.
        let few = recompute.map { $0.count <= 20_000 } ?? false
        let only = few ? " AND customer_id = :id" : ""
        let sum = try db.makeStatement(sql: """
            SELECT customer_id,
                   sum(CASE WHEN day > :start THEN amount_cents ELSE 0 END) AS current,
                   sum(CASE WHEN day > :previous AND day <= :start THEN amount_cents ELSE 0 END) AS previous,
                   min(day) AS first, max(day) AS last, count(*) AS n
            FROM purchase WHERE day <= :asOf\(only)
            GROUP BY customer_id
            """)
        let bounds: [String: (any DatabaseValueConvertible)?] = [
            "start": windowStart.iso, "previous": previousStart.iso, "asOf": asOf.iso]
        for id in few ? Array(recompute!) : [nil] {
            var arguments = StatementArguments(bounds)
            if let id { arguments += ["id": id] }
            let rows = try Row.fetchCursor(sum, arguments: arguments)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if let recompute, !recompute.contains(id) { continue }
                figures[id] = Figures(current: row[1], previous: row[2], first: row[3], last: row[4], count: row[5])
            }
        }
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM customer")
        // Whose figures were not recomputed keeps the stored ones (read below, before the classes).
        let storedFigures = try storedFiguresOfOthers(db, recompute: recompute)
        for (id, f) in storedFigures where figures[id] == nil {
            figures[id] = Figures(current: f.current, previous: f.previous, first: f.first, last: f.last, count: f.count)
        }
        let overrides = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql:
            "SELECT id, class_override FROM customer WHERE class_override IS NOT NULL").map { row -> (Int64, String) in
                (row["id"], row["class_override"]) })
        let classes = ABCClassification.classify(ids.map { ($0, Money(cents: figures[$0]?.current ?? 0)) },
                                                 thresholds: thresholds)
        // Only rows whose figures changed are written: each write touches up to a dozen
        // indexes, and on a daily refresh most customers' figures stand still.
        struct Stored: Equatable {
            var current: Int64, previous: Int64, first: String?, last: String, count: Int
            var computed: String, effective: String, rank: Int64
        }
        var stored: [Int64: Stored] = [:]
        stored.reserveCapacity(ids.count)
        let storedRows = try Row.fetchCursor(db, sql: """
            SELECT customer_id, revenue_12m_cents, revenue_prev_12m_cents, first_purchase, last_purchase, purchase_count,
                   computed_class, class, class_rank FROM customer_stats
            """)
        while let r = try storedRows.next() {
            stored[r[0]] = Stored(current: r[1], previous: r[2], first: r[3], last: r[4], count: r[5],
                                  computed: r[6], effective: r[7], rank: r[8])
        }
        try db.execute(sql: "UPDATE customer_stats SET as_of = ? WHERE as_of IS NOT ?", arguments: [asOf.iso, asOf.iso])
        let update = try db.makeStatement(sql: """
            INSERT INTO customer_stats (customer_id, as_of, revenue_12m_cents, revenue_prev_12m_cents,
                                        first_purchase, last_purchase, purchase_count, computed_class, class,
                                        class_rank)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of,
                revenue_12m_cents = excluded.revenue_12m_cents, revenue_prev_12m_cents = excluded.revenue_prev_12m_cents,
                first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase,
                purchase_count = excluded.purchase_count, computed_class = excluded.computed_class, class = excluded.class,
                class_rank = excluded.class_rank
            """)
        var counts: [CustomerClass: Int] = [:]
        for id in ids {
            let f = figures[id]
            let computed = classes[id] ?? .c
            let effective = overrides[id] ?? computed.rawValue
            counts[CustomerClass(rawValue: effective) ?? computed, default: 0] += 1
            let now = Stored(current: f?.current ?? 0, previous: f?.previous ?? 0, first: f?.first, last: f?.last ?? "",
                             count: f?.count ?? 0, computed: computed.rawValue, effective: effective,
                             rank: ClassRank.of(effective, revenue: f?.current ?? 0))
            if stored[id] == now { continue }
            update.setUncheckedArguments([id, asOf.iso, now.current, now.previous, now.first, now.last, now.count,
                                          now.computed, now.effective, now.rank])
            try update.execute()
        }
        try setMeta(db, "stats_as_of", asOf.iso)
        return RefreshSummary(asOf: asOf, customers: ids.count, classCounts: counts)
    }
}

extension Store {
    /// The stored figures of every customer not in `recompute` (none when all are recomputed).
    static func storedFiguresOfOthers(_ db: Database, recompute: Set<Int64>?)
        throws -> [Int64: (current: Int64, previous: Int64, first: String?, last: String?, count: Int)] {
        guard let recompute else { return [:] }
        var out: [Int64: (current: Int64, previous: Int64, first: String?, last: String?, count: Int)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT customer_id, revenue_12m_cents, revenue_prev_12m_cents, first_purchase, last_purchase, purchase_count
            FROM customer_stats
            """)
        while let r = try rows.next() {
            let id: Int64 = r[0]
            let count: Int = r[5]
            // A customer without purchases has no figures, as the sum above gives none.
            if recompute.contains(id) || count == 0 { continue }
            out[id] = (r[1], r[2], r[3], r[4], count)
        }
        return out
    }
}

/// One integer that orders A before B before C, and within a class the larger
/// revenue first, so "sort by class" pages through a single index.
enum ClassRank {
    static func of(_ classLetter: String, revenue: Int64) -> Int64 {
        let index: Int64 = classLetter == "A" ? 0 : classLetter == "B" ? 1 : 2
        return index * 1_000_000_000_000_000 - min(max(revenue, 0), 999_999_999_999_999)
    }
}
