import XCTest
@testable import LoyalCore

final class PlanningFactsTests: XCTestCase {
    func testFactsFromModelTypes() throws {
        var c = Customer(id: 4, number: "K-4", name: "Müller GmbH")
        c.repID = 2
        c.highSeason = "11-12"
        c.busyHours = "nach Absprache"  // unreadable: no busy hours
        c.status = .lost
        c.preferredChannel = .visit
        let interactions = [Interaction(customerID: 4, kind: .event, day: d("2026-05-02")),
                            Interaction(customerID: 4, kind: .visit, day: d("2026-03-01")),
                            Interaction(customerID: 4, kind: .gift, day: d("2026-04-01")),
                            Interaction(customerID: 9, kind: .call, day: d("2026-06-01"))]
        let facts = try XCTUnwrap(CustomerPlanFacts(
            customer: c, customerClass: .b, consents: [consent(.phone, customer: 4), consent(.email, customer: 9)],
            interactions: interactions, purchases: [Purchase(customerID: 4, day: d("2026-06-01"), amount: euros(10))]))
        XCTAssertEqual(facts.customerID, 4)
        XCTAssertEqual(facts.repID, 2)
        XCTAssertTrue(facts.isLost)
        XCTAssertEqual(facts.highSeason.months, [11, 12])
        XCTAssertTrue(facts.busyHours.isEmpty)
        XCTAssertEqual(facts.lastContact, [.visit: d("2026-05-02"), .letter: d("2026-04-01")])
        XCTAssertEqual(facts.consents.map(\.channel), [.phone])
        XCTAssertEqual(facts.purchases, [PurchaseFact(day: d("2026-06-01"), amount: euros(10))])
        XCTAssertNil(CustomerPlanFacts(customer: Customer(number: "K-5", name: "new"), customerClass: .c))
    }
}
