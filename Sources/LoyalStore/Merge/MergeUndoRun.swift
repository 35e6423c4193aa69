import Foundation
import GRDB
import LoyalCore

extension Store {
    /// Takes back the latest merge that was not undone yet: the removed record comes back
    /// with its id and everything that moved goes back to it. Returns what was undone.
    public func undoLastMerge(actor: String, today: Day, settings: Settings) throws -> String {
        try undoMerge(id: nil, actor: actor, today: today, settings: settings)
    }

    /// Takes back the merge `id` (from `MergeSummary.undoID`), the interface's `u` right
    /// after a merge. Only while it is the latest: a later merge (from another window or
    /// `loyal merge`) may have moved the same rows again, so that one goes first.
    public func undoMerge(id wanted: Int64?, actor: String, today: Day, settings: Settings) throws -> String {
        try pool.write { db in
            guard let (id, undo, owner) = try MergeUndo.latest(db) else { throw StoreError.notFound(Text.tr("store_error.no_merge_to_undo")) }
            // Undo is per user: another user's merge is not offered to this one.
            if owner != (try Session.owner(db)) {
                throw StoreError.invalid(Text.tr("store_error.merge_not_yours", owner))
            }
            if let wanted, wanted != id {
                let exists = try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM merge_undo WHERE id = ?", arguments: [wanted]) ?? false
                throw StoreError.invalid(Text.tr(exists ? "store_error.merge_later_first" : "store_error.merge_undone_already"))
            }
            return try MergeUndoRun.run(db, id: id, undo, actor: actor, today: today, settings: settings)
        }
    }
}

enum MergeUndoRun {
    static func run(_ db: Database, id: Int64, _ undo: MergeUndo, actor: String, today: Day, settings: Settings) throws -> String {
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
        for customer in customers { try Store.refreshCustomer(db, id: customer, asOf: today, settings: settings) }
        try db.execute(sql: "DELETE FROM merge_undo WHERE id = ?", arguments: [id])
        let names = try [undo.keepID, undo.otherID].map { record in
            undo.kind == "customer"
                ? try String.fetchOne(db, sql: "SELECT number FROM customer WHERE id = ?", arguments: [record]) ?? "?"
                : "contact \(record)"
        }
        let text = "undid the merge of \(names[1]) into \(names[0])"
        try Audit.record(db, actor: actor, entity: undo.kind == "customer" ? "customer" : "contact", id: undo.keepID,
                         action: "undo merge", detail: text)
        return text
    }
}
