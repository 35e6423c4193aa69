import GRDB
import LoyalCore

/// Who is on the early-warning panel: active customers with an open signal and a risk
/// of at least `panel_threshold`, the most to lose first, at most `panel_max_share` of
/// the active customers. The others with open signals stay reachable through a filter.
enum PanelMembership {
    static let cutoffKey = "panel_cutoff"

    static func update(_ db: Database, settings: RiskSettings, only ids: [Int64]?) throws {
        let candidate = """
            s.open_signals > 0 AND s.risk >= \(settings.panelThreshold)
            AND EXISTS (SELECT 1 FROM customer c WHERE c.id = s.customer_id AND c.status = 'active')
            """
        if let ids {
            // One customer changed: he is on the panel when he would have made the last full cut.
            let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [cutoffKey])
            let cutoff = stored.flatMap { Int64($0) } ?? Int64.min
            let scope = CustomerScope.ids(ids).condition("s.customer_id")
            try db.execute(sql: """
                UPDATE customer_stats AS s SET on_panel = (\(candidate) AND s.risk_priority >= ?) WHERE \(scope)
                """, arguments: [cutoff])
            return
        }
        let active = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE status = 'active'") ?? 0
        let cap = Int((Double(active) * settings.panelMaxShare).rounded(.down))
        let chosen = try Row.fetchAll(db, sql: """
            SELECT s.customer_id, s.risk_priority FROM customer_stats s WHERE \(candidate)
            ORDER BY s.risk_priority DESC, s.customer_id DESC LIMIT ?
            """, arguments: [cap])
        let full = chosen.count == cap && cap > 0
        let cutoff: Int64 = full ? chosen.last!["risk_priority"] : Int64.min
        try Store.setMeta(db, cutoffKey, String(cutoff))
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS panel_pick (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM panel_pick")
        let insert = try db.makeStatement(sql: "INSERT INTO panel_pick (id) VALUES (?)")
        for r in chosen {
            insert.setUncheckedArguments([r["customer_id"] as Int64])
            try insert.execute()
        }
        // Only rows whose membership changes are written (the flag is indexed).
        try db.execute(sql: """
            UPDATE customer_stats SET on_panel = 0 WHERE on_panel = 1 AND customer_id NOT IN (SELECT id FROM panel_pick)
            """)
        try db.execute(sql: """
            UPDATE customer_stats SET on_panel = 1 WHERE on_panel = 0 AND customer_id IN (SELECT id FROM panel_pick)
            """)
        try db.execute(sql: "DROP TABLE panel_pick")
    }
}
