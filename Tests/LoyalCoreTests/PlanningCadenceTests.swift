import XCTest
@testable import LoyalCore

/// Regular contact per class, counted from the last contact. Dates worked out by
/// hand: 12.08.2026 + 90 days = Tue 10.11.2026; 16.11.2026 + 90 = Sun 14.02.2027;
/// 01.09.2026 + 90 = Mon 30.11.2026; 30.11.2026 + 90 = Sun 28.02.2027; 01.10.2026 + 60 =
/// Mon 30.11.2026. Calls and visits due on a weekend are planned for the Monday after.
final class PlanningCadenceTests: XCTestCase {
    func testClassACadenceVisitsQuarterlyAndCallsBetweenCountedFromTheVisits() {
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      lastContact: [.visit: d("2026-08-12"), .phone: d("2026-10-20")])
        var rules = ContactPlanRules()
        rules.birthdays = [:]
        let entries = plan(facts, rules, from: "2026-11-16", to: "2027-02-28")
        XCTAssertEqual(entries.map(\.line), [
            // Due 10.11., six days before the window: overdue, so shown anyway.
            "2026-11-10 visit Visit (every 90 days; last visit 12.08.2026)",
            // The last call (20.10.) would make the next one due 19.11., but the overdue
            // visit happens today at the earliest and counts as the contact.
            "2026-12-16 phone Call (every 30 days; visit planned 10.11.2026)",
            "2027-01-15 phone Call (every 30 days)",
            // The next visit is due Sunday 14.02., so on Monday 15.02.; the third call
            // would be due 14.02. too, so on the visit's day: no call then.
            "2027-02-15 visit Visit (every 90 days)",
        ])
        XCTAssertTrue(entries[0].isOverdue(today: d("2026-11-16")))
        XCTAssertFalse(entries[1].isOverdue(today: d("2026-11-16")))
        XCTAssertTrue(entries.allSatisfy { $0.source == .plan && $0.blocked == nil && $0.moved == nil })
    }

    func testClassBCallsQuarterlyAndMailsEveryTwoMonths() {
        let facts = CustomerPlanFacts(customerID: 2, customerClass: .b, consents: allConsents,
                                      lastContact: [.phone: d("2026-09-01"), .email: d("2026-10-01")])
        var rules = ContactPlanRules()
        rules.birthdays = [:]
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2027-03-01").map(\.line), [
            // Same day: ordered by UID, "…-plan-email-…" before "…-plan-phone-…".
            "2026-11-30 email E-mail (every 60 days; last e-mail 01.10.2026)",
            "2026-11-30 phone Call (every 90 days; last call 01.09.2026)",
            "2027-01-29 email E-mail (every 60 days)",
            // Due Sunday 28.02., so Monday 01.03. (the next e-mail, 30.03., is after the window).
            "2027-03-01 phone Call (every 90 days)",
        ])
        // A window ending on that Sunday does not show the call: it is the next window's.
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2027-02-28").map(\.due),
                       [d("2026-11-30"), d("2026-11-30"), d("2027-01-29")])
    }

    func testClassCGetsOnlyTheNewsletter() {
        let facts = CustomerPlanFacts(customerID: 3, customerClass: .c, consents: allConsents,
                                      lastContact: [.newsletter: d("2026-10-01"), .phone: d("2026-01-01")])
        var rules = ContactPlanRules()
        rules.birthdays = [:]
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2027-02-28").map(\.line), [
            "2026-12-30 newsletter Newsletter (every 90 days; last newsletter 01.10.2026)",
        ])
    }

    func testAVisitTwentyDaysAgoSatisfiesTheVisitPlanUntilDayNinety() {
        var rules = emptyRules()
        rules.cadence[.a] = [.visit: 90]
        // 27.10.2026 + 90 days = 25.01.2027.
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, lastContact: [.visit: d("2026-10-27")])
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2027-01-24"), [])
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2027-01-25").map(\.line),
                       ["2027-01-25 visit Visit (every 90 days; last visit 27.10.2026)"])
    }

    func testAVisitAlsoCountsAsACallButAnEmailDoesNot() {
        var rules = emptyRules()
        rules.cadence[.a] = [.phone: 30]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      lastContact: [.phone: d("2026-09-01"), .visit: d("2026-11-06"),
                                                    .email: d("2026-11-15")])
        // 06.11. + 30 = Sunday 06.12., so Monday 07.12. (the e-mail would give 15.12.).
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2026-12-31").map(\.line),
                       ["2026-12-07 phone Call (every 30 days; last visit 06.11.2026)"])
    }

    func testOverridesReplaceTheClassCadencePerChannel() {
        var rules = emptyRules()
        rules.cadence[.b] = [.phone: 90, .email: 60]
        let facts = CustomerPlanFacts(customerID: 7, customerClass: .b, consents: allConsents,
                                      lastContact: [.phone: d("2026-11-10"), .email: d("2026-11-10")],
                                      overrides: [CadenceOverride(customerID: 7, channel: .phone, cadence: .every(days: 14)),
                                                  CadenceOverride(customerID: 7, channel: .email, cadence: .never),
                                                  // Someone else's override does not apply.
                                                  CadenceOverride(customerID: 8, channel: .letter, cadence: .every(days: 1))])
        XCTAssertEqual(plan(facts, rules, from: "2026-11-16", to: "2026-12-10").map(\.line), [
            "2026-11-24 phone Call (every 14 days; last call 10.11.2026)",
            "2026-12-08 phone Call (every 14 days)",
        ])
    }

    func testWithoutAnyContactTheFirstSlotIsSpreadOverTheCycleAndDoesNotDrift() {
        var rules = emptyRules()
        rules.cadence[.a] = [.visit: 90]
        var dues: Set<Day> = []
        for id in Int64(1)...50 {
            let facts = CustomerPlanFacts(customerID: id, customerClass: .a)
            let first = plan(facts, rules, from: "2026-11-16", to: "2027-02-13")
            XCTAssertEqual(first.count, 1, "one visit within the first 90 days")
            let e = first[0]
            XCTAssertTrue(e.due >= d("2026-11-16") && e.due <= d("2027-02-13"))
            XCTAssertEqual(e.reason, "Visit (every 90 days; no visit yet)")
            XCTAssertEqual(e.uid, "c\(id)-plan-visit-first-1@loyal")
            dues.insert(e.due)
            // A day later (and not yet past the slot) the slot is the same.
            if e.due > d("2026-11-17") {
                let again = plan(facts, rules, from: "2026-11-17", to: "2027-02-13")
                XCTAssertEqual(again.map(\.due), [e.due])
                XCTAssertEqual(again.map(\.uid), [e.uid])
            }
        }
        XCTAssertGreaterThan(dues.count, 30, "50 fresh customers are not all put on one day")
    }

    func testUIDsAreStableAcrossPlanningRunsAndWindows() {
        let facts = CustomerPlanFacts(customerID: 42, customerClass: .a, consents: allConsents,
                                      contacts: [person(5, "Anna", "Schmidt", birthday: "1972-05-17", primary: true)],
                                      lastContact: [.visit: d("2026-10-01"), .phone: d("2026-11-01")],
                                      purchases: [PurchaseFact(day: d("2026-11-10"), amount: euros(6200))])
        let first = plan(facts, from: "2026-11-16", to: "2027-12-31")
        let second = plan(facts, from: "2026-11-16", to: "2027-12-31")
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first.map(\.uid)).count, first.count, "UIDs are unique")
        // A later run over a later window names the entries both see the same.
        let later = plan(facts, from: "2027-03-01", to: "2027-12-31", today: "2026-11-16")
        XCTAssertFalse(later.isEmpty)
        for e in later { XCTAssertTrue(first.contains(e), "\(e.uid) planned differently") }
        XCTAssertTrue(first.map(\.uid).contains("c42-plan-visit-20261001-1@loyal"))
        XCTAssertTrue(first.map(\.uid).contains("c42-birthday-p5-2027@loyal"))
        XCTAssertTrue(first.map(\.uid).contains("c42-post-purchase-20261110@loyal"))
        XCTAssertEqual(first.first { $0.source == .plan }?.contactPersonID, 5, "regular contact goes to the primary contact")
    }
}
