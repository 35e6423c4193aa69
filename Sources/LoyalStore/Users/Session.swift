import GRDB

/// What a connection knows of its user (the row ScopeGuard puts in `temp.loyal_session`).
enum Session {
    /// The user the audit names; nil on a store opened without a user (tools, tests).
    static func user(_ db: Database) throws -> String? {
        try column(db, "user")
    }

    /// Whose drafts and merge undo these are: the user in a team, "" for a single-user file
    /// (so a solo user's drafts from before users existed are still offered).
    static func owner(_ db: Database) throws -> String {
        try column(db, "owner") ?? ""
    }

    private static func column(_ db: Database, _ name: String) throws -> String? {
        let has = try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM temp.sqlite_master WHERE name = 'loyal_session'") ?? false
        return has ? try String.fetchOne(db, sql: "SELECT \(name) FROM temp.loyal_session") : nil
    }
}
