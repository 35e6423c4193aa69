import GRDB
import LoyalCore

/// One stored row with the values of its key, which find it again for an update.
struct StoredRow {
    var table: String
    var key: [DatabaseValue]
    var row: Row

    var id: StoredRowID { StoredRowID(table: table, key: key) }
}

struct StoredRowID: Hashable {
    var table: String
    var key: [DatabaseValue]
}

extension SchemaLinks {
    /// The rows of `table` whose `column` holds one of `values`, in key order.
    func rows(_ db: Database, _ table: String, where column: String, in values: [DatabaseValue]) throws -> [StoredRow] {
        guard let list = Self.jsonList(values) else { return [] }
        // json_each takes any number of values in one bound argument (no IN list of thousands of `?`).
        return try rows(db, table, condition: "\"\(column)\" IN (SELECT value FROM json_each(?))", arguments: [list])
    }

    /// The rows of `table` that meet an SQL condition, in key order.
    func rows(_ db: Database, _ table: String, condition: String, arguments: StatementArguments) throws -> [StoredRow] {
        guard let t = self.table(table) else { return [] }
        let keyList = t.key.map { "\"\($0)\"" }.joined(separator: ", ")
        // A hidden rowid is not part of `*`: select it by name.
        let select = t.key == ["rowid"] ? "rowid, *" : "*"
        let found = try Row.fetchAll(db, sql: "SELECT \(select) FROM \"\(table)\" WHERE \(condition) ORDER BY \(keyList)",
                                     arguments: arguments)
        return found.map { row in StoredRow(table: table, key: t.key.map { row[$0] as DatabaseValue }, row: row) }
    }

    /// A JSON array of the distinct values, for `json_each`; nil when there are none.
    static func jsonList(_ values: [DatabaseValue]) -> String? {
        var seen = Set<DatabaseValue>()
        let literals = values.filter { !$0.isNull && seen.insert($0).inserted }.compactMap(jsonLiteral)
        return literals.isEmpty ? nil : "[" + literals.joined(separator: ",") + "]"
    }

    /// Every row reached from the rows of `table` whose `column` holds one of `values`: the
    /// rows that refer to a reached row, and so on down (a customer's visits, their feedback,
    /// their attendance); and up only along `through`, the references that make the parent
    /// about the person too (a visit he attended, a complaint raised on it). In the order
    /// reached, each row once.
    func reach(_ db: Database, from table: String, column: String, values: [DatabaseValue],
               through: [(table: String, column: String)] = []) throws -> [StoredRow] {
        var out: [StoredRow] = [], seen = Set<StoredRowID>()
        var queue: [(table: String, rows: [StoredRow])] = []
        func add(_ rows: [StoredRow]) {
            let new = rows.filter { seen.insert($0.id).inserted }
            guard let first = new.first else { return }
            out += new
            queue.append((first.table, new))
        }
        add(try rows(db, table, where: column, in: values))
        while !queue.isEmpty {
            let (parent, rows) = queue.removeFirst()
            for ref in references where ref.parent == parent {
                add(try self.rows(db, ref.table, where: ref.column, in: rows.map { $0.row[ref.parentColumn] }))
            }
            for link in through where link.table == parent {
                guard let ref = references.first(where: { $0.table == parent && $0.column == link.column }) else { continue }
                add(try self.rows(db, ref.parent, where: ref.parentColumn, in: rows.map { $0.row[link.column] }))
            }
        }
        return out
    }

    static func jsonLiteral(_ v: DatabaseValue) -> String? {
        switch v.storage {
        case .int64(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : nil
        case .string(let s): return JSONText.string(s)
        case .null, .blob: return nil
        }
    }
}
