import Foundation
import GRDB

/// What a merge changed, kept in the database so `loyal merge --undo` can take it back
/// later, from another process.
struct MergeUndo: Codable {
    var kind: String
    var keepID: Int64
    var otherID: Int64
    /// Rows the merge deleted (the other record itself first), to insert again.
    var deleted: [RowSnapshot] = []
    /// The kept record as it was, to restore.
    var keptBefore: RowSnapshot?
    /// Rows moved to the kept record: table → ids (for tables keyed by id), or table → channels.
    var movedIDs: [String: [Int64]] = [:]
    var movedChannels: [String: [String]] = [:]
    /// Contact merges: the visits whose attendance row moved to the kept person.
    var movedInteractions: [Int64] = []

    /// Stores what to undo; returns its id.
    static func save(_ db: Database, _ undo: MergeUndo, at: String) throws -> Int64 {
        let json = String(decoding: try JSONEncoder().encode(undo), as: UTF8.self)
        try db.execute(sql: "INSERT INTO merge_undo (at, kind, keep_id, other_id, payload, user) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [at, undo.kind, undo.keepID, undo.otherID, json, try Session.owner(db)])
        return db.lastInsertedRowID
    }

    /// The latest merge of anyone's (a later one may have moved the same rows) and whose it is.
    static func latest(_ db: Database) throws -> (id: Int64, undo: MergeUndo, owner: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, payload, user FROM merge_undo ORDER BY id DESC LIMIT 1") else {
            return nil
        }
        return (row[0], try JSONDecoder().decode(MergeUndo.self, from: Data((row[1] as String).utf8)), row[2])
    }
}
