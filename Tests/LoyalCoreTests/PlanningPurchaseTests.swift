import XCTest
@testable import LoyalCore

/// Follow-up after purchases (defaults: ≥ 5.000 € in 2 days, ≥ 1.000 € in 5 days),
/// and lost customers.
final class PlanningPurchaseTests: XCTestCase {
    func calls(_ purchases: [(String, Int64)], last: [Channel: Day] = [:], today: String = "2026-11-21") -> [PlannedEntry] {
        var rules = ContactPlanRules()
        rules.cadence = [:]
        rules.birthdays = [:]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, consents: allConsents, lastContact: last,
                                      purchases: purchases.map { PurchaseFact(day: d($0.0), amount: euros($0.1)) })
        return plan(facts, rules, from: today, to: "2026-12-31")
    }

    /// Bought on Wednesday 18.11.: two days later is Friday 20.11., five days later
    /// Monday 23.11., so neither call is moved off a weekend.
    func testTheLargerThePurchaseTheSoonerTheCall() {
        let wednesday = "2026-11-18"
        XCTAssertEqual(calls([(wednesday, 6200)], today: wednesday).map(\.line),
                       ["2026-11-20 phone Call after purchase of 6.200 € on 18.11.2026"])
        XCTAssertEqual(calls([(wednesday, 5000)], today: wednesday).map(\.due), [d("2026-11-20")], "the threshold itself counts")
        XCTAssertEqual(calls([(wednesday, 4999)], today: wednesday).map(\.due), [d("2026-11-23")])
        XCTAssertEqual(calls([(wednesday, 1000)], today: wednesday).map(\.due), [d("2026-11-23")])
        XCTAssertEqual(calls([(wednesday, 999)], today: wednesday), [])
        let e = calls([(wednesday, 6200)], today: wednesday)[0]
        XCTAssertEqual(e.source, .postPurchase)
        XCTAssertEqual(e.uid, "c1-post-purchase-20261118@loyal")
    }

    func testOrderLinesOfOneDayAreOnePurchase() {
        // 5.500 € in all: the ≥ 5.000 € rule, two days (Wed 18.11. → Fri 20.11.), not five.
        XCTAssertEqual(calls([("2026-11-18", 3000), ("2026-11-18", 2500)], today: "2026-11-18").map(\.line),
                       ["2026-11-20 phone Call after purchase of 5.500 € on 18.11.2026"])
    }

    func testPurchasesBeforeTheFollowUpIsDueShareOneCall() {
        // 1.500 € on 20.11. (call due 25.11.), then 6.200 € on 23.11. (due 25.11.): one call.
        let entries = calls([("2026-11-20", 1500), ("2026-11-23", 6200)])
        XCTAssertEqual(entries.map(\.line), ["2026-11-25 phone Call after purchase of 6.200 € on 23.11.2026 (and 1 more)"])
        XCTAssertEqual(entries.map(\.uid), ["c1-post-purchase-20261120@loyal"])
        // A purchase after the call was due is a new reason to call.
        XCTAssertEqual(calls([("2026-11-20", 1500), ("2026-11-26", 1200)]).map(\.due), [d("2026-11-25"), d("2026-12-01")])
    }

    func testACallOrVisitAfterThePurchaseSatisfiesIt() {
        XCTAssertEqual(calls([("2026-11-18", 6200)], last: [.phone: d("2026-11-19")]), [])
        XCTAssertEqual(calls([("2026-11-18", 6200)], last: [.visit: d("2026-11-20")]), [])
        // The sales call on the day of the purchase is not the follow-up.
        XCTAssertEqual(calls([("2026-11-18", 6200)], last: [.phone: d("2026-11-18")]).map(\.due), [d("2026-11-20")])
    }

    func testAnUnansweredPurchaseIsOverdueUntilItIsTooOld() {
        // Today 21.11.: 1.500 € on 10.11. was due Sunday 15.11., so Monday 16.11.
        let overdue = calls([("2026-11-10", 1500)])
        XCTAssertEqual(overdue.map(\.due), [d("2026-11-16")])
        XCTAssertTrue(overdue[0].isOverdue(today: d("2026-11-21")))
        // 30 days is the default lookback: 22.10. is 30 days before, 21.10. is 31.
        XCTAssertEqual(calls([("2026-10-22", 1500)]).map(\.due), [d("2026-10-27")])
        XCTAssertEqual(calls([("2026-10-21", 1500)]), [])
    }

    func testAVisitRuleForLargePurchases() {
        var rules = emptyRules()
        rules.afterPurchase = [PurchaseFollowUp(minAmount: euros(50_000), days: 7, channel: .visit),
                               PurchaseFollowUp(minAmount: euros(1_000), days: 5)]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a,
                                      purchases: [PurchaseFact(day: d("2026-11-20"), amount: euros(80_000))])
        XCTAssertEqual(plan(facts, rules, from: "2026-11-21", to: "2026-12-31").map(\.line),
                       ["2026-11-27 visit Visit after purchase of 80.000 € on 20.11.2026"])
    }

    func testALostCustomerGetsOnlyWinBackFollowUps() {
        let facts = CustomerPlanFacts(
            customerID: 5, customerClass: .a, isLost: true, consents: allConsents,
            contacts: [person(1, "Anna", "Schmidt", birthday: "1972-12-01", primary: true, customer: 5)],
            lastContact: [.visit: d("2026-01-01")],
            purchases: [PurchaseFact(day: d("2026-11-20"), amount: euros(9000))],
            given: [GivenEntry(key: "winback-2", source: .winback, due: d("2026-12-03"), channel: .phone,
                               reason: "Win-back call: offer the service package"),
                    GivenEntry(key: "feedback-9", source: .followUp, due: d("2026-12-04"), channel: .phone, reason: "Call back")])
        let entries = plan(facts, from: "2026-11-21", to: "2027-12-31")
        XCTAssertEqual(entries.map(\.line), ["2026-12-03 phone Win-back call: offer the service package"])
        XCTAssertEqual(entries.map(\.uid), ["c5-winback-winback-2@loyal"])
        XCTAssertEqual(entries.map(\.source), [.winback])
    }
}
