import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Counts the write transactions that reach the file.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var commits = 0
    var count: Int { lock.lock(); defer { lock.unlock() }; return commits }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.lock(); commits += 1; lock.unlock() }
    func databaseDidRollback(_ db: Database) {}
}

/// A visit save is one user action and one write transaction (issue 11).
final class StoreVisitSaveTests: CalendarStoreTestCase {
    private func counted(_ store: Store) -> CommitCounter {
        let counter = CommitCounter()
        store.pool.base.add(transactionObserver: counter, extent: .observerLifetime)
        return counter
    }

    private func countRows(_ store: Store, _ sql: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// K1's planned visit on Mon 14.12.2026, fulfilled by a visit report with a complaint and a follow-up.
    func testAVisitWithEverythingIsOneWriteTransaction() throws {
        let store = try makeCalendarStore()
        let k1 = try id(store, "K1")
        let entryID = try XCTUnwrap(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM calendar_entry WHERE customer_id = ? AND due = '2026-12-14' AND channel = 'visit'",
                               arguments: [k1])
        })
        try store.saveDraft(kind: "visit", subject: "K1-form", payload: "{}")
        let interactionsBefore = try countRows(store, "SELECT count(*) FROM interaction")
        let counter = counted(store)

        var report = VisitReport(customerID: k1, day: today, kind: .visit)
        report.nps = 3
        report.complaint = "Lieferung kam zwei Wochen zu spät"
        report.complaintCategory = .delivery
        report.followUpOn = day("2026-11-30")
        report.nextStep = "Liefertermin bestätigen"
        let saved = try store.saveVisit(report, VisitSaveContext(actor: "tester", today: today, settings: settings,
                                                                 draftSubject: "K1-form", calendarEntryID: entryID))

        XCTAssertEqual(counter.count, 1, "interaction, feedback, complaint, follow-up, audit, draft, entry and signals in one commit")
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM interaction"), interactionsBefore + 1)
        XCTAssertNotNil(saved.feedbackID)
        XCTAssertNotNil(saved.complaintID)
        XCTAssertNotNil(saved.calendarEntryID)
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM draft"), 0, "the draft went with the save")
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM calendar_entry WHERE id = \(entryID) AND status = 'done' AND done_on = '2026-11-23'"), 1)
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM audit WHERE entity = 'calendar_entry' AND entity_id = \(entryID)"), 1)
        // The complaint and the low NPS reach the panel with the same save.
        XCTAssertGreaterThan(try countRows(store, "SELECT count(*) FROM signal WHERE customer_id = \(k1) AND status = 'open'"), 0)
    }

    func testAFailedSaveKeepsTheDraftAndWritesNothing() throws {
        let store = try makeCalendarStore()
        try store.saveDraft(kind: "visit", subject: "lost-form", payload: "{}")
        let interactions = try countRows(store, "SELECT count(*) FROM interaction")
        let audits = try countRows(store, "SELECT count(*) FROM audit")
        let counter = counted(store)
        var report = VisitReport(customerID: 999_999, day: today, kind: .call)
        report.nps = 8
        XCTAssertThrowsError(try store.saveVisit(report, VisitSaveContext(actor: "tester", today: today, settings: settings,
                                                                          draftSubject: "lost-form")))
        XCTAssertEqual(counter.count, 0)
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM draft"), 1, "the draft stays for another try")
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM interaction"), interactions)
        XCTAssertEqual(try countRows(store, "SELECT count(*) FROM audit"), audits)
    }
}
