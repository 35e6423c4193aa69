import Foundation
import GRDB
import LoyalCore

extension Store {
    /// Re-runs the whole refresh as if today were `asOf`, on a private copy of the
    /// database cut at that day (this file is only read), and compares the churn risk
    /// with what happened in the `horizonDays` after it. The customers are those who had
    /// bought by `asOf` and were not lost then.
    public func backtest(asOf: Day, horizonDays: Int, settings: Settings) throws -> BacktestReport {
        // It re-runs the refresh over every customer on a copy of the whole file.
        try scope.require(.manager, to: Text.tr("store_error.may_backtest"))
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("loyal-backtest-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("cut.db").path
        do {
            let copy = try DatabaseQueue(path: path)
            try pool.retrying { try pool.base.backup(to: copy) }
            try copy.close()
        }
        let cut = try Store(path: path)
        defer { try? cut.close() }
        try cut.pool.write { db in try BacktestCut.apply(db, asOf: asOf) }
        var s = settings
        s.retention.risk.horizonDays = horizonDays
        try cut.refreshAll(asOf: asOf, settings: s, retrain: true)
        let end = asOf.adding(days: horizonDays)
        let bought = Set(try pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT DISTINCT customer_id FROM purchase WHERE day > ? AND day <= ?",
                               arguments: [asOf.iso, end.iso])
        })
        let expected = try cut.expectedPurchases(asOf: asOf, horizonDays: horizonDays)
        let cases = try cut.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.customer_id, s.risk, s.on_panel, s.last_purchase FROM customer_stats s
                JOIN customer c ON c.id = s.customer_id
                WHERE c.status = 'active' AND s.last_purchase <> '' AND s.last_purchase <= ?
                """, arguments: [asOf.iso]).compactMap { r -> BacktestCase? in
                let id: Int64 = r[0]
                guard let last = Day(iso: r[3] as String) else { return nil }
                return BacktestCase(risk: r[1], onPanel: (r[2] as Int) == 1, daysSinceLastPurchase: asOf - last,
                                    expectedPurchases: expected[id] ?? 0, churned: !bought.contains(id))
            }
        }
        return BacktestReport.evaluate(cases, asOf: asOf, horizonDays: horizonDays)
    }

    /// The purchase model's expected purchases of each customer in the horizon, fitted as of `asOf`.
    func expectedPurchases(asOf: Day, horizonDays: Int) throws -> [Int64: Double] {
        let input = try valueInput(asOf: asOf, unitDays: 1, useMargin: false)
        let observations = input.summaries.map { BGNBDObservation(frequency: $0.frequency, recency: $0.recency, age: $0.age) }
        guard !observations.isEmpty, let fit = try? BGNBDParameters.fit(observations) else { return [:] }
        var out: [Int64: Double] = [:]
        for (id, o) in zip(input.ids, observations) {
            out[id] = fit.parameters.expectedPurchases(in: Double(horizonDays), given: o)
        }
        return out
    }
}

/// Takes a copy of the database back to the end of a day: what was recorded later goes,
/// and what changed later is undone as far as the rows tell (a customer lost later is
/// active again). Signals, stages, snapshots and the plan are derived; the refresh
/// rebuilds them as of the day.
enum BacktestCut {
    static func apply(_ db: Database, asOf: Day) throws {
        let day = asOf.iso
        let statements = [
            "DELETE FROM signal", "DELETE FROM retention_stage", "DELETE FROM risk_snapshot", "DELETE FROM calendar_entry",
            "DELETE FROM purchase WHERE day > :d",
            "DELETE FROM interaction WHERE day > :d",
            "DELETE FROM complaint WHERE opened_on > :d",
            "UPDATE complaint SET resolved_on = NULL WHERE resolved_on > :d",
            "UPDATE contact_person SET left_on = NULL WHERE left_on > :d",
            "UPDATE customer SET address_changed_on = NULL WHERE address_changed_on > :d",
            "DELETE FROM winback WHERE opened_on > :d",
            "UPDATE customer SET status = 'active', lost_on = NULL WHERE lost_on > :d",
            "UPDATE customer SET returned_on = NULL WHERE returned_on > :d",
            "DELETE FROM meta WHERE key IN ('churn_model', 'panel_cutoff', 'risk_stand_ins')",
            // Customers who neither had bought nor had a relationship by the day did not exist yet.
            """
            DELETE FROM customer WHERE (since IS NULL OR since > :d)
                AND NOT EXISTS (SELECT 1 FROM purchase p WHERE p.customer_id = customer.id)
            """,
        ]
        for sql in statements { try db.execute(sql: sql, arguments: ["d": day]) }
    }
}
