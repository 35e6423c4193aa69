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

extension StoredTextMigration {
    /// The contact planner's own reasons and notes were kept as English text ("Call (every 30
    /// days; last call 12.08.2026)", "overdue since …", the consent block): they become the
    /// keys the planner writes now (`PlanLegacyText`, read once per row), so each viewer
    /// reads them in their language and the next refresh finds them unchanged. Reasons a
    /// person wrote, and anything not recognised, stay as they are.
    static func planTexts(_ db: Database) throws {
        let reader = PlanLegacyText()
        let sources = [CalendarEntrySource.plan, .birthday, .partnerBirthday, .postPurchase]
            .map { "'\($0.rawValue)'" }.joined(separator: ",")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, source IN (\(sources)), reason, note, blocked FROM calendar_entry
            WHERE (source IN (\(sources)) AND reason NOT LIKE '["%')
               OR (note <> '' AND note NOT LIKE '["%') OR (blocked IS NOT NULL AND blocked NOT LIKE '["%')
            """)
        var updates: [(Int64, String, String, String?)] = []
        while let row = try rows.next() {
            let id: Int64 = row[0], planned: Bool = row[1], reason: String = row[2], note: String = row[3]
            let blocked: String? = row[4]
            let newReason = planned && !reason.hasPrefix("[\"") ? reader.reason(reason)?.stored ?? reason : reason
            let newNote = !note.isEmpty && !note.hasPrefix("[\"") ? reader.note(note)?.stored ?? note : note
            let newBlocked = blocked.map { $0.hasPrefix("[\"") ? $0 : reader.consentBlock($0)?.stored ?? $0 }
            if newReason != reason || newNote != note || newBlocked != blocked {
                updates.append((id, newReason, newNote, newBlocked))
            }
        }
        let update = try db.makeStatement(sql: "UPDATE calendar_entry SET reason = ?, note = ?, blocked = ? WHERE id = ?")
        for (id, reason, note, blocked) in updates {
            try update.execute(arguments: [reason, note, blocked, id])
        }
        let unplanned = try Row.fetchAll(db, sql: "SELECT uid, reason FROM calendar_unplanned WHERE reason NOT LIKE '[\"%'")
        let updateUnplanned = try db.makeStatement(sql: "UPDATE calendar_unplanned SET reason = ? WHERE uid = ?")
        for row in unplanned {
            let uid: String = row[0], reason: String = row[1]
            guard let keyed = reader.reason(reason) else { continue }
            try updateUnplanned.execute(arguments: [keyed.stored, uid])
        }
    }
}
