import GRDB
import LoyalCore

/// Rows of `contact_channel`: a contact person's further e-mails and phones, each with its
/// kind (the person's own `email` and `phone` hold the first one).
enum ContactChannelRecords {
    static func of(_ db: Database, person id: Int64) throws -> [ContactChannel] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT medium, kind, value FROM contact_channel WHERE contact_person_id = ? ORDER BY id"),
                         arguments: [id]).compactMap(channel)
    }

    static func channel(_ row: Row) -> ContactChannel? {
        guard let medium = ContactMedium(rawValue: row["medium"]), let kind = ContactChannelKind(rawValue: row["kind"]) else {
            return nil
        }
        return ContactChannel(medium, kind, row["value"])
    }

    static func insert(_ db: Database, person id: Int64, _ channels: [ContactChannel]) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO contact_channel (contact_person_id, medium, kind, value) VALUES (?, ?, ?, ?)")
        for c in channels { try statement.execute(arguments: [id, c.medium.rawValue, c.kind.rawValue, c.value]) }
    }

    /// What a file says about a person's channels replaces what is stored, for the kinds it
    /// speaks for (`covering`, by its columns); the other kinds stay. A value the person
    /// already has (in its own field or another kind) is not stored twice.
    /// `stored: false` for a person just inserted, who has none yet.
    static func replace(_ db: Database, person: ContactPerson, _ channels: [ContactChannel],
                        covering: Set<String>, stored: Bool = true) throws {
        guard let id = person.id else { return }
        var kept: [ContactChannel] = []
        if stored {
            for c in try of(db, person: id) where !covering.contains(coverKey(c.medium, c.kind)) { kept.append(c) }
            try db.execute(sql: "DELETE FROM contact_channel WHERE contact_person_id = ?", arguments: [id])
        }
        var seen = Set([key(.email, person.email), key(.phone, person.phone)])
        var all: [ContactChannel] = []
        for c in kept + channels where !c.value.isEmpty && seen.insert(key(c.medium, c.value)).inserted { all.append(c) }
        try insert(db, person: id, all)
    }

    static func coverKey(_ medium: ContactMedium, _ kind: ContactChannelKind) -> String { medium.rawValue + "." + kind.rawValue }

    private static func key(_ medium: ContactMedium, _ value: String) -> String {
        medium == .email ? "e" + value.lowercased() : "p" + (DuplicateKeys.phone(value) ?? value)
    }
}
