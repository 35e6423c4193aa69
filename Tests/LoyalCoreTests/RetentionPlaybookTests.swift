import XCTest
@testable import LoyalCore

/// Playbook steps → planned calendar entries, applied on Tuesday 15.09.2026.
final class RetentionPlaybookTests: XCTestCase {
    private let playbook = Playbook(kind: "revenue_drop", steps: [
        PlaybookStep(.call, after: 2, "Ask how business is going"),
        PlaybookStep(.email, after: 4, "Send the new catalogue"),
        PlaybookStep(.visit, after: 14, "Go through the assortment"),
        PlaybookStep(.letter, after: 5, "Confirm the conditions"),
    ])

    func testDueDaysChannelsAndReasons() {
        let planned = playbook.apply(today: R.asOf)
        XCTAssertEqual(planned.map(\.due), [R.day("2026-09-17"),    // Thursday
                                            R.day("2026-09-21"),    // Saturday 19.09. → Monday
                                            R.day("2026-09-29"),    // Tuesday
                                            R.day("2026-09-21")])   // Sunday 20.09. → Monday
        XCTAssertEqual(planned.map(\.channel), [.phone, .email, .visit, .letter])
        XCTAssertEqual(planned[0].reason, "revenue drop: Ask how business is going")
        XCTAssertEqual(planned.map(\.step), [1, 2, 3, 4])
        XCTAssertEqual(planned[3].appliedOn, R.asOf)
    }

    func testWeekendsCanBeKept() {
        XCTAssertEqual(playbook.apply(today: R.asOf, weekdaysOnly: false).map(\.due),
                       [R.day("2026-09-17"), R.day("2026-09-19"), R.day("2026-09-29"), R.day("2026-09-20")])
    }

    func testSameDayStepAndAppliedOnAWeekend() {
        let now = Playbook(kind: "cancellation", steps: [PlaybookStep(.call, after: 0, "Call at once")])
        XCTAssertEqual(now.apply(today: R.asOf).map(\.due), [R.asOf])
        XCTAssertEqual(now.apply(today: R.day("2026-09-19")).map(\.due), [R.day("2026-09-21")])
    }

    func testCalendarEntry() {
        let e = playbook.apply(today: R.asOf)[0].calendarEntry(customerID: 42, repID: 3)
        XCTAssertEqual(e, CalendarEntry(customerID: 42, repID: 3, due: R.day("2026-09-17"), channel: .phone,
                                        reason: #"["calendar_reason.playbook_step","w:signal.revenue_drop","t:Ask how business is going"]"#,
                                        source: .triage,
                                        uid: "playbook-42-revenue_drop-2026-09-15-1@loyal"))
    }

    func testEveryDefaultKindHasADefaultPlaybook() {
        XCTAssertEqual(Playbook.defaults.map(\.kind), SignalRule.defaults.map(\.kind))
        let settings = RetentionSettings()
        XCTAssertEqual(settings.playbook(for: "overdue")?.steps.first?.channel, .call)
        XCTAssertNil(settings.playbook(for: "nps_very_low"))
    }
}
