import XCTest
@testable import LoyalCore

/// `contact_left` and `address_changed`, as of 15.09.2026.
final class RetentionContactSignalTests: XCTestCase {
    private let contacts = [
        ContactFact(id: 7, name: "Anna Schmidt", role: "Einkauf", leftOn: R.day("2026-09-01")),
        ContactFact(id: 8, name: "Max Weber", leftOn: R.day("2026-08-15")),
        ContactFact(id: 9, name: "Eva Braun", role: "CEO", leftOn: R.day("2026-01-10")),   // 248 days ago
        ContactFact(id: 10, name: "Tom Berg", role: "Lager"),
    ]

    func testContactsWhoLeftRecentlyNewestFirst() {
        let e = SignalForms.contactLeft(R.facts { $0.contacts = contacts }, days: 90)
        XCTAssertEqual(e?.text, "2 contacts left in the last 90 days: Anna Schmidt (Einkauf) on 01.09.2026, Max Weber on 15.08.2026")
        XCTAssertEqual(e?.key, "7")
    }

    func testOneContactLeft() {
        let e = SignalForms.contactLeft(R.facts { $0.contacts = Array(contacts[1...]) }, days: 90)
        XCTAssertEqual(e?.text, "contact Max Weber left on 15.08.2026")
        XCTAssertEqual(e?.key, "8")
    }

    func testNobodyLeftRecently() {
        XCTAssertNil(SignalForms.contactLeft(R.facts { $0.contacts = Array(contacts[2...]) }, days: 90))
        XCTAssertEqual(SignalForms.contactLeft(R.facts { $0.contacts = Array(contacts[2...]) }, days: 365)?.text,
                       "contact Eva Braun (CEO) left on 10.01.2026")
        XCTAssertNil(SignalForms.contactLeft(R.facts(), days: 90))
    }

    func testContactFromTheModel() {
        var p = ContactPerson(id: 5, customerID: 1, firstName: "Jana", lastName: "Kühn")
        p.role = "Einkauf"; p.leftOn = R.day("2026-09-01")
        XCTAssertEqual(ContactFact(p), ContactFact(id: 5, name: "Jana Kühn", role: "Einkauf", leftOn: R.day("2026-09-01")))
        XCTAssertNil(ContactFact(ContactPerson(customerID: 1, firstName: "No", lastName: "Id")))
    }

    func testAddressChanged() {
        let recent = SignalForms.addressChanged(R.facts { $0.addressChangedOn = R.day("2026-08-20") }, days: 90)
        XCTAssertEqual(recent?.text, "address changed on 20.08.2026")
        XCTAssertEqual(recent?.key, "2026-08-20")
        XCTAssertNil(SignalForms.addressChanged(R.facts { $0.addressChangedOn = R.day("2026-05-01") }, days: 90))   // 137 days
        XCTAssertNil(SignalForms.addressChanged(R.facts(), days: 90))
    }
}
