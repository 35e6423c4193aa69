import XCTest
@testable import LoyalCore

/// The levelling pass on hand-made items. Days worked out by hand (weekends only
/// unless a test adds holidays): Mon 07.12.2026 is today in most tests.
final class PlanLevellingTests: XCTestCase {
    func call(_ customer: Int64, due: String, rule: LevelRule = .cadence, stake: Int64 = 0, rep: Int64 = 1) -> LevelItem {
        LevelItem(rep: rep, customerID: customer, due: d(due), rule: rule, isVisit: false, isCallOrVisit: true,
                  takesCapacity: true, stake: stake)
    }

    func visit(_ customer: Int64, due: String, region: Int16, rule: LevelRule = .cadence) -> LevelItem {
        LevelItem(rep: 1, customerID: customer, due: d(due), rule: rule, isVisit: true, isCallOrVisit: true,
                  takesCapacity: true, region: region, stake: 0, customerClass: .a)
    }

    func testNoDayAboveCapacityAndTheLowestStakesDoNotFit() {
        // 20 calls due Wed 09.12., window ±5 working days clipped at today: Mon 07.12. … Wed 16.12.,
        // 8 working days at 2 calls a day: 16 fit, the 4 with the least at stake (1…4) do not.
        let items = (1...20).map { call(Int64($0), due: "2026-12-09", stake: Int64($0)) }
        let p = PlanLevelling.level(items, calendar: .weekendsOnly, capacity: [1: (visits: 4, calls: 2)],
                                    today: d("2026-12-07"), end: d("2027-01-31"))
        XCTAssertEqual(p.filter { $0.outcome == .noRoom }.count, 4)
        XCTAssertEqual(items.indices.filter { p[$0].outcome == .noRoom }.map { items[$0].stake }, [1, 2, 3, 4])
        let perDay = Dictionary(grouping: p.compactMap(\.day), by: { $0 }).mapValues(\.count)
        XCTAssertEqual(perDay.count, 8)
        XCTAssertTrue(perDay.values.allSatisfy { $0 == 2 })
        XCTAssertTrue(perDay.keys.allSatisfy { $0 >= d("2026-12-07") && $0 <= d("2026-12-16") && $0.weekday <= 5 })
        XCTAssertEqual(p[19].window, d("2026-12-07")...d("2026-12-16"))
        // The biggest stake is placed first, on its own due day.
        XCTAssertEqual(p[19].rank, 1)
        XCTAssertEqual(p[19].day, d("2026-12-09"))
    }

    func testAnAVisitMovesAtMostTenWorkingDays() {
        // Due Wed 02.12.2026: ten working days back is Wed 18.11., ten ahead Wed 16.12.: 21 days, one visit each.
        let items = (1...25).map { visit(Int64($0), due: "2026-12-02", region: 10, rule: .aVisit) }
        let p = PlanLevelling.level(items, calendar: .weekendsOnly, capacity: [1: (visits: 1, calls: 15)],
                                    today: d("2026-11-02"), end: d("2027-02-01"))
        XCTAssertEqual(p.filter { $0.outcome == .placed }.count, 21)
        XCTAssertEqual(Set(p.compactMap(\.day)).count, 21)
        XCTAssertEqual(p.compactMap(\.day).min(), d("2026-11-18"))
        XCTAssertEqual(p.compactMap(\.day).max(), d("2026-12-16"))
    }

    func testABirthdayOnAWeekendOrHolidayIsTheWorkingDayBefore() {
        let christmas = WorkCalendar(holidays: ["": [d("2026-12-25").number, d("2026-12-26").number]])
        let items = [call(1, due: "2026-12-12", rule: .birthday),  // Saturday
                     call(2, due: "2026-12-25", rule: .birthday),  // Friday, a holiday
                     call(3, due: "2026-12-28", rule: .cadence)]
        let p = PlanLevelling.level(items, calendar: christmas, today: d("2026-12-07"), end: d("2027-01-31"))
        XCTAssertEqual(p[0].day, d("2026-12-11"))
        XCTAssertEqual(p[1].day, d("2026-12-24"))
        XCTAssertTrue(p.allSatisfy { $0.day.map { christmas.isWorkingDay($0) } ?? false })
        var e = PlannedEntry(uid: "b", customerID: 1, repID: 1, due: d("2026-12-12"), channel: .phone,
                             source: .birthday, reason: "Birthday of Anna")
        XCTAssertTrue(e.apply(p[0], item: items[0]))
        XCTAssertEqual(e.note(), "moved from 12.12.2026 (not a working day)")
    }

    func testAMissedContactRollsIntoTheNextFreeCapacityMarkedOverdue() {
        // One call a day; a person dated a call for today, so the missed one goes to Tuesday.
        let items = [call(1, due: "2026-11-20", rule: .overdue, stake: 100), call(2, due: "2026-12-07", rule: .given)]
        let p = PlanLevelling.level(items, calendar: .weekendsOnly, capacity: [1: (visits: 4, calls: 1)],
                                    today: d("2026-12-07"), end: d("2027-01-31"))
        XCTAssertEqual(p[1].day, d("2026-12-07"))
        XCTAssertEqual(p[0].day, d("2026-12-08"))
        var e = PlannedEntry(uid: "o", customerID: 1, repID: 1, due: d("2026-11-20"), channel: .phone, source: .plan,
                             reason: "Call (every 30 days)")
        XCTAssertTrue(e.apply(p[0], item: items[0]))
        XCTAssertEqual(e.due, d("2026-12-08"))
        XCTAssertEqual(e.overdueSince, d("2026-11-20"))
        XCTAssertEqual(e.note(), "overdue since 20.11.2026")
    }

    func testVisitsOfADayStayInOnePostalRegion() {
        // Four visits in region 10 and four in 20, all due Wed 09.12., four a day: two tour days.
        let items = (1...8).map { visit(Int64($0), due: "2026-12-09", region: $0 <= 4 ? 10 : 20) }
        let p = PlanLevelling.level(items, calendar: .weekendsOnly, today: d("2026-12-07"), end: d("2027-01-31"))
        var regions: [Day: Set<Int16>] = [:]
        for i in items.indices { regions[p[i].day!, default: []].insert(items[i].region) }
        XCTAssertEqual(regions.count, 2)
        XCTAssertTrue(regions.values.allSatisfy { $0.count == 1 })
        XCTAssertEqual(LevelItem.region(ofPostalCode: "80331"), 80)
        XCTAssertEqual(LevelItem.region(ofPostalCode: "D-01067"), 1)
        XCTAssertEqual(LevelItem.region(ofPostalCode: ""), -1)
    }

    func testPlannerAndLevellingTogether() {
        // Customer 1 (A, visit due Sat 12.12.2026 from a visit on 13.09.) and a planned call
        // missed on 20.11. from the call cadence: nothing lands on a weekend, the call rolls forward.
        var rules = ContactPlanRules()
        rules.birthdays = [:]
        rules.cadence = [.a: [.visit: 90, .phone: 30]]
        let facts = CustomerPlanFacts(customerID: 1, repID: 7, customerClass: .a, consents: allConsents,
                                      lastContact: [.visit: d("2026-09-13"), .phone: d("2026-10-21")])
        let (entries, unplanned) = ContactPlanner.planLevelled([facts], rules: rules, from: d("2026-12-07"),
                                                               to: d("2027-01-31"), today: d("2026-12-07"),
                                                               calendar: .weekendsOnly)
        XCTAssertTrue(unplanned.isEmpty)
        XCTAssertTrue(entries.allSatisfy { $0.due.weekday <= 5 && $0.due >= d("2026-12-07") })
        let call = entries.first { $0.channel == .phone }!
        XCTAssertEqual(call.overdueSince, d("2026-11-20"))
        XCTAssertEqual(call.due, d("2026-12-07"))
    }
}
