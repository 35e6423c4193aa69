import GRDB

/// The schema and its migrations. `user_version` holds the schema version so an
/// older Loyal can refuse a newer file before touching it.
enum Schema {
    static let version = 1
    /// "LOYA" — marks the file as a Loyal database.
    static let applicationID = 0x4C4F_5941

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: SchemaV1.sql)
            try db.execute(sql: "PRAGMA user_version = 1")
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        return m
    }
}
