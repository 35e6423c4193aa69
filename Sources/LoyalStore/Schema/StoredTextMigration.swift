import GRDB
import LoyalCore

/// Evidence written before it was kept as a catalogue key (plain English, issue 15) becomes
/// a key with its numbers and days as text arguments, so German viewers read German words.
/// Text that matches no catalogue text stays as it was and still shows as written.
enum StoredTextMigration {
    static func run(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, evidence FROM signal WHERE evidence NOT LIKE '[\"%'")
        let update = try db.makeStatement(sql: "UPDATE signal SET evidence = ? WHERE id = ?")
        let reader = LegacyTextReader(section: "evidence")
        for row in rows {
            let id: Int64 = row["id"], text: String = row["evidence"]
            guard let keyed = reader.keyed(text) else { continue }
            try update.execute(arguments: [keyed.stored, id])
        }
    }
}
