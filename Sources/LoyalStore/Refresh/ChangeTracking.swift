import GRDB

/// Which stored rows a refresh derives its figures from, and so which writes mark a
/// customer as changed (issue 17). Every table of the schema is in one of the two lists:
/// `ChangeTrackingCoverageTests` fails for a new table until it is placed here, because a
/// table the refresh reads but no trigger watches would leave its figures stale.
enum ChangeTracking {
    /// The change table: one row per customer written since the last refresh. Customer 0
    /// stands for "everyone": a change of a rep, an absence or a product reaches customers
    /// no row names, so the next refresh recomputes them all.
    static let table = "refresh_change"
    static let everyone: Int64 = 0

    /// Set in `meta` while the refresh itself writes (in its own transaction, so no other
    /// connection ever sees it): its signals, calendar entries and returnees are results,
    /// not news, and must not make the next refresh do the work again.
    static let pauseKey = "refresh_writing"

    /// Input tables and how a row names its customer (`ROW` is NEW or OLD).
    static let tracked: [(table: String, customer: String)] = [
        ("customer", "ROW.id"),
        ("purchase", "ROW.customer_id"),
        ("interaction", "ROW.customer_id"),
        ("interaction_contact", "(SELECT customer_id FROM interaction WHERE id = ROW.interaction_id)"),
        ("feedback", "(SELECT customer_id FROM interaction WHERE id = ROW.interaction_id)"),
        ("complaint", "ROW.customer_id"),
        ("contact_person", "ROW.customer_id"),
        ("contact_channel", "(SELECT customer_id FROM contact_person WHERE id = ROW.contact_person_id)"),
        ("consent", "ROW.customer_id"),
        ("contact_plan_override", "ROW.customer_id"),
        ("signal", "ROW.customer_id"),
        ("calendar_entry", "ROW.customer_id"),
        ("winback", "ROW.customer_id"),
        // Reps (capacity, codes), absences (working days) and products (categories for the
        // cross-sell signal) reach many customers at once.
        ("rep", "0"),
        ("absence", "0"),
        ("product", "0"),
    ]

    /// Tables no refresh reads as input, with why.
    static let untracked: [String: String] = [
        "grdb_migrations": "migrations applied",
        "meta": "settings and results of the refresh itself",
        "refresh_change": "this change table",
        "customer_stats": "derived by the refresh",
        "risk_snapshot": "derived by the refresh",
        "retention_stage": "history the refresh appends to; the current stage is in customer_stats",
        "calendar_unplanned": "derived by the refresh",
        "consent_history": "a log of consent changes; consent itself is tracked",
        "audit": "a log",
        "draft": "unsaved forms",
        "merge_undo": "what a merge can undo; the merge's own writes are tracked",
        "import_batch": "which files were imported; their rows are tracked",
        "customer_search": "the search index, kept by its own triggers",
        "team_user": "who may use the database; no figure depends on it",
        "team_setting": "what reps see and the team's figures; setTeamSetting marks everyone when a figure changes",
    ]

    /// The triggers of one tracked table, for the migration that adds them.
    static func triggers(table: String, customer: String) -> String {
        let paused = "NOT EXISTS (SELECT 1 FROM meta WHERE key = '\(pauseKey)')"
        // NOT EXISTS as well as OR IGNORE: an outer statement's own conflict clause (an upsert,
        // INSERT OR ABORT) overrides the trigger's, and a second note of a customer must not fail it.
        func record(_ row: String) -> String {
            let id = customer.replacingOccurrences(of: "ROW", with: row)
            return "INSERT OR IGNORE INTO \(Self.table) (customer_id) SELECT id FROM (SELECT \(id) AS id) "
                + "WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \(Self.table) WHERE customer_id = id);"
        }
        return """
            CREATE TRIGGER \(table)_change_insert AFTER INSERT ON \(table) WHEN \(paused)
            BEGIN \(record("NEW")) END;
            CREATE TRIGGER \(table)_change_update AFTER UPDATE ON \(table) WHEN \(paused)
            BEGIN \(record("OLD")) \(record("NEW")) END;
            CREATE TRIGGER \(table)_change_delete AFTER DELETE ON \(table) WHEN \(paused)
            BEGIN \(record("OLD")) END;
            """
    }

    /// The change table and every tracked table's triggers.
    static var migrationSQL: String {
        "CREATE TABLE \(table) (customer_id INTEGER PRIMARY KEY);\n"
            + tracked.map { triggers(table: $0.table, customer: $0.customer) }.joined(separator: "\n")
    }

    /// Runs `work` with the triggers quiet: the refresh's own writes are not changes.
    /// Must run inside the caller's transaction, so the mark never outlives it.
    static func paused<T>(_ db: Database, _ work: () throws -> T) throws -> T {
        let outer = try Bool.fetchOne(db, sql: "SELECT 1 FROM meta WHERE key = ?", arguments: [pauseKey]) ?? false
        if outer { return try work() }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", arguments: [pauseKey])
        defer { try? db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [pauseKey]) }
        return try work()
    }

    /// Notes customers as changed, for writes made with the triggers paused.
    static func mark(_ db: Database, _ ids: Set<Int64>) throws {
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO \(table) (customer_id) VALUES (?)")
        for id in ids {
            insert.setUncheckedArguments([id])
            try insert.execute()
        }
    }

    /// Takes the customers changed since the last refresh out of the change table; nil
    /// when everyone is to be recomputed. Writes after this mark customers for the next one.
    static func take(_ db: Database) throws -> Set<Int64>? {
        let ids = try Int64.fetchSet(db, sql: "SELECT customer_id FROM \(table)")
        try db.execute(sql: "DELETE FROM \(table)")
        return ids.contains(everyone) ? nil : ids
    }
}

extension ChangeTracking {
    /// Tables of the schema in neither list (FTS shadow tables belong to their index).
    static func gaps(_ db: Database) throws -> [String] {
        let known = Set(tracked.map(\.table)).union(untracked.keys)
        return try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND name NOT LIKE 'customer_search_%' ORDER BY name
            """).filter { !known.contains($0) }
    }
}
