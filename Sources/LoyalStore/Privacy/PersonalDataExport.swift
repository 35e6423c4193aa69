import Foundation
import GRDB
import LoyalCore

/// Everything Loyal holds about a person or customer (GDPR Art. 15): every column of every
/// row that is his or about him, and the text elsewhere that names him.
public struct PersonalDataExport: Sendable {
    public struct Table: Sendable {
        public var name: String
        /// Every column the table has, in its order.
        public var columns: [String]
        public var rows: [[StoredValue]]
    }

    /// A text elsewhere (his customer's notes, a log line) that names him.
    public struct Mention: Sendable {
        public var table: String
        public var key: String
        public var column: String
        public var text: String
    }

    public var subject: DataSubject
    public var personName: String
    public var customerNumber: String
    public var customerName: String
    public var isPrivateCustomer: Bool
    public var exportedAt: String
    public var tables: [Table]
    public var mentions: [Mention]

    /// One JSON object: `subject`, `person`, `customer`, `exported_at`, `tables` (table name →
    /// rows, each row every column: numbers as numbers, text as strings, null, blobs in base64)
    /// and `mentions`.
    public func json() -> String {
        var out = "{\n"
        out += "  \"subject\": \(JSONText.string(subject.description)),\n"
        out += "  \"person\": \(JSONText.string(personName)),\n"
        out += "  \"customer\": {\"number\": \(JSONText.string(customerNumber)), \"name\": \(JSONText.string(customerName)), "
            + "\"kind\": \(JSONText.string(isPrivateCustomer ? "consumer" : "business"))},\n"
        out += "  \"exported_at\": \(JSONText.string(exportedAt)),\n"
        out += "  \"tables\": {"
        out += tables.map { t in
            "\n    \(JSONText.string(t.name)): [" + t.rows.map { row in
                "\n      {" + zip(t.columns, row).map { "\(JSONText.string($0)): \(Self.json($1))" }.joined(separator: ", ") + "}"
            }.joined(separator: ",") + "\n    ]"
        }.joined(separator: ",")
        out += tables.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"mentions\": [" + mentions.map { m in
            "\n    {\"table\": \(JSONText.string(m.table)), \"key\": \(JSONText.string(m.key)), "
                + "\"column\": \(JSONText.string(m.column)), \"text\": \(JSONText.string(m.text))}"
        }.joined(separator: ",") + (mentions.isEmpty ? "]\n" : "\n  ]\n")
        return out + "}\n"
    }

    static func json(_ v: StoredValue) -> String {
        switch v {
        case .null: return "null"
        case .integer(let i): return String(i)
        case .real(let d): return d.isFinite ? String(d) : "null"
        case .text(let s): return JSONText.string(s)
        case .blob(let b): return JSONText.string(b.base64EncodedString())
        }
    }
}

extension Store {
    /// Everything held about a contact person or a customer. For a contact: his record and
    /// everything about him (visits he attended with their feedback, his calendar entries,
    /// audit entries, merge undos, drafts). For a customer, private or business: the customer
    /// and every record of it and of its contact persons. Found from the schema's foreign
    /// keys, so a table added later is exported without being listed anywhere.
    public func exportPersonalData(_ subject: DataSubject) throws -> PersonalDataExport {
        try scope.require(.manager, to: Text.tr("store_error.may_gdpr_export"))
        return try pool.read { db in
            let schema = try SchemaLinks.read(db)
            let records = try SubjectRecords.gather(db, subject, schema: schema)
            var tables: [PersonalDataExport.Table] = [], mentions: [PersonalDataExport.Mention] = []
            // Rows of a table in key order, whichever link found them first.
            var own: [String: [StoredRow]] = [:], order: [String] = []
            for (r, closeness) in records.rows {
                guard let table = schema.table(r.table) else { continue }
                if closeness <= .tied {
                    if own[r.table] == nil { order.append(r.table) }
                    own[r.table, default: []].append(r)
                    continue
                }
                let rule = ErasureRules.rule(r.table)
                for column in table.textColumns {
                    // A column no rule knows yet is read as free text: better listed than missed.
                    let cls = rule?.columns[column] ?? .text
                    guard cls != .keep, cls != .searchKey,
                          closeness != .far || cls.isFreeText else { continue }
                    guard let text = r.row[column] as String?,
                          records.mentions.mentions(text, strongOnly: closeness == .far) else { continue }
                    mentions.append(PersonalDataExport.Mention(table: r.table, key: Self.keyText(r.key), column: column,
                                                               text: text))
                }
            }
            for name in order {
                guard let table = schema.table(name) else { continue }
                let columns = table.columns.map(\.name)
                let rows = own[name, default: []].sorted { Self.keyPrecedes($0.key, $1.key) }
                tables.append(PersonalDataExport.Table(name: name, columns: columns, rows: rows.map { r in
                    columns.map { StoredValue(r.row[$0] as DatabaseValue) }
                }))
            }
            let name = try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [records.customerID])
            return PersonalDataExport(subject: subject, personName: records.personName,
                                      customerNumber: records.customerNumber, customerName: name ?? "",
                                      isPrivateCustomer: records.isPrivateCustomer, exportedAt: Timestamp.now(),
                                      tables: tables, mentions: mentions)
        }
    }

    /// Numbers by value, text by its characters, key column by key column.
    static func keyPrecedes(_ a: [DatabaseValue], _ b: [DatabaseValue]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x.storage, y.storage) {
            case let (.int64(i), .int64(j)): return i < j
            case let (.string(s), .string(t)): return s < t
            default: return keyText([x]) < keyText([y])
            }
        }
        return a.count < b.count
    }

    /// "41", or key values joined by "/" ("7/email").
    static func keyText(_ key: [DatabaseValue]) -> String {
        key.map { v in String.fromDatabaseValue(v) ?? Int64.fromDatabaseValue(v).map(String.init) ?? "?" }
            .joined(separator: "/")
    }
}
