import GRDB
import LoyalCore

/// Rows of `contact_channel`: every e-mail and phone of a contact person with its kind. The
/// person's own `email` and `phone` fields hold one of them (`ContactChannel.primary`); a
/// value typed into those fields by hand, or stored before channels existed, counts as a
/// work one until a file or card says more.
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

    static func coverKey(_ medium: ContactMedium, _ kind: ContactChannelKind) -> String { medium.rawValue + "." + kind.rawValue }

    static let allKinds = Set(ContactMedium.allCases.flatMap { m in ContactChannelKind.allCases.map { coverKey(m, $0) } })

    /// Stores what a file or card says about a person's e-mails and phones: its channels
    /// replace the stored ones of the kinds it speaks for (`covering`, by its columns), the
    /// other kinds stay, each value once. Where it spoke for a medium, the person's own field
    /// becomes that medium's first (`ContactChannel.primary`). Returns the person so changed;
    /// the caller writes its fields. `isNew`: the person was just inserted and has no rows.
    static func store(_ db: Database, person: ContactPerson, _ channels: [ContactChannel], covering: Set<String>,
                      isNew: Bool) throws -> ContactPerson {
        guard let id = person.id else { return person }
        var kept: [ContactChannel] = []
        if !isNew {
            kept = try of(db, person: id)
            // The person's own address that no row has yet (typed by hand, or from before channels).
            for (medium, own) in [(ContactMedium.email, person.email), (.phone, person.phone)] where !own.isEmpty {
                let c = ContactChannel(medium, .work, own)
                if !kept.contains(where: { $0.key == c.key }) { kept.insert(c, at: 0) }
            }
            kept.removeAll { covering.contains(coverKey($0.medium, $0.kind)) }
            try db.execute(sql: "DELETE FROM contact_channel WHERE contact_person_id = ?", arguments: [id])
        }
        var seen = Set<String>(), all: [ContactChannel] = []
        for c in kept + channels where !c.value.isEmpty && seen.insert(c.key).inserted { all.append(c) }
        try insert(db, person: id, all)
        var changed = person
        if covering.contains(where: { $0.hasPrefix("email.") }) || isNew {
            changed.email = ContactChannel.primary(all, .email)?.value ?? (isNew ? person.email : "")
        }
        if covering.contains(where: { $0.hasPrefix("phone.") }) || isNew {
            changed.phone = ContactChannel.primary(all, .phone)?.value ?? (isNew ? person.phone : "")
        }
        return changed
    }

    /// A person's own e-mail or phone changed by hand: the row that had the old value takes the
    /// new one (or goes, when the field was emptied), so the old address is not kept as a second.
    static func follow(_ db: Database, before: ContactPerson, after: ContactPerson) throws {
        guard let id = after.id else { return }
        for (medium, old, new) in [(ContactMedium.email, before.email, after.email), (.phone, before.phone, after.phone)]
        where old != new && !old.isEmpty {
            if new.isEmpty {
                try db.execute(sql: "DELETE FROM contact_channel WHERE contact_person_id = ? AND medium = ? AND value = ?",
                               arguments: [id, medium.rawValue, old])
            } else {
                try db.execute(sql: "UPDATE contact_channel SET value = ? WHERE contact_person_id = ? AND medium = ? AND value = ?",
                               arguments: [new, id, medium.rawValue, old])
            }
        }
    }
}
