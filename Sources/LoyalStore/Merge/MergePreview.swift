import GRDB
import LoyalCore

public enum MergeKind: String, Sendable { case customer, contact }

/// One side of a merge as the user knows it.
public struct MergeRecord: Sendable, Equatable {
    public var id: Int64
    /// The customer number, or CUSTOMER/ID for a contact person (as `loyal duplicates` shows it).
    public var label: String
    public var name: String
}

/// A field both records fill, differently: the user chooses which value stays.
public struct MergeConflict: Sendable, Equatable {
    /// The column ("name"), or table.channel for what is kept per channel ("consent.email"):
    /// the key of a choice in `Store.merge(_:choices:…)`.
    public var field: String
    public var keep: MergeValue
    public var other: MergeValue
}

/// A field's value, typed so the interface formats it as the user's settings say.
public enum MergeValue: Sendable, Equatable {
    case text(String)
    case money(Money)
    case day(Day)
    case birthday(Birthday)
    case consent(granted: Bool, on: Day?)
}

/// What merging `other` into `keep` would do, for the dialog before it.
public struct MergePreview: Sendable {
    public var kind: MergeKind
    public var keep: MergeRecord
    public var other: MergeRecord
    public var conflicts: [MergeConflict]
    /// Fields empty in `keep` that `other` fills: taken without asking.
    public var filled: [String]
    /// Table → rows of `other` that would move to `keep` (feedback counted apart from its visit).
    public var moving: [String: Int]
}

extension Store {
    /// What merging customer `other` into `keep` (ids) would move, fill in and ask.
    public func customerMergePreview(keep: Int64, other: Int64) throws -> MergePreview {
        try pool.read { db in try MergePreviews.customers(db, keep: keep, other: other) }
    }

    /// What merging contact person `other` into `keep` (ids) would move, fill in and ask.
    public func contactMergePreview(keep: Int64, other: Int64) throws -> MergePreview {
        try pool.read { db in try MergePreviews.contacts(db, keep: keep, other: other) }
    }

    /// Carries out a previewed merge with the user's choice per conflict (unchosen ones stay
    /// the kept record's). The conflicts are computed again inside the transaction.
    public func merge(_ preview: MergePreview, choices: [String: MergePreference], actor: String, today: Day,
                      settings: Settings) throws -> MergeSummary {
        switch preview.kind {
        case .customer:
            return try mergeCustomers(keep: preview.keep.label, other: preview.other.label, prefer: .keep, choices: choices,
                                      actor: actor, today: today, settings: settings)
        case .contact:
            return try mergeContacts(keep: preview.keep.id, other: preview.other.id, prefer: .keep, choices: choices, actor: actor)
        }
    }
}

enum MergePreviews {
    static func customers(_ db: Database, keep: Int64, other: Int64) throws -> MergePreview {
        guard keep != other else { throw StoreError.invalid(Text.tr("store_error.merge_self_customer")) }
        let (a, b) = try rows(db, "customer", keep, other, what: "customer")
        var conflicts = try MergeFields.conflicts(a, b, CustomerMerge.fields).map { f in
            MergeConflict(field: f, keep: try value(db, f, a), other: try value(db, f, b))
        }
        for table in CustomerMerge.channelTables {
            let mine = try channelRows(db, table, keep), theirs = try channelRows(db, table, other)
            for (channel, row) in theirs.sorted(by: { $0.key < $1.key }) {
                guard let kept = mine[channel], !sameChannelValue(kept, row) else { continue }
                conflicts.append(MergeConflict(field: "\(table).\(channel)", keep: channelValue(kept), other: channelValue(row)))
            }
        }
        var moving: [String: Int] = [:]
        for table in CustomerMerge.movedTables {
            moving[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE customer_id = ?", arguments: [other])
        }
        moving["feedback"] = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM feedback f JOIN interaction i ON i.id = f.interaction_id WHERE i.customer_id = ?
            """, arguments: [other])
        for table in CustomerMerge.channelTables {
            moving[table] = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM \(table) WHERE customer_id = ? AND channel NOT IN (SELECT channel FROM \(table) WHERE customer_id = ?)
                """, arguments: [other, keep])
        }
        return MergePreview(kind: .customer, keep: MergeRecord(id: keep, label: a["number"], name: a["name"]),
                            other: MergeRecord(id: other, label: b["number"], name: b["name"]), conflicts: conflicts,
                            filled: MergeFields.filled(a, b, CustomerMerge.fields), moving: moving.filter { $0.value > 0 })
    }

    static func contacts(_ db: Database, keep: Int64, other: Int64) throws -> MergePreview {
        guard keep != other else { throw StoreError.invalid(Text.tr("store_error.merge_self_contact")) }
        let (a, b) = try rows(db, "contact_person", keep, other, what: "contact person")
        let conflicts = try MergeFields.conflicts(a, b, ContactMerge.fields).map { f in
            MergeConflict(field: f, keep: try value(db, f, a), other: try value(db, f, b))
        }
        let moving = [
            // Visits both attended keep one attendance: only the other's own ones move.
            "interaction_contact": try Int.fetchOne(db, sql: """
                SELECT count(*) FROM interaction_contact WHERE contact_person_id = ?
                  AND interaction_id NOT IN (SELECT interaction_id FROM interaction_contact WHERE contact_person_id = ?)
                """, arguments: [other, keep]) ?? 0,
            "calendar_entry": try Int.fetchOne(db, sql: "SELECT count(*) FROM calendar_entry WHERE contact_person_id = ?",
                                               arguments: [other]) ?? 0,
        ]
        return MergePreview(kind: .contact, keep: try contactRecord(db, a), other: try contactRecord(db, b),
                            conflicts: conflicts, filled: MergeFields.filled(a, b, ContactMerge.fields),
                            moving: moving.filter { $0.value > 0 })
    }

    private static func rows(_ db: Database, _ table: String, _ keep: Int64, _ other: Int64, what: String) throws -> (Row, Row) {
        guard let a = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [keep]),
              let b = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [other]) else {
            throw StoreError.notFound(Text.tr(what == "customer" ? "store_error.customer_gone" : "store_error.contact_gone"))
        }
        return (a, b)
    }

    private static func contactRecord(_ db: Database, _ row: Row) throws -> MergeRecord {
        let number = try String.fetchOne(db, sql: "SELECT number FROM customer WHERE id = ?", arguments: [row["customer_id"]]) ?? "?"
        let first: String = row["first_name"], last: String = row["last_name"]
        return MergeRecord(id: row["id"], label: "\(number)/\(row["id"] as Int64)",
                           name: [first, last].filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// A column's value typed by what it holds; a rep shows as code and name, not as an id.
    private static func value(_ db: Database, _ field: String, _ row: Row) throws -> MergeValue {
        switch field {
        case "potential_cents": return row.money(field).map(MergeValue.money) ?? .text("")
        case "since", "left_on": return row.day(field).map(MergeValue.day) ?? .text(row[field] ?? "")
        case "birthday", "partner_birthday": return row.birthday(field).map(MergeValue.birthday) ?? .text(row[field] ?? "")
        case "rep_id":
            guard let rep = try Row.fetchOne(db, sql: "SELECT code, name FROM rep WHERE id = ?", arguments: [row[field] as Int64?]) else {
                return .text("rep \(row[field] as Int64? ?? 0)")
            }
            let code: String = rep["code"], name: String = rep["name"]
            return .text(name.isEmpty || name == code ? code : "\(code) (\(name))")
        default:
            let v: DatabaseValue = row[field]
            return .text(String.fromDatabaseValue(v) ?? Int64.fromDatabaseValue(v).map(String.init) ?? "")
        }
    }

    private static func channelRows(_ db: Database, _ table: String, _ customer: Int64) throws -> [String: Row] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT * FROM \(table) WHERE customer_id = ?", arguments: [customer])
            .map { ($0["channel"] as String, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The same answer for a channel (who recorded it does not matter).
    private static func sameChannelValue(_ a: Row, _ b: Row) -> Bool {
        a.hasColumn("granted")
            ? (a["granted"] as Bool) == (b["granted"] as Bool) && (a["given_on"] as String?) == (b["given_on"] as String?)
            : (a["cadence"] as String?) == (b["cadence"] as String?)
    }

    private static func channelValue(_ row: Row) -> MergeValue {
        row.hasColumn("granted") ? .consent(granted: row["granted"], on: row.day("given_on")) : .text(row["cadence"] ?? "")
    }
}
