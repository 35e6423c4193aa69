import GRDB
import LoyalCore
@testable import LoyalStore
import XCTest

/// Calendar entries a playbook made are kept as catalogue keys (issue 15): read in the
/// viewer's language in the calendar and the .ics export, with UIDs that do not change with
/// the language; entries kept as English before are migrated.
final class StoredCalendarTextTests: StoreTestCase {
    override func tearDown() {
        Text.use(LanguageChoice(.en, explicit: false))
        super.tearDown()
    }

    private func reasons(_ store: Store) throws -> [String] {
        try store.calendar(from: today, to: today.adding(days: 30)).map(\.entry.reason).sorted()
    }

    func testOldEnglishPlaybookEntriesAreMigratedAndReadInGerman() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-stored-text-calendar'")
            for (i, reason) in ["cancellation: Call at once: understand the reason, involve management",
                                "revenue_drop: our own words for the step", "Jahresgespräch"].enumerated() {
                try db.execute(sql: """
                    INSERT INTO calendar_entry (uid, customer_id, due, channel, reason, source, status)
                    VALUES (?, (SELECT id FROM customer), ?, 'phone', ?, 'triage', 'open')
                    """, arguments: ["old-\(i)@loyal", today.adding(days: i).iso, reason])
            }
        }
        try queue.close()

        let again = try makeStore()
        let raw = try again.pool.read { db in try String.fetchAll(db, sql: "SELECT reason FROM calendar_entry ORDER BY uid") }
        XCTAssertEqual(raw, [#"["calendar_reason.playbook_step","w:signal.cancellation","w:playbook_step.cancellation_1"]"#,
                             #"["calendar_reason.playbook_step","w:signal.revenue_drop","t:our own words for the step"]"#,
                             "Jahresgespräch"])
        XCTAssertEqual(try reasons(again), ["Jahresgespräch",
                                            "cancellation announced: Call at once: understand the reason, involve management",
                                            "revenue drop: our own words for the step"])
        Text.use(.de)
        XCTAssertEqual(try reasons(again), ["Jahresgespräch",
                                            "Kündigung angekündigt: Sofort anrufen: den Grund verstehen, die Geschäftsleitung einbinden",
                                            "Umsatzrückgang: our own words for the step"])
    }

    func testAPlaybookAppliedIsReadInEachViewersLanguageAndItsUIDStays() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,consent_phone,consent_date\nK1,Alpha,ja,2024-01-10\n")
        let id = try XCTUnwrap(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer") })
        Text.use(.de)  // applied by a German user …
        _ = try store.triage(.applyPlaybook(customerID: id, kind: "overdue"), actor: "t", today: today, settings: Settings())
        Text.use(.en)  // … read by an English one
        let english = try store.calendarForExport(from: today, to: today.adding(days: 30), repCode: nil).entries
        XCTAssertEqual(english.map(\.reason), ["order overdue: Ask whether the next order is planned; offer help with stock"])
        let summary = ICalendarExport.event(english[0], customer: "Alpha (K1)")
        Text.use(.de)
        let german = try store.calendarForExport(from: today, to: today.adding(days: 30), repCode: nil).entries
        XCTAssertEqual(german.map(\.reason), ["Bestellung überfällig: Fragen, ob die nächste Bestellung geplant ist; Hilfe beim Lager anbieten"])
        let germanEvent = ICalendarExport.event(german[0], customer: "Alpha (K1)")
        XCTAssertEqual(germanEvent.uid, summary.uid, "the .ics UID does not change with the language")
        XCTAssertTrue(summary.description.contains("order overdue: Ask whether"), summary.description)
        XCTAssertTrue(germanEvent.description.contains("Bestellung überfällig: Fragen, ob"), germanEvent.description)
    }

    func testTheAuditLineOfACalendarActionIsReadInEachViewersLanguage() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,consent_phone,consent_date\nK1,Alpha,ja,2024-01-10\n")
        let id = try XCTUnwrap(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer") })
        _ = try store.triage(.applyPlaybook(customerID: id, kind: "overdue"), actor: "t", today: today, settings: Settings())
        let entry = try XCTUnwrap(try store.calendar(from: today, to: today.adding(days: 30)).first?.entry.id)
        Text.use(.de)
        _ = try store.calendarAction(.move(entryID: entry, to: today.adding(days: 3)), actor: "t", today: today, settings: Settings())
        func line() throws -> String? {
            try store.auditPage(AuditFilter()).first { $0.entity == "calendar_entry" }?.detail
        }
        XCTAssertEqual(try line(), "verschoben: Bestellung überfällig: Fragen, ob die nächste Bestellung geplant ist; "
                       + "Hilfe beim Lager anbieten von 2026-11-24 auf 2026-11-26")
        Text.use(.en)
        XCTAssertEqual(try line(), "moved order overdue: Ask whether the next order is planned; offer help with stock "
                       + "from 2026-11-24 to 2026-11-26")
    }
}
