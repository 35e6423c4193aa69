import GRDB
import LoyalCore

/// Absences from a file: the rep must exist (a typo must not create a rep who is never
/// away); the same rep and days imported again update the reason instead of doubling.
extension ImportSession {
    mutating func checkAbsence(_ row: inout ImportRow) {
        let record = ImportParser.absence(&row)
        if !record.repCode.isEmpty, absenceRepID(record.repCode) == nil {
            row.addProblem(column: "rep", Text.tr("import_check.no_rep", record.repCode))
        }
        guard collect(row) else { return }
        report.inserted += 1
        pending.append(.absence(record, line: row.line))
    }

    func absenceRepID(_ code: String) -> Int64? { repIDs[code] ?? repIDs[code.uppercased()] }

    mutating func writeAbsence(_ db: Database, _ record: AbsenceImportRecord, line: Int) throws {
        guard let repID = absenceRepID(record.repCode) else {
            add(ImportProblem(line: line, column: "rep", message: Text.tr("import_check.no_rep_any_more", record.repCode)))
            return
        }
        guard !failing else { return }
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM absence WHERE rep_id = ? AND from_day = ? AND to_day = ?",
                                       arguments: [repID, record.from.iso, record.to.iso]) {
            try db.execute(sql: "UPDATE absence SET reason = ? WHERE id = ?", arguments: [record.reason, id])
            report.updated += 1
        } else {
            try db.execute(sql: "INSERT INTO absence (rep_id, from_day, to_day, reason) VALUES (?, ?, ?, ?)",
                           arguments: [repID, record.from.iso, record.to.iso, record.reason])
            report.inserted += 1
        }
    }
}
