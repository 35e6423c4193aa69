import Foundation
import GRDB
import LoyalCore

/// Which value wins where both records have one; an empty field always takes the other's.
public enum MergePreference: String, Sendable, CaseIterable { case keep, other }

/// What a merge did, for the command to report.
public struct MergeSummary: Sendable, Equatable {
    public var kept: String
    public var removed: String
    /// Table → rows moved to the kept record.
    public var moved: [String: Int]
    public var fieldsTaken: [String]
    /// The merge's row in `merge_undo`, for taking back exactly this merge.
    public var undoID: Int64 = 0
}

extension Store {
    /// Merges customer `other` into `keep` (by number) in one transaction: contact persons,
    /// purchases, visits and feedback, complaints, calendar entries, win-back cases and
    /// consents move to `keep`; the other's derived figures go and `keep` is re-evaluated.
    /// Fields empty in `keep` take the other's value; where both have one, `choices` decides
    /// per field (keys as `customerMergePreview` names the conflicts), `prefer` for the rest.
    /// `loyal merge --undo` takes it back.
    public func mergeCustomers(keep: String, other: String, prefer: MergePreference,
                               choices: [String: MergePreference] = [:], actor: String, today: Day,
                               settings: Settings) throws -> MergeSummary {
        try MergeFields.check(choices, known: CustomerMerge.fields, channelTables: CustomerMerge.channelTables)
        return try pool.write { db in
            let summary = try CustomerMerge.run(db, keep: keep, other: other, prefer: prefer, choices: choices, actor: actor)
            let keepID = try CustomerMerge.id(db, keep)
            try Store.refreshCustomer(db, id: keepID, asOf: today, settings: settings)
            try db.execute(sql: "UPDATE customer_stats SET as_of = ? WHERE customer_id = ?", arguments: [today.iso, keepID])
            return summary
        }
    }
}

enum CustomerMerge {
    /// Tables whose rows follow the customer by id.
    static let movedTables = ["contact_person", "purchase", "interaction", "complaint", "calendar_entry", "winback"]
    /// Tables keyed by (customer, channel): the other's rows move where `keep` has none for the channel.
    static let channelTables = ["consent", "contact_plan_override"]
    /// Derived rows: deleted (and kept for undo), recomputed for `keep` by the refresh.
    static let derivedTables = ["signal", "retention_stage", "risk_snapshot", "customer_stats"]
    /// Fields a merge may fill or choose.
    static let fields = ["name", "street", "postal_code", "city", "country", "phone", "email", "website", "industry",
                         "employees", "revenue_band", "rep_id", "since", "kind", "preferences", "preferred_channel",
                         "best_call_times", "high_season", "busy_hours", "potential_cents", "class_override", "notes"]

    static func id(_ db: Database, _ number: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]) else {
            throw StoreError.notFound(Text.tr("cli.no_customer", number))
        }
        return id
    }

    static func run(_ db: Database, keep: String, other: String, prefer: MergePreference,
                    choices: [String: MergePreference], actor: String) throws -> MergeSummary {
        let keepID = try id(db, keep), otherID = try id(db, other)
        guard keepID != otherID else { throw StoreError.invalid(Text.tr("store_error.merge_self_customer")) }
        let clashes = try String.fetchAll(db, sql: """
            SELECT a.reference FROM purchase a JOIN purchase b ON b.reference = a.reference AND ifnull(b.product_id, 0) = ifnull(a.product_id, 0)
            WHERE a.customer_id = ? AND b.customer_id = ? AND a.reference <> '' LIMIT 5
            """, arguments: [keepID, otherID])
        if !clashes.isEmpty {
            throw StoreError.invalid(Text.tr("store_error.merge_reference_clash", clashes.joined(separator: ", ")))
        }
        var undo = MergeUndo(kind: "customer", keepID: keepID, otherID: otherID)
        let keepRow = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [keepID])!
        let otherRow = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [otherID])!
        undo.keptBefore = RowSnapshot(table: "customer", row: keepRow)
        undo.deleted.append(RowSnapshot(table: "customer", row: otherRow))
        var summary = MergeSummary(kept: keep, removed: other, moved: [:], fieldsTaken: [])

        // Fields: an empty one takes the other's value; a conflict goes as chosen, else as preferred.
        for field in MergeFields.taken(keepRow, otherRow, fields, prefer: prefer, choices: choices) {
            try db.execute(sql: "UPDATE customer SET \"\(field)\" = ? WHERE id = ?",
                           arguments: [otherRow[field] as DatabaseValue, keepID])
            summary.fieldsTaken.append(field)
        }
        // Feedback hangs on the visits and moves with them; counted so the user hears of it.
        let feedback = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM feedback f JOIN interaction i ON i.id = f.interaction_id WHERE i.customer_id = ?
            """, arguments: [otherID]) ?? 0
        if feedback > 0 { summary.moved["feedback"] = feedback }
        // One main contact: the kept customer's stays main, the other's moves as an ordinary one.
        try db.execute(sql: """
            UPDATE contact_person SET is_primary = 0 WHERE customer_id = ? AND is_primary = 1
              AND EXISTS (SELECT 1 FROM contact_person WHERE customer_id = ? AND is_primary = 1)
            """, arguments: [otherID, keepID])
        for table in movedTables {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE customer_id = ?", arguments: [otherID])
            guard !ids.isEmpty else { continue }
            try db.execute(sql: "UPDATE \(table) SET customer_id = ? WHERE customer_id = ?", arguments: [keepID, otherID])
            undo.movedIDs[table] = ids
            summary.moved[table] = ids.count
        }
        for table in channelTables {
            let mine = Set(try String.fetchAll(db, sql: "SELECT channel FROM \(table) WHERE customer_id = ?", arguments: [keepID]))
            for channel in try String.fetchAll(db, sql: "SELECT channel FROM \(table) WHERE customer_id = ?", arguments: [otherID]) {
                if mine.contains(channel) {
                    let loser = (choices["\(table).\(channel)"] ?? prefer) == .keep ? otherID : keepID
                    undo.deleted += try RowSnapshot.all(db, table, where: "customer_id = ? AND channel = ?", [loser, channel])
                    try db.execute(sql: "DELETE FROM \(table) WHERE customer_id = ? AND channel = ?", arguments: [loser, channel])
                    if loser == otherID { continue }
                }
                try db.execute(sql: "UPDATE \(table) SET customer_id = ? WHERE customer_id = ? AND channel = ?",
                               arguments: [keepID, otherID, channel])
                undo.movedChannels[table, default: []].append(channel)
                summary.moved[table, default: 0] += 1
            }
        }
        for table in derivedTables {
            undo.deleted += try RowSnapshot.all(db, table, where: "customer_id = ?", [otherID])
            try db.execute(sql: "DELETE FROM \(table) WHERE customer_id = ?", arguments: [otherID])
        }
        try db.execute(sql: "DELETE FROM customer WHERE id = ?", arguments: [otherID])
        // The kept name or city may have changed: its search and sort keys follow (not through
        // the editor's update, which would take a filled-in address for a move).
        let kept = CustomerRecords.customer(try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [keepID])!)
        try db.execute(sql: "UPDATE customer SET search_key = ?, sort_name = ?, sort_city = ? WHERE id = ?",
                       arguments: [SearchKey.forCustomer(number: kept.number, name: kept.name, city: kept.city),
                                   SearchKey.fold(kept.name), SearchKey.fold(kept.city), keepID])
        let at = Timestamp.now()
        summary.undoID = try MergeUndo.save(db, undo, at: at)
        let moved = summary.moved.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        try Audit.record(db, actor: actor, entity: "customer", id: keepID, action: "merge",
                         detail: "merged \(other) into \(keep)" + (moved.isEmpty ? "" : ": moved \(moved)"))
        return summary
    }
}
