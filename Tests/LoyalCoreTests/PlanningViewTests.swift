import XCTest
@testable import LoyalCore

final class PlanningViewTests: XCTestCase {
    func entry(_ due: String, _ name: String, status: CalendarEntryStatus = .open) -> CalendarEntry {
        CalendarEntry(customerID: 1, due: d(due), channel: .phone, reason: name, source: .plan, status: status, uid: name)
    }

    func testAgendaShowsOverdueThenTodayThenTheNextDays() {
        let items = [entry("2026-11-18", "wed"), entry("2026-11-10", "old"), entry("2026-11-16", "today"),
                     entry("2026-11-12", "done before", status: .done), entry("2026-11-13", "older but later"),
                     entry("2026-11-18", "wed 2"), entry("2026-11-30", "too far"), entry("2026-11-16", "done today", status: .done)]
        let sections = CalendarViews.agenda(items, today: d("2026-11-16"), through: d("2026-11-22"))
        XCTAssertEqual(sections.map(\.kind), [.overdue, .today, .day(d("2026-11-18"))])
        XCTAssertEqual(sections.map { $0.items.map(\.reason) }, [["old", "older but later"], ["today", "done today"],
                                                                  ["wed", "wed 2"]])
    }

    func testAgendaAlwaysHasToday() {
        let sections = CalendarViews.agenda([entry("2026-11-17", "tomorrow")], today: d("2026-11-16"), through: d("2026-11-22"))
        XCTAssertEqual(sections.map(\.kind), [.today, .day(d("2026-11-17"))])
        XCTAssertEqual(sections[0].items, [])
    }

    func testISOWeeks() {
        XCTAssertEqual(d("2025-12-29").isoWeek.year, 2026)
        XCTAssertEqual(d("2025-12-29").isoWeek.week, 1)
        XCTAssertEqual(d("2027-01-03").isoWeek.year, 2026)
        XCTAssertEqual(d("2027-01-03").isoWeek.week, 53)
        XCTAssertEqual(d("2026-11-16").isoWeek.week, 47)
        XCTAssertEqual(d("2026-11-22").startOfWeek, d("2026-11-16"))
        XCTAssertEqual(d("2026-11-16").startOfWeek, d("2026-11-16"))
    }

    func testWeekGridRunsMondayToSundayAcrossTheNewYear() {
        let items = [entry("2026-12-31", "new year's eve"), entry("2027-01-03", "sunday"), entry("2027-01-04", "next week")]
        let week = CalendarViews.week(items, containing: d("2026-12-31"), today: d("2026-12-30"))
        XCTAssertEqual(week.year, 2026)
        XCTAssertEqual(week.week, 53)
        XCTAssertEqual(week.days.map(\.day), (0..<7).map { d("2026-12-28").adding(days: $0) })
        XCTAssertEqual(week.days.map { $0.items.map(\.reason) }, [[], [], [], ["new year's eve"], [], [], ["sunday"]])
        XCTAssertEqual(week.days.map(\.isToday), [false, false, true, false, false, false, false])
    }

    func testMonthGrid() {
        // February 2026 starts on a Sunday and ends on a Saturday: five rows, weeks 5–9.
        let items = [entry("2026-01-26", "january"), entry("2026-02-14", "valentine"), entry("2026-03-01", "march")]
        let feb = CalendarViews.month(items, year: 2026, month: 2, today: d("2026-02-14"))
        XCTAssertEqual(feb.map(\.week), [5, 6, 7, 8, 9])
        XCTAssertEqual(feb.first?.days.first?.day, d("2026-01-26"))
        XCTAssertEqual(feb.last?.days.last?.day, d("2026-03-01"))
        XCTAssertEqual(feb[0].days.map(\.inMonth), [false, false, false, false, false, false, true])
        XCTAssertEqual(feb[0].days[0].items.map(\.reason), ["january"])
        XCTAssertEqual(feb[2].days[5].day, d("2026-02-14"))
        XCTAssertEqual(feb[2].days[5].items.map(\.reason), ["valentine"])
        XCTAssertTrue(feb[2].days[5].isToday)
        XCTAssertEqual(feb[4].days[6].items.map(\.reason), ["march"])
        XCTAssertEqual(feb.flatMap(\.days).filter(\.inMonth).count, 28)
        // February 2027 runs Monday 1st to Sunday 28th: exactly four rows.
        XCTAssertEqual(CalendarViews.month([CalendarEntry](), year: 2027, month: 2, today: d("2027-02-01")).map(\.week),
                       [5, 6, 7, 8])
    }

    func testPlannedEntriesGroupToo() {
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      lastContact: [.visit: d("2026-08-12")])
        var rules = emptyRules()
        rules.cadence[.a] = [.visit: 90]
        let entries = plan(facts, rules, from: "2026-11-16", to: "2027-03-31")
        let sections = CalendarViews.agenda(entries, today: d("2026-11-16"), through: d("2027-03-31"))
        // Overdue since 10.11. (12.08. + 90); the next one from today: 16.11. + 90 = Sunday
        // 14.02.2027, so Monday 15.02.
        XCTAssertEqual(sections.map(\.kind), [.overdue, .today, .day(d("2027-02-15"))])
    }
}
