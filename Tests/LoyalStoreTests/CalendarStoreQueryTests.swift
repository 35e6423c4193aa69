import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The queries behind the agenda, the week and month grids and the export.
final class CalendarStoreQueryTests: CalendarStoreTestCase {
    func line(_ r: CalendarRow) -> String {
        "\(r.entry.due.iso) \(r.customerNumber) \(r.customerClass.rawValue) \(r.repCode ?? "-") \(r.entry.channel.rawValue)"
            + (r.blocked != nil ? " blocked" : "") + (r.entry.status != .open ? " \(r.entry.status.rawValue)" : "")
    }

    /// K7 was called on 10.11. and a visit set for 16.11.: overdue, still open.
    func addOverdueFollowUp(_ store: Store) throws {
        var report = VisitReport(customerID: try id(store, "K7"), day: day("2026-11-10"), kind: .call)
        report.followUpOn = day("2026-11-16")
        report.followUpChannel = .visit
        report.nextStep = "Muster vorbeibringen"
        try store.recordVisit(report, actor: "tester", today: today)
        try store.refreshAll(asOf: today, settings: settings)
    }

    func testCalendarFiltersByRepAndBlockAndPutsOverdueFirst() throws {
        let store = try makeCalendarStore()
        try addOverdueFollowUp(store)
        let to = day("2027-01-10")
        XCTAssertEqual(try store.calendar(from: today, to: to, repCode: "cd", includeBlocked: false, overdueBefore: today).map(line), [
            "2026-11-16 K7 B CD visit", "2026-11-25 K4 C CD phone", "2027-01-04 K3 B CD phone",
        ])
        XCTAssertEqual(try store.calendar(from: today, to: to, repCode: "CD", overdueBefore: today).map(line), [
            "2026-11-16 K7 B CD visit", "2026-11-25 K4 C CD phone", "2026-12-24 K3 B CD email blocked",
            "2027-01-04 K3 B CD phone", "2027-01-04 K7 B CD email blocked",
        ])
        // Without `overdueBefore` only the range; a done entry is in the range, not overdue.
        XCTAssertEqual(try store.calendar(from: today, to: day("2026-11-30"), repCode: "CD").map(line), ["2026-11-25 K4 C CD phone"])
        let followUp = try entryID(store, uid: "followup-")
        try store.calendarAction(.done(entryID: followUp, on: today), actor: "tester", today: today, settings: settings)
        XCTAssertEqual(try store.calendar(from: today, to: day("2026-11-30"), repCode: "CD", overdueBefore: today).map(line),
                       ["2026-11-25 K4 C CD phone"])
        XCTAssertEqual(try store.calendar(from: day("2026-11-16"), to: day("2026-11-16")).map(line), ["2026-11-16 K7 B CD visit done"])
        XCTAssertEqual(try store.calendar(from: today, to: to, repCode: "nobody"), [])
    }

    func testRowsCarryWhatTheViewsShow() throws {
        let store = try makeCalendarStore()
        let k3 = try XCTUnwrap(store.calendar(from: today, to: day("2027-02-22")).first { $0.entry.uid == "c3-plan-phone-20260908-1@loyal" })
        XCTAssertEqual(k3.customerName, "Saison AG")
        XCTAssertEqual(k3.note, "moved from 07.12.2026 (high season 12)")
        XCTAssertNil(k3.blocked)
        XCTAssertEqual(k3.notes, "moved from 07.12.2026 (high season 12)")
        XCTAssertFalse(k3.userMoved)
        let k5 = try XCTUnwrap(store.calendar(from: today, to: day("2027-02-22")).first { $0.customerNumber == "K5" })
        XCTAssertEqual(k5.contactName, "Lena Sprung", "regular contact goes to the primary contact")
        XCTAssertEqual(k5.blocked, "no e-mail consent")
        XCTAssertEqual(k5.note, "", "the block has its own column, not repeated in the note")
        XCTAssertEqual(k5.notes, "blocked: no e-mail consent")
        XCTAssertEqual(k5.repCode, "AB")
    }

    func testWeekHasEachDaysEntriesOpenAndUnblockedFirst() throws {
        let store = try makeCalendarStore()
        XCTAssertEqual(try store.calendarWeek(from: day("2026-11-30"), to: day("2026-12-06"), repCode: "ab").map(line), [
            "2026-12-02 K6 A AB phone", "2026-12-04 K1 A AB phone",
        ])
        // K7 buys for 1.500 €: a blocked call on 25.11. beside K4's.
        try importText(store, .purchases, "customer,date,amount\nK7,2026-11-20,1500\n", name: "more.csv")
        try store.refreshAll(asOf: today, settings: settings)
        let week = { (perDay: Int) in
            try store.calendarWeek(from: self.day("2026-11-23"), to: self.day("2026-11-29"), repCode: "CD", perDay: perDay).map(self.line)
        }
        XCTAssertEqual(try week(200), ["2026-11-25 K4 C CD phone", "2026-11-25 K7 B CD phone blocked"])
        XCTAssertEqual(try week(1), ["2026-11-25 K4 C CD phone"])
        try store.calendarAction(.done(entryID: try entryID(store, uid: "c4-post-purchase-"), on: today), actor: "tester",
                                 today: today, settings: settings)
        XCTAssertEqual(try week(200), ["2026-11-25 K7 B CD phone blocked", "2026-11-25 K4 C CD phone done"])
    }

    func testMonthCountsOpenDoneAndBlockedPerDay() throws {
        let store = try makeCalendarStore()
        let counts = try store.calendarCounts(from: day("2026-11-30"), to: day("2027-02-07"), repCode: "AB")
        XCTAssertEqual(counts[day("2026-12-04")], CalendarDayCount(day: day("2026-12-04"), open: 1, done: 0, blocked: 0))
        // Monday 01.02.2027: K2's blocked call and K6's visit (due Sunday 31.01., so Monday).
        XCTAssertEqual(counts[day("2027-02-01")], CalendarDayCount(day: day("2027-02-01"), open: 1, done: 0, blocked: 1))
        XCTAssertNil(counts[day("2027-01-31")], "not on the Sunday")
        XCTAssertNil(counts[day("2026-12-05")])
        XCTAssertNil(try store.calendarCounts(from: today, to: day("2027-02-22"), repCode: "CD")[day("2026-12-04")])
        try store.calendarAction(.done(entryID: try entryID(store, uid: "c1-plan-phone-20261104-1"), on: today),
                                 actor: "tester", today: today, settings: settings)
        let after = try store.calendarCounts(from: day("2026-11-30"), to: day("2027-02-07"))
        XCTAssertEqual(after[day("2026-12-04")], CalendarDayCount(day: day("2026-12-04"), open: 0, done: 1, blocked: 0))
        let total = after.values.reduce(0) { $0 + $1.open + $1.done + $1.blocked }
        XCTAssertEqual(total, try store.pool.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM calendar_entry WHERE due BETWEEN '2026-11-30' AND '2027-02-07' AND status <> 'skipped'")
        })
    }

    func testExportHasTheOpenEntriesOfTheRangeAndRep() throws {
        let store = try makeCalendarStore()
        let done = try entryID(store, uid: "c4-post-purchase-")
        try store.calendarAction(.done(entryID: done, on: today), actor: "tester", today: today, settings: settings)
        let (entries, names) = try store.calendarForExport(from: today, to: day("2027-02-22"), repCode: "CD")
        XCTAssertFalse(entries.contains { $0.uid == "c4-post-purchase-20261123@loyal" }, "done: not exported")
        // K4's newsletter is a campaign, not the rep's task: it stays out of his calendar (issue 14).
        XCTAssertEqual(Set(entries.map(\.customerID)), Set(try ["K3", "K7"].map { try id(store, $0) }))
        let k3 = try XCTUnwrap(entries.first { $0.uid == "c3-plan-phone-20260908-1@loyal" })
        XCTAssertEqual(k3.due, day("2027-01-04"), "New Year's Day is a holiday")
        let event = ICalendarExport.event(k3, customer: names[k3.customerID])
        XCTAssertEqual(event.summary, "Call Saison AG (K3)")
        XCTAssertEqual(event.description, "Call (every 90 days; last call 08.09.2026)\nmoved from 07.12.2026 (high season 12)")
        let blocked = try XCTUnwrap(entries.first { $0.customerID == (try? id(store, "K7")) && $0.channel == .phone })
        XCTAssertEqual(ICalendarExport.event(blocked, customer: "x").description.components(separatedBy: "\n").last,
                       "blocked: phone consent refused on 22.06.2025", "the block said once")
    }
}
