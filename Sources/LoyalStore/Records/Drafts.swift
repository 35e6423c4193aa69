import GRDB
import LoyalCore

/// An unsaved form, kept in the database while typing.
public struct Draft: Sendable, Hashable {
    public var kind: String
    public var subject: String
    public var payload: String
    public var updatedAt: String
}

/// Drafts belong to the user who typed them (Session.owner): one rep's unsaved visit is
/// never offered to another.
extension Store {
    /// Saves (or replaces) the draft of a form; called while the user types, so it
    /// survives a crash, a kill or a dropped SSH connection.
    public func saveDraft(kind: String, subject: String, payload: String) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO draft (user, kind, subject, payload, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user, kind, subject) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
                """, arguments: [try Session.owner(db), kind, subject, payload, Timestamp.now()])
        }
    }

    public func drafts(kind: String) throws -> [Draft] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM draft WHERE user = ? AND kind = ? ORDER BY updated_at DESC",
                             arguments: [try Session.owner(db), kind]).map {
                Draft(kind: $0["kind"], subject: $0["subject"], payload: $0["payload"], updatedAt: $0["updated_at"])
            }
        }
    }

    public func deleteDraft(kind: String, subject: String) throws {
        try pool.write { db in try Store.deleteDraft(db, kind: kind, subject: subject) }
    }

    static func deleteDraft(_ db: Database, kind: String, subject: String) throws {
        try db.execute(sql: "DELETE FROM draft WHERE user = ? AND kind = ? AND subject = ?",
                       arguments: [try Session.owner(db), kind, subject])
    }
}
