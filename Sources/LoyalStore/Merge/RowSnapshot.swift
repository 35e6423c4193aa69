import Foundation
import GRDB

/// A row as it was, to put back exactly (same id, same values) when a merge is undone.
struct RowSnapshot: Codable, Equatable {
    var table: String
    var columns: [String]
    var values: [StoredValue]

    init(table: String, row: Row) {
        self.table = table
        columns = Array(row.columnNames)
        values = row.databaseValues.map(StoredValue.init)
    }

    /// Inserts the row again; `keepingID: false` lets SQLite choose a new id (for rows
    /// whose old id another row may have taken since).
    func insert(_ db: Database, keepingID: Bool = true) throws {
        let kept = columns.indices.filter { keepingID || columns[$0] != "id" }
        let names = kept.map { "\"\(columns[$0])\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: kept.count).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(table) (\(names)) VALUES (\(marks))",
                       arguments: StatementArguments(kept.map { values[$0].databaseValue }))
    }

    /// Sets every column but the key back to this row's values.
    func restore(_ db: Database, key: String = "id") throws {
        guard let k = columns.firstIndex(of: key) else { return }
        let sets = columns.indices.filter { $0 != k }
        try db.execute(sql: "UPDATE \(table) SET " + sets.map { "\"\(columns[$0])\" = ?" }.joined(separator: ", ")
                           + " WHERE \"\(key)\" = ?",
                       arguments: StatementArguments(sets.map { values[$0].databaseValue } + [values[k].databaseValue]))
    }

    static func all(_ db: Database, _ table: String, where condition: String, _ arguments: StatementArguments) throws -> [RowSnapshot] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE \(condition)", arguments: arguments).map {
            RowSnapshot(table: table, row: $0)
        }
    }
}

/// One SQLite value, typed, for JSON (merge undo) and the GDPR export.
public enum StoredValue: Codable, Hashable, Sendable {
    case null, integer(Int64), real(Double), text(String), blob(Data)

    init(_ v: DatabaseValue) {
        switch v.storage {
        case .null: self = .null
        case .int64(let i): self = .integer(i)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let b): self = .blob(b)
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let i): return i.databaseValue
        case .real(let d): return d.databaseValue
        case .text(let s): return s.databaseValue
        case .blob(let b): return b.databaseValue
        }
    }
}
