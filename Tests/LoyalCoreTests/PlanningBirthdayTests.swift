import XCTest
@testable import LoyalCore

final class PlanningBirthdayTests: XCTestCase {
    func birthdays(_ cls: CustomerClass, _ contacts: [ContactPerson], consents: [Consent] = allConsents,
                   preferred: Channel? = nil, kind: CustomerKind = .business, from: String, to: String) -> [PlannedEntry] {
        var rules = ContactPlanRules()
        rules.cadence = [:]
        rules.afterPurchase = []
        let facts = CustomerPlanFacts(customerID: 1, customerClass: cls, preferredChannel: preferred,
                                      consents: consents, contacts: contacts, kind: kind)
        return plan(facts, rules, from: from, to: to)
    }

    func testTwentyNinthOfFebruaryIsPlannedOnTheTwentyEighthInOtherYears() {
        let entries = birthdays(.a, [person(10, "Anna", "Schmidt", birthday: "1980-02-29")],
                                from: "2027-01-01", to: "2028-12-31")
        XCTAssertEqual(entries.map(\.line), ["2027-02-28 phone Birthday of Anna Schmidt (47)",
                                             "2028-02-29 phone Birthday of Anna Schmidt (48)"])
        XCTAssertEqual(entries.map(\.uid), ["c1-birthday-p10-2027@loyal", "c1-birthday-p10-2028@loyal"])
        XCTAssertEqual(entries.map(\.occasion), [d("2027-02-28"), d("2028-02-29")])
        XCTAssertEqual(entries.map(\.contactPersonID), [10, 10])
        XCTAssertTrue(entries.allSatisfy { $0.source == .birthday && $0.birthday?.day == 29 })
    }

    func testChannelAndLeadTimeFollowTheClass() {
        let anna = [person(10, "Anna", "Schmidt", birthday: "1972-05-17")]
        // A: a call on the day.
        XCTAssertEqual(birthdays(.a, anna, from: "2026-01-01", to: "2026-12-31").map(\.line),
                       ["2026-05-17 phone Birthday of Anna Schmidt (54)"])
        // A, visits preferred: drop by with a gift.
        XCTAssertEqual(birthdays(.a, anna, preferred: .visit, from: "2026-01-01", to: "2026-12-31").map(\.channel), [.visit])
        // A business without phone consent is called on presumed consent (UWG § 7 (2) Nr. 1).
        XCTAssertEqual(birthdays(.a, anna, consents: [], from: "2026-01-01", to: "2026-12-31").map(\.channel), [.phone])
        // A consumer without phone consent: the visit needs none.
        XCTAssertEqual(birthdays(.a, anna, consents: [], kind: .consumer, from: "2026-01-01", to: "2026-12-31").map(\.channel), [.visit])
        // B: a card, posted three days ahead; it still stands for the 17th.
        let b = birthdays(.b, anna, from: "2026-01-01", to: "2026-12-31")
        XCTAssertEqual(b.map(\.line), ["2026-05-14 letter Birthday of Anna Schmidt (54)"])
        XCTAssertEqual(b.map(\.occasion), [d("2026-05-17")])
        // C: an e-mail, and only with consent; without, it is kept blocked.
        XCTAssertEqual(birthdays(.c, anna, from: "2026-01-01", to: "2026-12-31").map(\.channel), [.email])
        XCTAssertEqual(birthdays(.c, anna, consents: [], from: "2026-01-01", to: "2026-12-31").map(\.blocked),
                       ["no e-mail consent"])
    }

    func testLeadTimeCanPullNextYearsBirthdayIntoDecember() {
        let entries = birthdays(.b, [person(3, "Jan", "Roth", birthday: "--01-02")], from: "2026-12-01", to: "2026-12-31")
        XCTAssertEqual(entries.map(\.line), ["2026-12-30 letter Birthday of Jan Roth"])
        XCTAssertEqual(entries.map(\.uid), ["c1-birthday-p3-2027@loyal"])
    }

    func testPartnerBirthdays() {
        var anna = person(10, "Anna", "Schmidt")
        anna.partnerName = "Peter Schmidt"
        anna.partnerBirthday = Birthday(parsing: "1970-06-15")
        var jan = person(11, "Jan", "Roth")
        jan.partnerBirthday = Birthday(parsing: "--07-01")
        let entries = birthdays(.a, [anna, jan], from: "2026-01-01", to: "2026-12-31")
        XCTAssertEqual(entries.map(\.line), ["2026-06-15 phone Birthday of Peter Schmidt, partner of Anna Schmidt (56)",
                                             "2026-07-01 phone Birthday of the partner of Jan Roth"])
        XCTAssertEqual(entries.map(\.source), [.partnerBirthday, .partnerBirthday])
        XCTAssertEqual(entries.map(\.uid), ["c1-partner-birthday-p10-2026@loyal", "c1-partner-birthday-p11-2026@loyal"])
        XCTAssertEqual(entries.map(\.contactPersonID), [10, 11], "the card goes through the contact person")

        var rules = ContactPlanRules()
        rules.partnerBirthdays = false
        rules.cadence = [:]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents, contacts: [anna])
        XCTAssertEqual(plan(facts, rules, from: "2026-01-01", to: "2026-12-31"), [])
    }

    func testContactsWhoLeftAreNotCongratulated() {
        let gone = person(1, "Eva", "Alt", birthday: "1960-05-17", leftOn: "2026-03-01")
        let leaving = person(2, "Udo", "Weg", birthday: "1960-05-17", leftOn: "2026-06-01")
        let entries = birthdays(.a, [gone, leaving], from: "2026-01-01", to: "2027-12-31")
        // Udo is still there on 17.05.2026, gone by 2027; Eva left before either.
        XCTAssertEqual(entries.map(\.line), ["2026-05-17 phone Birthday of Udo Weg (66)"])
    }

    func testBirthdayCallsDoNotMoveOutOfQuietTimes() {
        var rules = ContactPlanRules()
        rules.cadence = [:]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: allConsents,
                                      highSeason: HighSeason(parsing: "5")!, busyHours: BusyHours(parsing: "So ganztags")!,
                                      contacts: [person(10, "Anna", "Schmidt", birthday: "1972-05-17")])
        // 17.05.2026 is a Sunday in high season: the birthday stays, flagged.
        let entries = plan(facts, rules, from: "2026-01-01", to: "2026-12-31")
        XCTAssertEqual(entries.map(\.due), [d("2026-05-17")])
        XCTAssertNil(entries[0].moved)
        XCTAssertEqual(entries[0].conflict, "busy So ganztags, but a birthday cannot move")
    }
}
