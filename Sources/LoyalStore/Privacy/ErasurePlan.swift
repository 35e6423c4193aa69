import Foundation
import GRDB
import LoyalCore

/// One change erasure makes to a stored row: new values for some columns, or its deletion.
struct ErasureChange {
    var row: StoredRow
    var keyColumns: [String]
    var values: [(column: String, value: DatabaseValue)]
    var delete: Bool

    func apply(_ db: Database) throws {
        let condition = keyColumns.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
        if delete {
            try db.execute(sql: "DELETE FROM \"\(row.table)\" WHERE \(condition)", arguments: StatementArguments(row.key))
        } else {
            let sets = values.map { "\"\($0.column)\" = ?" }.joined(separator: ", ")
            try db.execute(sql: "UPDATE \"\(row.table)\" SET \(sets) WHERE \(condition)",
                           arguments: StatementArguments(values.map(\.value) + row.key))
        }
    }
}

/// What erasure does to each row found (SubjectRecords), by the table's rule (ErasureRules).
struct ErasurePlanner {
    let schema: SchemaLinks
    let mentions: PersonMentions
    /// What his name becomes: "erased 2026-12-05".
    let tombstone: String
    /// A private customer is erased: the account is his, and so are its notes.
    let accountIsHis: Bool

    func changes(_ records: SubjectRecords) -> [ErasureChange] {
        records.rows.compactMap { change($0.row, $0.closeness) }
    }

    func change(_ row: StoredRow, _ closeness: Closeness) -> ErasureChange? {
        guard let rule = ErasureRules.rule(row.table), let table = schema.table(row.table) else { return nil }
        if closeness <= .tied, let deleteTied = rule.deleteTied, deleteTied(row.row) {
            return ErasureChange(row: row, keyColumns: table.key, values: [], delete: true)
        }
        // A whole row is only deleted when it is about him or his customer: elsewhere a merge
        // undo or a draft naming someone of his name may be a namesake's.
        if closeness == .far && rule.deleteWhenChanged { return nil }
        var values: [(column: String, value: DatabaseValue)] = []
        for column in table.columns.map(\.name) {
            guard let cls = rule.columns[column], closeness != .far || cls.isFreeText,
                  let old = row.row[column] as String? else { continue }
            guard let new = erased(old, cls, closeness, separators: rule.separators), new != old else { continue }
            values.append((column, new.isEmpty && table.isNullable(column) ? .null : new.databaseValue))
        }
        if values.isEmpty { return nil }
        if rule.deleteWhenChanged { return ErasureChange(row: row, keyColumns: table.key, values: [], delete: true) }
        values += searchKeys(row, rule, values)
        return ErasureChange(row: row, keyColumns: table.key, values: values, delete: false)
    }

    /// The value a column gets; nil keeps it.
    func erased(_ text: String, _ cls: ErasureClass, _ closeness: Closeness, separators: [String]) -> String? {
        switch cls {
        case .keep, .searchKey:
            return nil
        case .name:
            return closeness == .own || mentions.mentions(text, strongOnly: true) ? tombstone : nil
        case .personal:
            // Elsewhere only his full name, e-mail or phone count: a company called like his surname keeps its name.
            return closeness == .own || mentions.mentions(text, strongOnly: true) ? "" : nil
        case .text:
            return closeness <= .tied ? ""
                : mentions.removingMentions(text, separators: separators, strongOnly: closeness == .far)
        case .accountNotes:
            return closeness == .own || (closeness == .tied && accountIsHis) ? ""
                : mentions.removingMentions(text, separators: separators, strongOnly: closeness == .far)
        case .record:
            return mentions.replacing(in: text, with: tombstone, strongOnly: closeness == .far)
        case .extra:
            return closeness <= .tied ? ""
                : ExtraColumns.removing(text) { mentions.mentions($0, strongOnly: closeness == .far) }
        }
    }

    /// A changed name or city changes what the customer is found and sorted by.
    private func searchKeys(_ row: StoredRow, _ rule: ErasureRule, _ values: [(column: String, value: DatabaseValue)])
        -> [(column: String, value: DatabaseValue)] {
        guard rule.columns.values.contains(.searchKey),
              values.contains(where: { ["name", "city"].contains($0.column) }) else { return [] }
        func current(_ column: String) -> String {
            values.first { $0.column == column }.flatMap { String.fromDatabaseValue($0.value) }
                ?? (row.row[column] as String? ?? "")
        }
        let keys = CustomerRecords.searchKeys(number: current("number"), name: current("name"), city: current("city"))
        return zip(["search_key", "sort_name", "sort_city"], keys).map { ($0, $1.databaseValue) }
    }
}

/// The `extra` column: `{"Lead Status":"Open","Assistant":"…"}`, the columns an import had
/// no field for (ImportParser.extra).
enum ExtraColumns {
    /// The object without the entries whose name or value `mentions`; "" when none is left.
    /// Entries keep their order. Text that is not such an object goes whole when it mentions.
    static func removing(_ text: String, where mentions: (String) -> Bool) -> String {
        guard !text.isEmpty else { return text }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return mentions(text) ? "" : text
        }
        let kept = object.filter { !mentions($0.key) && !mentions("\($0.value)") }
        if kept.count == object.count { return text }
        let ordered = kept.keys.sorted {
            (text.range(of: JSONText.string($0))?.lowerBound ?? text.endIndex, $0)
                < (text.range(of: JSONText.string($1))?.lowerBound ?? text.endIndex, $1)
        }
        if ordered.isEmpty { return "" }
        return "{" + ordered.map { JSONText.string($0) + ":" + JSONText.string("\(kept[$0]!)") }.joined(separator: ",") + "}"
    }
}
