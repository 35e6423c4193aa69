import XCTest
@testable import LoyalCore

final class VCardExploreTests: XCTestCase {
    func testExplore() {
        var total = 0
        for f in VCardFixture.files {
            let (cs, ws) = VCardFixture.contacts(f)
            let named = cs.filter(\.hasName)
            total += named.count
            print("FILE \(f): \(cs.count) cards, \(named.count) named")
            for c in cs.prefix(3) { print("   [\(c.firstName)|\(c.lastName)] org=\(c.organization) role=\(c.jobRole) bday=\(c.birthday?.description ?? "-") emails=\(c.emails.map { "\($0.kind.rawValue):\($0.value)" }) phones=\(c.phones.map { "\($0.kind.rawValue):\($0.value)" }) note=\(c.note.prefix(60).debugDescription)") }
            for w in ws { print("   WARN \(w)") }
        }
        print("TOTAL \(total)")
    }
}
