import GRDB
import LoyalCore

/// The migration `v1-clean-control-characters` (issue 11): text stored before imports
/// and forms refused control characters and bidi overrides is cleaned by the same rule
/// (`TextSafety`), and every changed row is recorded in the audit table with what was
/// removed, so nothing disappears without a trace.
enum CleanControlCharacters {
    struct Table {
        let name: String
        let columns: [(name: String, field: TextSafety.Field)]
    }

    static let tables: [Table] = [
        Table(name: "customer", columns: [
            ("number", .oneLine), ("name", .oneLine), ("street", .freeText), ("postal_code", .oneLine), ("city", .oneLine),
            ("country", .oneLine), ("phone", .oneLine), ("email", .oneLine), ("website", .oneLine), ("industry", .oneLine),
            ("revenue_band", .oneLine), ("preferences", .freeText), ("best_call_times", .oneLine),
            ("high_season", .oneLine), ("busy_hours", .oneLine), ("notes", .freeText),
        ]),
        Table(name: "contact_person", columns: [
            ("first_name", .oneLine), ("last_name", .oneLine), ("role", .oneLine), ("email", .oneLine),
            ("phone", .oneLine), ("partner_name", .oneLine), ("notes", .freeText),
        ]),
        Table(name: "interaction", columns: [("subject", .oneLine), ("notes", .freeText)]),
        Table(name: "complaint", columns: [("text", .freeText)]),
        Table(name: "feedback", columns: [
            ("topics", .oneLine), ("competitor", .oneLine), ("cross_sell_category", .oneLine), ("next_step", .oneLine),
        ]),
    ]

    /// A GLOB that matches text holding a refused character, so SQLite finds the few
    /// affected rows and Swift looks only at those (NUL cannot stand in SQL text).
    static func pattern(_ field: TextSafety.Field) -> String {
        var set = "\u{1}-\u{8}\u{B}\u{C}\u{E}-\u{1F}\u{7F}-\u{9F}\u{202A}-\u{202E}\u{2066}-\u{2069}"
        if field == .oneLine { set += "\n\r" }
        return "*[" + set + "]*"
    }

    static func run(_ db: Database) throws {
        for table in tables {
            let columns = table.columns.map(\.name)
            let condition = table.columns.map { "\($0.name) GLOB '\(pattern($0.field))'" }.joined(separator: " OR ")
            let rows = try Row.fetchAll(db, sql: "SELECT id, \(columns.joined(separator: ", ")) FROM \(table.name) WHERE \(condition)")
            for row in rows {
                let id: Int64 = row["id"]
                var changed: [(String, String)] = []
                var removed: [String] = []
                for (name, field) in table.columns {
                    let text: String = row[name] ?? ""
                    guard TextSafety.firstRefused(in: text, field: field) != nil else { continue }
                    var seen: [String] = []
                    for s in text.unicodeScalars where TextSafety.isRefused(s, in: field) {
                        let code = TextSafety.codePoint(s.value)
                        if !seen.contains(code) { seen.append(code) }
                    }
                    var clean = TextSafety.stripped(text, field: field)
                    if table.name == "customer", name == "number" { clean = try freeNumber(db, clean, id: id) }
                    changed.append((name, clean))
                    removed.append("\(name): removed \(seen.joined(separator: " "))")
                }
                guard !changed.isEmpty else { continue }
                try db.execute(sql: "UPDATE \(table.name) SET " + changed.map { "\($0.0) = ?" }.joined(separator: ", ")
                               + " WHERE id = ?", arguments: StatementArguments(changed.map(\.1)) + [id])
                if table.name == "customer" { try refreshSearchColumns(db, id: id) }
                try Audit.record(db, actor: "migration", entity: table.name, id: id, action: "clean-control-characters",
                                 detail: removed.joined(separator: "; "))
            }
        }
    }

    /// A cleaned customer number that another customer already has gets the id appended,
    /// so the migration never fails on the unique index (the audit says what happened).
    private static func freeNumber(_ db: Database, _ number: String, id: Int64) throws -> String {
        let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customer WHERE number = ? AND id <> ?)",
                                      arguments: [number, id]) ?? false
        return taken ? "\(number)-\(id)" : number
    }

    /// The folded copies the search index and the sorted lists read.
    private static func refreshSearchColumns(_ db: Database, id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT number, name, city FROM customer WHERE id = ?", arguments: [id]) else { return }
        let number: String = row["number"], name: String = row["name"], city: String = row["city"]
        try db.execute(sql: "UPDATE customer SET search_key = ?, sort_name = ?, sort_city = ? WHERE id = ?", arguments: [
            SearchKey.forCustomer(number: number, name: name, city: city), SearchKey.fold(name), SearchKey.fold(city), id,
        ])
    }
}
