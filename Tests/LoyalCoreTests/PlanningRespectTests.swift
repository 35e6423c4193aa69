import XCTest
@testable import LoyalCore

/// Consent and quiet times: entries are blocked with the reason, or moved.
final class PlanningRespectTests: XCTestCase {
    /// A consumer by default: only consumers need express consent for calls.
    func b(_ consents: [Consent], kind: CustomerKind = .consumer, b2bCalls: B2BCallConsent = .presumed) -> [PlannedEntry] {
        var rules = emptyRules()
        rules.cadence[.b] = [.phone: 90, .email: 60]
        rules.b2bCalls = b2bCalls
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, consents: consents,
                                      lastContact: [.phone: d("2026-09-01"), .email: d("2026-10-01")], kind: kind)
        return plan(facts, rules, from: "2026-11-16", to: "2026-12-31")
    }

    func testNoConsentBlocksTheEntryButKeepsIt() {
        let entries = b([])
        XCTAssertEqual(entries.map(\.line), ["2026-11-30 email E-mail (every 60 days; last e-mail 01.10.2026)",
                                             "2026-11-30 phone Call (every 90 days; last call 01.09.2026)"])
        XCTAssertEqual(entries.map(\.blocked), ["no e-mail consent", "no phone consent"])
        XCTAssertEqual(entries[1].note(), "blocked: no phone consent")
        XCTAssertEqual(entries[1].calendarEntry().statusReason, "blocked: no phone consent")
        XCTAssertEqual(entries[1].calendarEntry().status, .open)
    }

    func testBusinessCustomersMayBeCalledOnPresumedConsentButNotMailed() {
        // UWG § 7 (2) Nr. 1: a business may be called without express consent; e-mail still needs it.
        let entries = b([], kind: .business)
        XCTAssertEqual(entries.map(\.channel), [.email, .phone])
        XCTAssertEqual(entries.map(\.blocked), ["no e-mail consent", nil])
        // A refusal blocks a business too.
        XCTAssertEqual(b([consent(.phone, false, on: "2025-04-03")], kind: .business).map(\.blocked),
                       ["no e-mail consent", "phone consent refused on 03.04.2025"])
        // `[consent] b2b_calls = "express"`: businesses need express consent like consumers.
        XCTAssertEqual(b([], kind: .business, b2bCalls: .express).map(\.blocked), ["no e-mail consent", "no phone consent"])
    }

    func testRefusedConsentNamesTheDay() {
        let entries = b([consent(.phone, false, on: "2025-04-03"), consent(.email)])
        XCTAssertEqual(entries.map(\.blocked), [nil, "phone consent refused on 03.04.2025"])
    }

    func testTheLatestConsentRecordCounts() {
        let granted = b([consent(.phone, false, on: "2025-04-03"), consent(.phone, true, on: "2026-02-01"),
                         consent(.email, true, on: "2024-01-01"), consent(.email, false, on: "2026-06-30")])
        XCTAssertEqual(granted.map(\.blocked), ["e-mail consent refused on 30.06.2026", nil])
    }

    func testVisitsAndLettersNeedNoConsent() {
        var rules = emptyRules()
        rules.cadence[.a] = [.visit: 30, .letter: 30]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a,
                                      lastContact: [.visit: d("2026-11-01"), .letter: d("2026-11-01")])
        let entries = plan(facts, rules, from: "2026-11-16", to: "2026-12-01")
        XCTAssertEqual(entries.count, 2)
        XCTAssertTrue(entries.allSatisfy { $0.blocked == nil })
    }

    /// High season November to February (across the new year): a call due 09.11.2026
    /// has its next free day on 01.03.2027, 112 days later.
    func testHighSeasonAcrossNewYearMovesTheCallOrFlagsItBeyondTheLimit() {
        var rules = emptyRules()
        rules.cadence[.a] = [.phone: 30]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      highSeason: HighSeason(parsing: "11-02")!, lastContact: [.phone: d("2026-10-10")])
        rules.maxMoveDays = 120
        let moved = plan(facts, rules, from: "2026-11-01", to: "2027-04-30")
        XCTAssertEqual(moved.map(\.line), ["2027-03-01 phone Call (every 30 days; last call 10.10.2026)",
                                           "2027-03-31 phone Call (every 30 days)",
                                           "2027-04-30 phone Call (every 30 days)"])
        XCTAssertEqual(moved[0].moved, PlannedEntry.Move(from: d("2026-11-09"),
                                                             because: StoredText("calendar_note.high_season", [.text("11-02")])))
        XCTAssertEqual(moved[0].note(), "moved from 09.11.2026 (high season 11-02)")
        XCTAssertNil(moved[1].moved)

        rules.maxMoveDays = 62
        let stuck = plan(facts, rules, from: "2026-11-01", to: "2026-11-30")
        XCTAssertEqual(stuck.map(\.line), ["2026-11-09 phone Call (every 30 days; last call 10.10.2026)"])
        XCTAssertNil(stuck[0].moved)
        XCTAssertEqual(stuck[0].conflict, "high season 11-02: no free day within 62 days")
    }

    /// July is high season and weekends are busy: 01.08.2026 is a Saturday, so the
    /// call due 10.07. lands on Monday 03.08.
    func testAMovedCallAlsoSkipsDaysBusyAllDay() {
        var rules = emptyRules()
        rules.cadence[.a] = [.phone: 30]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      highSeason: HighSeason(parsing: "7")!, busyHours: BusyHours(parsing: "Sa, So ganztags")!,
                                      lastContact: [.phone: d("2026-06-10")])
        let entries = plan(facts, rules, from: "2026-07-01", to: "2026-08-31")
        XCTAssertEqual(entries.map(\.due), [d("2026-08-03")])
        XCTAssertEqual(entries[0].moved?.from, d("2026-07-10"))
    }

    /// No high season, no busy hours: still no call or visit on a weekend. Last call
    /// and e-mail Thu 22.10.2026, + 30 days = Sat 21.11.2026; Anna turns 56 on Sun 20.12.2026.
    func testCallsAndVisitsMoveOffTheWeekendForEveryCustomerButBirthdaysDoNot() {
        var rules = emptyRules()
        rules.cadence[.a] = [.phone: 30, .email: 30]
        rules.birthdays[.a] = BirthdayRule(channels: [.phone], leadDays: 0)
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      contacts: [person(5, "Anna", "Schmidt", birthday: "1970-12-20", primary: true)],
                                      lastContact: [.phone: d("2026-10-22"), .email: d("2026-10-22")])
        let entries = plan(facts, rules, from: "2026-11-16", to: "2026-12-31")
        XCTAssertEqual(entries.map(\.line), [
            // An e-mail waits in the inbox: it keeps its Saturday.
            "2026-11-21 email E-mail (every 30 days; last e-mail 22.10.2026)",
            // The call due Saturday 21.11. is on Monday 23.11., and the next counts from there.
            "2026-11-23 phone Call (every 30 days; last call 22.10.2026)",
            // A birthday call is on the birthday, Sunday or not.
            "2026-12-20 phone Birthday of Anna Schmidt (56)",
            "2026-12-21 email E-mail (every 30 days)",
            "2026-12-23 phone Call (every 30 days)",
        ])
        // Silently: no note, no conflict, and the slot keeps its UID.
        XCTAssertTrue(entries.allSatisfy { $0.moved == nil && $0.conflict == nil && $0.note() == "" })
        XCTAssertEqual(entries[1].uid, "c1-plan-phone-20261022-1@loyal")
        XCTAssertEqual(entries[2].occasion, d("2026-12-20"))
    }

    func testEmailsAndNewslettersIgnoreQuietTimes() {
        var rules = emptyRules()
        rules.cadence[.b] = [.email: 30]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, consents: allConsents,
                                      highSeason: HighSeason(parsing: "11-12")!, lastContact: [.email: d("2026-10-20")])
        let entries = plan(facts, rules, from: "2026-11-16", to: "2026-11-30")
        XCTAssertEqual(entries.map(\.due), [d("2026-11-19")])
        XCTAssertNil(entries[0].moved)
    }

    /// Busy Monday to Friday 11–14: the day is fine, the hours are not.
    func testBusyHoursKeepTheDayButMoveATimedCallPastThem() {
        let busy = BusyHours(parsing: "Mo–Fr 11–14 Uhr")!
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, consents: allConsents, busyHours: busy, given: [
            GivenEntry(key: "feedback-3", source: .followUp, due: d("2026-11-17"), time: TimeOfDay(hour: 12),
                       channel: .phone, reason: "Call about the offer"),
            GivenEntry(key: "feedback-4", source: .followUp, due: d("2026-11-18"), channel: .phone, reason: "Call back"),
        ])
        let entries = plan(facts, emptyRules(), from: "2026-11-16", to: "2026-11-30")
        XCTAssertEqual(entries.map(\.due), [d("2026-11-17"), d("2026-11-18")])
        XCTAssertEqual(entries[0].time, TimeOfDay(hour: 14))
        XCTAssertEqual(entries[0].note(), "moved from 12:00 (busy Mo–Fr 11–14 Uhr)")
        XCTAssertNil(entries[1].moved)
        XCTAssertEqual(entries[1].hint, "busy Mo–Fr 11–14 Uhr")
        XCTAssertEqual(entries.map(\.uid), ["c1-follow-up-feedback-3@loyal", "c1-follow-up-feedback-4@loyal"])
    }

    func testGivenFollowUpsPassTheSameRulesAndCountAsContacts() {
        var rules = emptyRules()
        rules.cadence[.b] = [.phone: 90]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, highSeason: HighSeason(parsing: "12")!,
                                      lastContact: [.phone: d("2026-09-01")], given: [
                                          GivenEntry(key: "signal-9", source: .triage, due: d("2026-12-01"), channel: .phone,
                                                     reason: "Ask about the complaint"),
                                          GivenEntry(key: "feedback-2", source: .followUp, due: d("2026-11-20"), channel: .visit,
                                                     reason: "Bring the samples", contactPersonID: 8),
                                      ], kind: .consumer)
        let entries = plan(facts, rules, from: "2026-11-16", to: "2027-02-28")
        XCTAssertEqual(entries.map(\.line), [
            "2026-11-20 visit Bring the samples",
            "2027-01-01 phone Ask about the complaint",
            // Counted from the visit on 20.11. (+ 90 days), not from the last call.
            "2027-02-18 phone Call (every 90 days; visit planned 20.11.2026)",
        ])
        XCTAssertEqual(entries[1].blocked, "no phone consent")
        XCTAssertEqual(entries[1].note(), "blocked: no phone consent; moved from 01.12.2026 (high season 12)")
        XCTAssertEqual(entries.map(\.source), [.followUp, .triage, .plan])
        XCTAssertEqual(entries[0].contactPersonID, 8)
    }
}
