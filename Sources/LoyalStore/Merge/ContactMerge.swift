import Foundation
import GRDB
import LoyalCore

extension Store {
    /// Merges contact person `other` into `keep` (by id): the visits they attended and their
    /// calendar entries move to `keep`, empty fields take the other's value (`prefer` decides
    /// where both have one), and the other goes. One transaction; `loyal merge --undo` takes it back.
    public func mergeContacts(keep: Int64, other: Int64, prefer: MergePreference, actor: String) throws -> MergeSummary {
        try pool.write { db in try ContactMerge.run(db, keep: keep, other: other, prefer: prefer, actor: actor) }
    }

    /// Takes back the latest merge that was not undone yet: the removed record comes back
    /// with its id and everything that moved goes back to it. Returns what was undone.
    public func undoLastMerge(actor: String, today: Day, settings: Settings) throws -> String {
        try pool.write { db in
            guard let (id, undo) = try MergeUndo.latest(db) else { throw StoreError.notFound("there is no merge to undo") }
            for snapshot in undo.deleted where snapshot.table == "customer" || snapshot.table == "contact_person" {
                try snapshot.insert(db)
            }
            let column = undo.kind == "customer" ? "customer_id" : "contact_person_id"
            for (table, ids) in undo.movedIDs {
                for chunk in ids.chunked(500) {
                    try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE id IN (\(chunk.map(String.init).joined(separator: ",")))",
                                   arguments: [undo.otherID])
                }
            }
            for interaction in undo.movedInteractions {
                try db.execute(sql: "UPDATE interaction_contact SET contact_person_id = ? WHERE contact_person_id = ? AND interaction_id = ?",
                               arguments: [undo.otherID, undo.keepID, interaction])
            }
            for (table, channels) in undo.movedChannels {
                for channel in channels {
                    try db.execute(sql: "UPDATE \(table) SET customer_id = ? WHERE customer_id = ? AND channel = ?",
                                   arguments: [undo.otherID, undo.keepID, channel])
                }
            }
            // Derived rows with their own ids (signals, stages) get new ids: the kept customer's
            // refresh after the merge may have taken the old ones.
            for snapshot in undo.deleted where snapshot.table != "customer" && snapshot.table != "contact_person" {
                try snapshot.insert(db, keepingID: !["signal", "retention_stage"].contains(snapshot.table))
            }
            try undo.keptBefore?.restore(db)
            let customers = undo.kind == "customer" ? [undo.keepID, undo.otherID]
                : try Int64.fetchAll(db, sql: "SELECT DISTINCT customer_id FROM contact_person WHERE id IN (?, ?)",
                                     arguments: [undo.keepID, undo.otherID])
            for id in customers { try Store.refreshCustomer(db, id: id, asOf: today, settings: settings) }
            try db.execute(sql: "DELETE FROM merge_undo WHERE id = ?", arguments: [id])
            let names = try [undo.keepID, undo.otherID].map { id in
                undo.kind == "customer"
                    ? try String.fetchOne(db, sql: "SELECT number FROM customer WHERE id = ?", arguments: [id]) ?? "?"
                    : "contact \(id)"
            }
            let text = "undid the merge of \(names[1]) into \(names[0])"
            try db.execute(sql: "INSERT INTO audit (at, actor, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, 'undo merge', ?)",
                           arguments: [Timestamp.now(), actor, undo.kind == "customer" ? "customer" : "contact", undo.keepID, text])
            return text
        }
    }
}

enum ContactMerge {
    static let fields = ["first_name", "last_name", "role", "email", "phone", "birthday", "partner_name",
                         "partner_birthday", "left_on", "notes"]

    static func run(_ db: Database, keep: Int64, other: Int64, prefer: MergePreference, actor: String) throws -> MergeSummary {
        guard keep != other else { throw StoreError.invalid("a contact person cannot be merged with himself") }
        guard let keepRow = try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [keep]),
              let otherRow = try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [other]) else {
            throw StoreError.notFound("no contact person has the id \(keep) or \(other)")
        }
        var undo = MergeUndo(kind: "contact", keepID: keep, otherID: other)
        undo.keptBefore = RowSnapshot(table: "contact_person", row: keepRow)
        undo.deleted.append(RowSnapshot(table: "contact_person", row: otherRow))
        var summary = MergeSummary(kept: "contact \(keep)", removed: "contact \(other)", moved: [:], fieldsTaken: [])
        for field in fields {
            let mine = keepRow[field] as DatabaseValue, theirs = otherRow[field] as DatabaseValue
            let empty = mine.isNull || (String.fromDatabaseValue(mine) ?? "x").isEmpty
            let otherEmpty = theirs.isNull || (String.fromDatabaseValue(theirs) ?? "x").isEmpty
            guard !otherEmpty, mine != theirs, empty || prefer == .other else { continue }
            try db.execute(sql: "UPDATE contact_person SET \"\(field)\" = ? WHERE id = ?", arguments: [theirs, keep])
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
        try MergeUndo.save(db, undo, at: at)
        try db.execute(sql: "INSERT INTO audit (at, actor, entity, entity_id, action, detail) VALUES (?, ?, 'contact', ?, 'merge', ?)",
                       arguments: [at, actor, keep, "merged contact \(other) into contact \(keep)"])
        return summary
    }
}
