import GRDB
import LoyalCore

/// The further e-mails and phones an earlier vCard import wrote into the notes, as
/// `e-mail (home): …` and `phone (mobile): …` lines, become `contact_channel` rows; the
/// notes keep everything else.
enum ContactChannelMigration {
    static func moveFromNotes(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, notes FROM contact_person WHERE notes LIKE '%e-mail%: %' OR notes LIKE '%phone%: %'
            """)
        for row in rows {
            let id: Int64 = row["id"]
            let split = VCardPerson.split(notes: row["notes"])
            let channels = split.emails.map { ContactChannel(.email, $0.kind, $0.value) }
                + split.phones.map { ContactChannel(.phone, $0.kind, $0.value) }
            guard !channels.isEmpty else { continue }
            try ContactChannelRecords.insert(db, person: id, channels)
            try db.execute(sql: "UPDATE contact_person SET notes = ? WHERE id = ?", arguments: [split.note, id])
        }
    }
}
