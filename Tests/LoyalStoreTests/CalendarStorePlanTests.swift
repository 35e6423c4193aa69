import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// What `refreshCalendar` (through `refreshAll`) keeps in `calendar_entry` for the
/// hand-made customers of `CalendarStoreTestCase`.
final class CalendarStorePlanTests: CalendarStoreTestCase {
    func testClassAVisitsEvery90DaysAndCallsEvery30FromTheLastContact() throws {
        let store = try makeCalendarStore()
        XCTAssertEqual(try open(store, "K1"), [
            "2026-12-04 phone: Call (every 30 days; last call 04.11.2026)",
            "2026-12-14 visit: Visit (every 90 days; last visit 15.09.2026)",
            // The planned visit is a contact too: the count starts again from it.
            "2027-01-13 phone: Call (every 30 days; visit planned 14.12.2026)",
            "2027-02-12 phone: Call (every 30 days)",
        ])
        XCTAssertEqual(try rows(store, "K1").map { $0["uid"] as String }, [
            "c1-plan-phone-20261104-1@loyal", "c1-plan-visit-20260915-1@loyal",
            "c1-plan-phone-20261214-1@loyal", "c1-plan-phone-20261214-2@loyal",
        ])
        let first = try XCTUnwrap(rows(store, "K1").first)
        XCTAssertEqual(first["source"] as String, "plan")
        XCTAssertEqual(first["rep_id"] as Int64?, try store.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM rep WHERE code = 'AB'") })
        XCTAssertEqual(try store.pool.read { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'calendar_as_of'") },
                       "2026-11-23")
    }

    func testCallsWithoutPhoneConsentStayInTheCalendarBlockedWithTheReason() throws {
        let store = try makeCalendarStore()
        XCTAssertEqual(try open(store, "K2", channel: .phone),
                       ["2027-02-01 phone: Call (every 90 days; last call 03.11.2026) [blocked: no phone consent]"])
        // Refused is not the same as never asked: the day it was refused is named.
        let refused = try open(store, "K7", channel: .phone)
        XCTAssertEqual(refused.count, 1)
        XCTAssertTrue(refused[0].hasSuffix("[blocked: phone consent refused on 22.06.2025]"), refused[0])
        // With e-mail consent K2's e-mails are not blocked; without, K3's are.
        XCTAssertFalse(try open(store, "K2", channel: .email).isEmpty)
        XCTAssertTrue(try open(store, "K2", channel: .email).allSatisfy { !$0.contains("blocked") })
        XCTAssertTrue(try open(store, "K3", channel: .email).allSatisfy { $0.hasSuffix("[blocked: no e-mail consent]") })
        // A visit needs no consent.
        XCTAssertTrue(try open(store, "K6", channel: .visit).allSatisfy { !$0.contains("blocked") })
    }

    func testHighSeasonMovesTheCallAndSaysFromWhichDay() throws {
        let store = try makeCalendarStore()
        XCTAssertEqual(try open(store, "K3", channel: .phone), [
            "2027-01-04 phone: Call (every 90 days; last call 08.09.2026) {moved from 07.12.2026 (high season 12)}",
        ])
        XCTAssertEqual(try rows(store, "K3", channel: .phone).map { $0["uid"] as String }, ["c3-plan-phone-20260908-1@loyal"])
    }

    func testAPurchaseOf5000EuroOrMoreGetsACallTwoDaysLater() throws {
        let store = try makeCalendarStore()
        XCTAssertEqual(try open(store, "K4", source: "post_purchase"),
                       ["2026-11-25 phone: Call after purchase of 6.000 € on 23.11.2026"])
        XCTAssertEqual(try rows(store, "K4", source: "post_purchase").map { $0["uid"] as String },
                       ["c4-post-purchase-20261123@loyal"])
        // A smaller purchase (1.000 € and more) waits five days.
        try importText(store, .purchases, "customer,date,amount\nK7,2026-11-20,1500\n", name: "more.csv")
        try store.refreshCustomer(try id(store, "K7"), asOf: today, settings: settings)
        XCTAssertEqual(try open(store, "K7", source: "post_purchase"),
                       ["2026-11-25 phone: Call after purchase of 1.500 € on 20.11.2026 [blocked: phone consent refused on 22.06.2025]"])
    }

    /// Born 29.02.1980: in 2027 the birthday is on 28.02.; a card goes out 3 days before.
    func testABirthdayOn29FebruaryIsPlannedOn28FebruaryIn2027() throws {
        settings.calendarHorizonDays = 100  // to 03.03.2027
        let store = try makeCalendarStore()
        XCTAssertEqual(try open(store, "K5", source: "birthday"), ["2027-02-25 letter: Birthday of Lena Sprung (47)"])
        let uid = try XCTUnwrap(rows(store, "K5", source: "birthday").first?["uid"] as String?)
        XCTAssertEqual(uid, "c5-birthday-p1-2027@loyal")
        // The export celebrates on the day itself, every year on the last day of February.
        let (entries, names) = try store.calendarForExport(from: today, to: day("2027-03-03"), repCode: nil)
        let birthday = try XCTUnwrap(entries.first { $0.uid == uid })
        XCTAssertEqual(birthday.occasion, day("2027-02-28"))
        XCTAssertEqual(birthday.birthday?.month, 2)
        XCTAssertEqual(birthday.birthday?.day, 29)
        XCTAssertEqual(names[try id(store, "K5")], "Schaltjahr OHG (K5)")
        let events = ICalendarExport.events(entries, customerNames: names).filter { $0.uid == "c5-birthday-p1@loyal" }
        XCTAssertEqual(events.map(\.start), [day("2027-02-28")])
        XCTAssertEqual(events.first?.recurrenceRule, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1")
        // With the default horizon (to 22.02.2027) the card is not due yet.
        settings.calendarHorizonDays = 91
        try store.refreshCalendar(today: today, settings: settings)
        XCTAssertEqual(try open(store, "K5", source: "birthday"), [])
    }

    func testALostCustomerHasNoPlanEntries() throws {
        let store = try makeCalendarStore()
        let k6 = try id(store, "K6")
        XCTAssertEqual(try open(store, "K6").count, 3)
        try store.triage(.markLost(customerID: k6, on: today, reason: .competitor, note: "went to the competition"),
                         actor: "tester", today: today, settings: settings)
        XCTAssertEqual(try open(store, "K6"), [], "gone with the triage action, not only after the next refresh")
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try open(store, "K6"), [])
        XCTAssertEqual(try store.calendar(from: today, to: today.adding(days: 91), overdueBefore: today)
            .filter { $0.customerNumber == "K6" }.count, 0)
    }

    func testRefreshingAgainKeepsEveryUIDAndRowID() throws {
        let store = try makeCalendarStore()
        let before = try uidsAndIDs(store)
        XCTAssertEqual(before.count, try count(store, "calendar_entry"))
        let again = try store.refreshCalendar(today: today, settings: settings)
        XCTAssertEqual(again.removed, 0)
        XCTAssertEqual(again.customers, 7)
        XCTAssertEqual(again.planned, before.count)
        XCTAssertEqual(again.blocked, try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM calendar_entry WHERE blocked IS NOT NULL") })
        XCTAssertEqual(try uidsAndIDs(store), before)
        try store.refreshAll(asOf: today, settings: settings)
        try store.refreshCustomer(try id(store, "K1"), asOf: today, settings: settings)
        XCTAssertEqual(try uidsAndIDs(store), before, "no duplicates, no new ids")
        // A day later the same plan: the same entries (none is new, none went).
        try store.refreshCalendar(today: today.adding(days: 1), settings: settings)
        XCTAssertEqual(try uidsAndIDs(store).filter { before[$0.key] == nil }.count, 0)
    }

    /// Follow-ups a person dated keep their day; the plan only adds its notes.
    func testDatedFollowUpsKeepTheirDayAndGetOnlyThePlannersNotes() throws {
        let store = try makeCalendarStore()
        var report = VisitReport(customerID: try id(store, "K3"), day: today, kind: .visit)
        report.nextStep = "Angebot nachfassen"
        report.followUpOn = day("2026-12-10")  // in K3's high season
        let saved = try store.recordVisit(report, actor: "tester", today: today)
        var call = VisitReport(customerID: try id(store, "K2"), day: today, kind: .call)
        call.followUpOn = day("2026-12-03")  // K2 gave no phone consent
        try store.recordVisit(call, actor: "tester", today: today)
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try open(store, "K3", source: "follow_up"), [
            "2026-12-10 phone: Angebot nachfassen {high season 12: the plan would move it to 04.01.2027}",
        ])
        XCTAssertEqual(try rows(store, "K3", source: "follow_up").map { $0["id"] as Int64 }, [saved.calendarEntryID])
        XCTAssertEqual(try open(store, "K2", source: "follow_up"),
                       ["2026-12-03 phone: Follow up on the call of 23.11.2026 [blocked: no phone consent]"])
        // A triage entry is noted at once.
        try store.triage(.schedule(customerID: try id(store, "K7"), channel: .phone, due: day("2026-12-01"), reason: "Nachfragen"),
                         actor: "tester", today: today, settings: settings)
        XCTAssertEqual(try open(store, "K7", source: "triage"),
                       ["2026-12-01 phone: Nachfragen [blocked: phone consent refused on 22.06.2025]"])
    }
}
