import GRDB

/// The tables of the file and their foreign keys, read from SQLite itself: the GDPR export
/// and erasure follow a table or column a later migration adds without being told.
struct SchemaLinks {
    struct Table {
        var name: String
        var columns: [ColumnInfo]
        /// The primary key (`rowid` when the table declares none): what finds a row again.
        var key: [String]

        /// Text columns (and untyped ones) may hold words about a person; numbers are
        /// figures and ids.
        var textColumns: [String] {
            columns.filter { c in
                let t = c.type.uppercased()
                return !(t.contains("INT") || t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB"))
            }.map(\.name)
        }

        func isNullable(_ column: String) -> Bool { columns.first { $0.name == column }.map { !$0.isNotNull } ?? true }
    }

    /// `table.column` refers to `parent.parentColumn`.
    struct Reference {
        var table: String
        var column: String
        var parent: String
        var parentColumn: String
    }

    /// In creation order.
    var tables: [Table]
    var references: [Reference]

    func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    /// Ordinary tables of the main schema: no SQLite internals, no full-text index (virtual)
    /// or its shadow tables — the index is rebuilt from `customer`, not read or edited.
    static func read(_ db: Database) throws -> SchemaLinks {
        let names = try String.fetchAll(db, sql: """
            SELECT m.name FROM sqlite_master m JOIN pragma_table_list l ON l.name = m.name AND l.schema = 'main'
            WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.rowid
            """)
        var tables: [Table] = [], references: [Reference] = []
        for name in names {
            tables.append(Table(name: name, columns: try db.columns(in: name), key: try db.primaryKey(name).columns))
            for fk in try db.foreignKeys(on: name) where fk.mapping.count == 1 {
                references.append(Reference(table: name, column: fk.mapping[0].origin, parent: fk.destinationTable,
                                            parentColumn: fk.mapping[0].destination))
            }
        }
        return SchemaLinks(tables: tables, references: references)
    }
}
