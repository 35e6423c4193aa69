import Foundation
import GRDB
import LoyalCore

extension Store {
    /// Merges contact person `other` into `keep` (by id): the visits they attended and their
    /// calendar entries move to `keep`, empty fields take the other's value (where both have
    /// one, `choices` decides per field and `prefer` for the rest), and the other goes. One
    /// transaction; `loyal merge --undo` takes it back.
    public func mergeContacts(keep: Int64, other: Int64, prefer: MergePreference,
                              choices: [String: MergePreference] = [:], actor: String) throws -> MergeSummary {
        try MergeFields.check(choices, known: ContactMerge.fields)
        return try pool.write { db in
            try ContactMerge.run(db, keep: keep, other: other, prefer: prefer, choices: choices, actor: actor)
        }
    }
}

enum ContactMerge {
    static let fields = ["first_name", "last_name", "role", "email", "phone", "birthday", "partner_name",
                         "partner_birthday", "left_on", "notes"]

    static func run(_ db: Database, keep: Int64, other: Int64, prefer: MergePreference,
                    choices: [String: MergePreference], actor: String) throws -> MergeSummary {
        guard keep != other else { throw StoreError.invalid(Text.tr("store_error.merge_self_contact")) }
        guard let keepRow = try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [keep]),
              let otherRow = try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [other]) else {
            throw StoreError.notFound(Text.tr("store_error.no_contact_ids", keep, other))
        }
        var undo = MergeUndo(kind: "contact", keepID: keep, otherID: other)
        undo.keptBefore = RowSnapshot(table: "contact_person", row: keepRow)
        undo.deleted.append(RowSnapshot(table: "contact_person", row: otherRow))
        var summary = MergeSummary(kept: "contact \(keep)", removed: "contact \(other)", moved: [:], fieldsTaken: [])
        for field in MergeFields.taken(keepRow, otherRow, fields, prefer: prefer, choices: choices) {
            try db.execute(sql: "UPDATE contact_person SET \"\(field)\" = ? WHERE id = ?",
                           arguments: [otherRow[field] as DatabaseValue, keep])
            summary.fieldsTaken.append(field)
        }
        // Visits both attended keep one attendance row; the other's goes (kept for undo).
        undo.deleted += try RowSnapshot.all(db, "interaction_contact", where: """
            contact_person_id = ? AND interaction_id IN (SELECT interaction_id FROM interaction_contact WHERE contact_person_id = ?)
            """, [other, keep])
        try db.execute(sql: """
            DELETE FROM interaction_contact WHERE contact_person_id = ?
              AND interaction_id IN (SELECT interaction_id FROM interaction_contact WHERE contact_person_id = ?)
            """, arguments: [other, keep])
        let attended = try Int64.fetchAll(db, sql: "SELECT interaction_id FROM interaction_contact WHERE contact_person_id = ?",
                                          arguments: [other])
        try db.execute(sql: "UPDATE interaction_contact SET contact_person_id = ? WHERE contact_person_id = ?", arguments: [keep, other])
        // interaction_contact has no id: its moved rows are listed by interaction and put back by it.
        if !attended.isEmpty { undo.movedInteractions = attended; summary.moved["interaction_contact"] = attended.count }
        let entries = try Int64.fetchAll(db, sql: "SELECT id FROM calendar_entry WHERE contact_person_id = ?", arguments: [other])
        try db.execute(sql: "UPDATE calendar_entry SET contact_person_id = ? WHERE contact_person_id = ?", arguments: [keep, other])
        if !entries.isEmpty { undo.movedIDs["calendar_entry"] = entries; summary.moved["calendar_entry"] = entries.count }
        // The other's further e-mails and phones become the kept one's (and go back on undo).
        let channels = try Int64.fetchAll(db, sql: "SELECT id FROM contact_channel WHERE contact_person_id = ?", arguments: [other])
        try db.execute(sql: "UPDATE contact_channel SET contact_person_id = ? WHERE contact_person_id = ?", arguments: [keep, other])
        if !channels.isEmpty { undo.movedIDs["contact_channel"] = channels; summary.moved["contact_channel"] = channels.count }
        try db.execute(sql: "DELETE FROM contact_person WHERE id = ?", arguments: [other])
        let at = Timestamp.now()
        summary.undoID = try MergeUndo.save(db, undo, at: at)
        try Audit.record(db, actor: actor, entity: "contact", id: keep, action: "merge",
                         detail: "merged contact \(other) into contact \(keep)",
                         customerID: Int64.fetchOne(db, sql: "SELECT customer_id FROM main.contact_person WHERE id = ?", arguments: [keep]))
        return summary
    }
}
