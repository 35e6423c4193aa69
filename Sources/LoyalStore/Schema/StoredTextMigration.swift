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

extension StoredTextMigration {
    /// Calendar entries a playbook made were kept as "kind: step text" in English; they
    /// become the signal's name and the step's key (a step of the user's own keeps its
    /// words), so each viewer reads them in their language. The UIDs stay as they are.
    static func playbookReasons(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, reason FROM calendar_entry WHERE source = 'triage' AND reason NOT LIKE '["%'
            """)
        let english = Catalogue.entries(.en)
        let update = try db.makeStatement(sql: "UPDATE calendar_entry SET reason = ? WHERE id = ?")
        for row in rows {
            let id: Int64 = row["id"], reason: String = row["reason"]
            guard let colon = reason.range(of: ": ") else { continue }
            let kind = String(reason[..<colon.lowerBound]), text = String(reason[colon.upperBound...])
            guard let playbook = Playbook.find(kind, in: Playbook.defaults) ?? (english["signal.\(kind)"] != nil
                ? Playbook(kind: kind, steps: []) : nil) else { continue }
            let step = playbook.steps.first { english[$0.words] == text }
            let name: StoredText.Arg = english["signal.\(kind)"] != nil ? .word("signal.\(kind)") : .text(kind)
            let words = StoredText("calendar_reason.playbook_step", [name, step.map { .word($0.words) } ?? .text(text)])
            try update.execute(arguments: [words.stored, id])
        }
    }
}
