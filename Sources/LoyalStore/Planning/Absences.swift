import GRDB
import LoyalCore

/// Reps' absences: added from the CLI, the Calendar tab or an import, each add or
/// removal one transaction with an audit entry.
extension Store {
    /// Adds an absence of the rep with `repCode`; returns its id.
    @discardableResult
    public func addAbsence(repCode: String, from: Day, to: Day, reason: String, actor: String) throws -> Int64 {
        if let problem = Absence.problem(from: from, to: to, reason: reason) { throw StoreError.invalid(problem) }
        return try pool.write { db in
            let repID = try Self.repID(db, code: repCode)
            try db.execute(sql: "INSERT INTO absence (rep_id, from_day, to_day, reason) VALUES (?, ?, ?, ?)",
                           arguments: [repID, from.iso, to.iso, reason])
            let id = db.lastInsertedRowID
            try Audit.record(db, actor: actor, entity: "absence", id: id, action: "add",
                             detail: "\(repCode.uppercased()) \(from.iso)…\(to.iso)" + (reason.isEmpty ? "" : " \(reason)"))
            return id
        }
    }

    /// Removes an absence; a missing id is an error, so a typo does not pass silently.
    public func removeAbsence(id: Int64, actor: String) throws {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: Self.absenceSelect + " WHERE a.id = ?", arguments: [id]) else {
                throw StoreError.notFound(Text.tr("store_error.no_absence", id))
            }
            let a = Self.absence(row)
            try db.execute(sql: "DELETE FROM absence WHERE id = ?", arguments: [id])
            try Audit.record(db, actor: actor, entity: "absence", id: id, action: "remove",
                             detail: "\(a.repCode) \(a.from.iso)…\(a.to.iso)" + (a.reason.isEmpty ? "" : " \(a.reason)"))
        }
    }

    /// Absences, of one rep or all, by rep and first day; only those ending on or after `endingFrom` when given.
    public func absences(repCode: String? = nil, endingFrom: Day? = nil) throws -> [Absence] {
        try pool.read { db in
            var clauses: [String] = [], args: StatementArguments = []
            if let repCode { clauses.append("a.rep_id = ?"); args += [try Self.repID(db, code: repCode)] }
            if let endingFrom { clauses.append("a.to_day >= ?"); args += [endingFrom.iso] }
            let sql = Self.absenceSelect + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
                + " ORDER BY r.code, a.from_day, a.id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map(Self.absence)
        }
    }

    static let absenceSelect = "SELECT a.id, a.rep_id, r.code, a.from_day, a.to_day, a.reason FROM absence a JOIN rep r ON r.id = a.rep_id"

    static func absence(_ row: Row) -> Absence {
        Absence(id: row[0], repID: row[1], repCode: row[2], from: Day(iso: row[3] as String) ?? Day(number: 0),
                to: Day(iso: row[4] as String) ?? Day(number: 0), reason: row[5])
    }

    static func repID(_ db: Database, code: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM rep WHERE code = ? COLLATE NOCASE", arguments: [code]) else {
            let known = try String.fetchAll(db, sql: "SELECT code FROM rep ORDER BY code")
            throw StoreError.notFound(known.isEmpty ? Text.tr("store_error.no_rep_with_code", code)
                                                    : Text.tr("store_error.no_rep_with_code_known", code, known.joined(separator: ", ")))
        }
        return id
    }
}
