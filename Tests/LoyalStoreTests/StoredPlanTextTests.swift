import GRDB
import LoyalCore
@testable import LoyalStore
import XCTest

/// The contact planner's reasons and notes are kept as catalogue keys (issue 15): rows stored
/// as English text before are migrated (v1-stored-text-plan) and read as before in English,
/// in German under German; a refresh of an unchanged plan writes nothing.
final class StoredPlanTextTests: StoreTestCase {
    override func tearDown() {
        Text.use(LanguageChoice(.en, explicit: false))
        super.tearDown()
    }

    static let oldRows: [(source: String, reason: String, note: String, blocked: String?)] = [
        ("plan", "Call (every 90 days; last call 01.09.2026)", "overdue since 02.11.2026", "no phone consent"),
        ("plan", "Visit (every 30 days)", "moved from 20.11.2026 (high season 11-12); busy Mo 8-10", nil),
        ("birthday", "Birthday of Anna Schmidt (54)", "busy Sa ganztags, but a birthday cannot move", nil),
        ("post_purchase", "Call after purchase of 1.200 € on 16.11.2026 (and 1 more)", "", "phone consent refused on 03.04.2025"),
        ("partner_birthday", "Birthday of Bernd Meier, partner of Anna Schmidt", "moved from 21.11.2026 (not a working day)", nil),
        ("manual", "Jahresgespräch", "high season 12: the plan would move it to 04.01.2027", nil),
    ]

    private func rows(_ store: Store) throws -> [String] {
        try store.calendar(from: today, to: today.adding(days: 30)).sorted { $0.entry.uid < $1.entry.uid }
            .map { "\($0.entry.reason) | \($0.notes)" }
    }

    func testOldEnglishPlannerTextsAreMigratedToKeysAndReadAsBefore() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-stored-text-plan'")
            try db.execute(sql: "DELETE FROM calendar_entry")
            for (i, row) in Self.oldRows.enumerated() {
                try db.execute(sql: """
                    INSERT INTO calendar_entry (uid, customer_id, due, channel, reason, source, status, note, blocked)
                    VALUES (?, (SELECT id FROM customer), ?, 'phone', ?, ?, 'open', ?, ?)
                    """, arguments: ["old-\(i)@loyal", today.adding(days: i).iso, row.reason, row.source, row.note, row.blocked])
            }
            try db.execute(sql: """
                INSERT INTO calendar_unplanned (uid, customer_id, due, channel, reason, source, stake)
                VALUES ('unplanned@loyal', (SELECT id FROM customer), ?, 'visit', 'Visit (every 30 days; no visit yet)', 'plan', 5)
                """, arguments: [today.iso])
        }
        try queue.close()

        let again = try makeStore()
        let raw = try again.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT reason, note, blocked FROM calendar_entry ORDER BY uid")
                .map { [$0[0] as String, $0[1] as String, ($0[2] as String?) ?? ""] }
        }
        XCTAssertEqual(raw[0], [#"["calendar_reason.every_since","w:plan_action.phone","i:90",["plan_since.last_phone","d:2026-09-01"]]"#,
                                #"["calendar_note.overdue_since","d:2026-11-02"]"#, #"["calendar_note.no_consent_phone"]"#])
        XCTAssertEqual(raw[3][2], #"["calendar_note.consent_refused_phone","d:2025-04-03"]"#)
        XCTAssertEqual(raw[5][0], "Jahresgespräch", "a person's own reason stays as written")
        for (i, row) in raw.enumerated() where i < 5 {
            XCTAssertTrue(row[0].hasPrefix("[\""), "reason \(i) is a key: \(row[0])")
        }
        XCTAssertTrue(raw.allSatisfy { $0[1].isEmpty || $0[1].hasPrefix("[\"") }, "\(raw)")

        // In English every row reads as it did before.
        let english = Self.oldRows.map { row in
            "\(row.reason) | " + [row.blocked.map { "blocked: \($0)" }, row.note.isEmpty ? nil : row.note]
                .compactMap { $0 }.joined(separator: "; ")
        }
        XCTAssertEqual(try rows(again), english)
        XCTAssertEqual(try again.unplanned().map(\.reason), ["Visit (every 30 days; no visit yet)"])
        Text.use(.de)
        XCTAssertEqual(try rows(again), [
            "Anruf (alle 90 Tage; letzter Anruf 01.09.2026) | gesperrt: keine Einwilligung für Anrufe; überfällig seit 02.11.2026",
            "Besuch (alle 30 Tage) | verschoben vom 20.11.2026 (Hochsaison 11-12); nicht erreichbar Mo 8-10",
            "Geburtstag von Anna Schmidt (54) | nicht erreichbar Sa ganztags, aber ein Geburtstag lässt sich nicht verschieben",
            "Anruf nach Kauf über 1.200 € am 16.11.2026 (und 1 weitere) | gesperrt: Einwilligung für Anrufe am 03.04.2025 verweigert",
            "Geburtstag von Bernd Meier, Partner von Anna Schmidt | verschoben vom 21.11.2026 (kein Arbeitstag)",
            "Jahresgespräch | Hochsaison 12: der Plan würde ihn auf 04.01.2027 verschieben",
        ])
        XCTAssertEqual(try again.unplanned().map(\.reason), ["Besuch (alle 30 Tage; noch kein Besuch)"])
    }

    /// What the planner stores now reads in German, and a second refresh of the same plan
    /// finds every row as it would write it (the stored form is the same each time).
    func testAPlannedCalendarReadsInGermanAndAnUnchangedPlanIsNotRewritten() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\nK2,Beta\n")
        try store.refreshCalendar(today: today, settings: Settings())
        let stored = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT reason || '|' || note || '|' || ifnull(blocked, '') FROM calendar_entry ORDER BY uid")
        }
        XCTAssertFalse(stored.isEmpty)
        XCTAssertTrue(stored.allSatisfy { $0.hasPrefix("[\"calendar_reason.") }, "\(stored)")
        // A second refresh writes no calendar row: count the rows an UPDATE would touch.
        try store.pool.write { db in
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS touched (n INTEGER)")
            try db.execute(sql: "INSERT INTO touched VALUES (0)")
            try db.execute(sql: """
                CREATE TEMP TRIGGER count_updates AFTER UPDATE ON calendar_entry
                BEGIN UPDATE touched SET n = n + 1; END
                """)
        }
        try store.refreshCalendar(today: today, settings: Settings())
        let touched = try store.pool.write { db in try Int.fetchOne(db, sql: "SELECT n FROM touched") ?? -1 }
        XCTAssertEqual(touched, 0, "an unchanged plan is not written again")
        Text.use(.de)
        let german = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT reason FROM calendar_entry") }
            .map { StoredText.render(stored: $0) }
        XCTAssertFalse(german.isEmpty)
        XCTAssertTrue(german.allSatisfy { $0.contains("(alle ") }, "\(german)")
    }
}
