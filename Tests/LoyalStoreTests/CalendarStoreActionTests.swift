import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Done, skip and move (`calendarAction`), and a visit recorded with its report:
/// what the store keeps, what the next refresh plans, and the audit trail.
final class CalendarStoreActionTests: CalendarStoreTestCase {
    func testMovedDayIsKeptAcrossRefreshes() throws {
        let store = try makeCalendarStore()
        let visit = try entryID(store, uid: "c1-plan-visit-")
        try store.calendarAction(.move(entryID: visit, to: day("2026-12-16")), actor: "anna", today: today, settings: settings)
        let moved = { try self.rows(store, "K1", channel: .visit) }
        XCTAssertEqual(try moved().map { "\($0["id"] as Int64) \($0["due"] as String) \($0["user_moved"] as Bool)" },
                       ["\(visit) 2026-12-16 true"])
        try store.refreshCalendar(today: today, settings: settings)
        try store.refreshAll(asOf: today, settings: settings)
        try store.refreshCalendar(today: today.adding(days: 1), settings: settings)
        XCTAssertEqual(try moved().map { "\($0["id"] as Int64) \($0["due"] as String) \($0["status"] as String)" },
                       ["\(visit) 2026-12-16 open"])
        XCTAssertEqual(try calendarAudit(store), [
            "anna calendar \(visit): moved Visit (every 90 days; last visit 15.09.2026) from 2026-12-14 to 2026-12-16",
        ])
    }

    func testDoneLogsTheContactAndTheNextSlotCountsFromIt() throws {
        let store = try makeCalendarStore()
        // K3: the call moved out of high season to 01.01.2027, done today instead.
        let call = try entryID(store, uid: "c3-plan-phone-")
        let interaction = try store.calendarAction(.done(entryID: call, on: today), actor: "anna", today: today, settings: settings)
        XCTAssertNotNil(interaction)
        XCTAssertEqual(try interactions(store, "K3").last, "2026-11-23 call: Call (every 90 days; last call 08.09.2026)")
        XCTAssertEqual(try rows(store, "K3", channel: .phone).map { "\($0["uid"] as String) \($0["status"] as String) \(($0["done_on"] as String?) ?? "-")" }, [
            "c3-plan-phone-20260908-1@loyal done 2026-11-23",
            // 23.11. + 90 = Sunday 21.02.2027: calls are for working days, so Monday.
            "c3-plan-phone-20261123-1@loyal open -",
        ])
        XCTAssertEqual(try open(store, "K3", channel: .phone), ["2027-02-22 phone: Call (every 90 days; last call 23.11.2026)"])
        // Done once is done: a second time is refused.
        XCTAssertThrowsError(try store.calendarAction(.done(entryID: call, on: today), actor: "anna", today: today, settings: settings))
        XCTAssertEqual(try interactions(store, "K3").count, 2)
    }

    /// K1's call done early: the next calls were counted from the planned visit
    /// already, so they stay (same rows); nothing is suggested twice.
    func testDoneDoesNotSuggestTheContactAgain() throws {
        let store = try makeCalendarStore()
        let before = try uidsAndIDs(store)
        let call = try entryID(store, uid: "c1-plan-phone-20261104-1")
        try store.calendarAction(.done(entryID: call, on: day("2026-11-20")), actor: "anna", today: today, settings: settings)
        XCTAssertEqual(try open(store, "K1"), [
            "2026-12-14 visit: Visit (every 90 days; last visit 15.09.2026)",
            "2027-01-13 phone: Call (every 30 days; visit planned 14.12.2026)",
            "2027-02-12 phone: Call (every 30 days)",
        ])
        XCTAssertEqual(try uidsAndIDs(store), before, "the done row stays, no other row is new")
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try open(store, "K1", channel: .phone).count, 2)
        XCTAssertEqual(try rows(store, "K1", channel: .phone).first?["status"] as String?, "done")
    }

    func testSkipKeepsTheReasonAndRefreshesLeaveItSkipped() throws {
        let store = try makeCalendarStore()
        let call = try entryID(store, uid: "c2-plan-phone-")
        try store.calendarAction(.skip(entryID: call, reason: "Inhaber in Elternzeit"), actor: "anna", today: today, settings: settings)
        try store.refreshAll(asOf: today, settings: settings)
        let row = try XCTUnwrap(rows(store, "K2", channel: .phone).first)
        XCTAssertEqual(row["id"] as Int64, call)
        XCTAssertEqual(row["status"] as String, "skipped")
        XCTAssertEqual(row["status_reason"] as String, "Inhaber in Elternzeit")
        XCTAssertEqual(try open(store, "K2", channel: .phone), [], "a skipped slot is not planned again")
        XCTAssertEqual(try interactions(store, "K2").count, 1, "skipping logs no contact")
        XCTAssertEqual(try calendarAudit(store), [
            "anna calendar \(call): skipped: Call (every 90 days; last call 03.11.2026) (Inhaber in Elternzeit)",
        ])
    }

    func testARecordedVisitSatisfiesThePlannedVisit() throws {
        let store = try makeCalendarStore()
        let k1 = try id(store, "K1")
        try store.recordVisit(VisitReport(customerID: k1, day: day("2026-11-19"), kind: .visit), actor: "anna", today: today)
        try store.refreshCustomer(k1, asOf: today, settings: settings)
        XCTAssertEqual(try rows(store, "K1", channel: .visit).map { "\($0["uid"] as String) \($0["due"] as String)" },
                       ["c1-plan-visit-20261119-1@loyal 2027-02-17"], "the visit of 14.12. is gone, the next is 90 days on")
        XCTAssertEqual(try open(store, "K1", channel: .visit), ["2027-02-17 visit: Visit (every 90 days; last visit 19.11.2026)"])
    }

    /// A person moved the visit; a visit made early still satisfies it.
    func testARecordedVisitAlsoSatisfiesAMovedVisit() throws {
        let store = try makeCalendarStore()
        let k1 = try id(store, "K1")
        try store.calendarAction(.move(entryID: try entryID(store, uid: "c1-plan-visit-"), to: day("2026-12-16")),
                                 actor: "anna", today: today, settings: settings)
        try store.recordVisit(VisitReport(customerID: k1, day: day("2026-11-19"), kind: .visit), actor: "anna", today: today)
        try store.refreshCustomer(k1, asOf: today, settings: settings)
        XCTAssertEqual(try open(store, "K1", channel: .visit), ["2027-02-17 visit: Visit (every 90 days; last visit 19.11.2026)"])
    }

    /// The visit form's way: the visit is recorded with its report, then the entry marked done.
    func testDoneRecordedMarksTheEntryWithoutASecondInteraction() throws {
        let store = try makeCalendarStore()
        let k1 = try id(store, "K1")
        let visit = try entryID(store, uid: "c1-plan-visit-")
        try store.recordVisit(VisitReport(customerID: k1, day: day("2026-11-20"), kind: .visit), actor: "anna", today: today)
        try store.calendarAction(.doneRecorded(entryID: visit, on: day("2026-11-20")), actor: "anna", today: today,
                                 settings: settings)
        XCTAssertEqual(try interactions(store, "K1").count, 3)
        XCTAssertEqual(try rows(store, "K1", channel: .visit).map {
            "\($0["id"] as Int64) \($0["status"] as String) \($0["due"] as String) \(($0["done_on"] as String?) ?? "-")"
        }, ["\(visit) done 2026-12-14 2026-11-20", "\(try entryID(store, uid: "c1-plan-visit-20261120-1")) open 2027-02-18 -"])
        XCTAssertEqual(try calendarAudit(store), [
            "anna calendar \(visit): done with feedback: Visit (every 90 days; last visit 15.09.2026)",
        ])
    }

    func testEveryActionLeavesAnAuditRow() throws {
        let store = try makeCalendarStore()
        let a = try entryID(store, uid: "c1-plan-phone-20261104-1"), b = try entryID(store, uid: "c4-post-purchase-")
        let c = try entryID(store, uid: "c6-plan-phone-20261102-1"), d = try entryID(store, uid: "c1-plan-visit-")
        try store.calendarAction(.done(entryID: a, on: today), actor: "anna", today: today, settings: settings)
        try store.calendarAction(.skip(entryID: b, reason: "schon telefoniert"), actor: "ben", today: today, settings: settings)
        try store.calendarAction(.move(entryID: c, to: day("2026-12-03")), actor: "anna", today: today, settings: settings)
        try store.calendarAction(.doneRecorded(entryID: d, on: today), actor: "ben", today: today, settings: settings)
        XCTAssertEqual(try calendarAudit(store), [
            "anna calendar \(a): done: Call (every 30 days; last call 04.11.2026)",
            "ben calendar \(b): skipped: Call after purchase of 6.000 € on 23.11.2026 (schon telefoniert)",
            "anna calendar \(c): moved Call (every 30 days; last visit 02.11.2026) from 2026-12-02 to 2026-12-03",
            "ben calendar \(d): done with feedback: Visit (every 90 days; last visit 15.09.2026)",
        ])
        XCTAssertThrowsError(try store.calendarAction(.skip(entryID: 999_999, reason: "x"), actor: "anna", today: today,
                                                      settings: settings))
    }
}
