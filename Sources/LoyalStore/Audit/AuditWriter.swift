import Foundation
import GRDB
import LoyalCore

/// One field's value before and after a write; nil where the field had or has none.
public struct AuditChange: Sendable, Hashable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(_ field: String, _ before: String?, _ after: String?) {
        self.field = field; self.before = before; self.after = after
    }
}

/// The one audit writer: every write path records here who did it, the action, the record
/// (and the customer it belongs to, for `loyal audit --customer`) and the changed fields'
/// before/after as a JSON object `{"field":{"before":…,"after":…}}`.
enum Audit {
    /// `actor` is what the caller knows (the interface's user, "import"); a store opened for a
    /// user names that user instead, from the connection's session (ScopeGuard), so no write
    /// path can record someone else.
    static func record(_ db: Database, actor: String, entity: String, id: Int64?, action: String, detail: String,
                       changes: [AuditChange] = [], customerID: Int64? = nil) throws {
        let who = try Session.user(db) ?? actor
        let customer = try customerID ?? owningCustomer(db, entity: entity, id: id)
        try db.execute(sql: """
            INSERT INTO main.audit (at, actor, entity, entity_id, action, detail, changes, customer_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Timestamp.now(), who, entity, id, action, detail, json(changes), customer])
    }

    /// Records about one customer name it, so the audit of a customer finds its contacts' edits too.
    static func owningCustomer(_ db: Database, entity: String, id: Int64?) throws -> Int64? {
        guard let id else { return nil }
        if entity == "customer" { return id }
        guard ["contact_person", "interaction", "calendar_entry", "complaint", "signal", "winback"].contains(entity) else {
            return nil
        }
        return try Int64.fetchOne(db, sql: "SELECT customer_id FROM main.\(entity) WHERE id = ?", arguments: [id])
    }

    static func json(_ changes: [AuditChange]) -> String {
        let kept = changes.filter { $0.before != $0.after }
        guard !kept.isEmpty else { return "" }
        func value(_ v: String?) -> String { v.map(JSONText.string) ?? "null" }
        return "{" + kept.map {
            JSONText.string($0.field) + ":{\"before\":" + value($0.before) + ",\"after\":" + value($0.after) + "}"
        }.joined(separator: ",") + "}"
    }

    /// The fields that differ between two values of one type, from their mirrors.
    static func changes<T>(before: T, after: T) -> [AuditChange] {
        let a = Mirror(reflecting: before).children, b = Mirror(reflecting: after).children
        return zip(a, b).compactMap { x, y in
            let old = text(x.value), new = text(y.value)
            guard old != new, let label = x.label else { return nil }
            return AuditChange(label, old, new)
        }
    }

    /// "field: old → new" for every field that changed (the readable `detail`).
    static func diff<T>(before: T, after: T) -> String {
        changes(before: before, after: after).map { "\($0.field): \($0.before ?? "nil") → \($0.after ?? "nil")" }
            .joined(separator: "; ")
    }

    /// An optional's wrapped value as itself, nil as nil.
    private static func text(_ value: Any) -> String? {
        let m = Mirror(reflecting: value)
        if m.displayStyle == .optional { return m.children.first.map { String(describing: $0.value) } }
        return String(describing: value)
    }
}
