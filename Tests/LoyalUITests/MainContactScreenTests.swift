import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// One main contact per customer on screen (issue 12): marking another person as main in
/// the contact form leaves one ★ in the list, on him.
final class MainContactScreenTests: UITestCase {
    func testMarkingAnotherPersonAsMainMovesTheStar() throws {
        try openImported([
            (.customers, "number,name,city\nK1,Holzwurm GmbH,Berlin\n"),
            (.contacts, "customer,first_name,last_name,primary\nK1,Anna,Schmidt,ja\nK1,Bernd,Weber,nein\n"),
        ])
        try launch()
        press(.enter, .char("p"))
        let stars = { self.term.lines.filter { $0.contains("★") }.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } }
        XCTAssertEqual(stars(), ["Anna Schmidt"])
        press(.down, .enter)
        XCTAssertTrue(titleRow.hasPrefix(" Bernd Weber at Holzwurm GmbH"), titleRow)
        press(.tab, times: 9)
        XCTAssertTrue(term.lines.contains { $0.hasPrefix("  Main contact ") && $0.contains("‹ no ›") }, screen)
        press(.char(" "), .ctrl("s"))
        XCTAssertTrue(titleRow.hasPrefix(" Contact persons of Holzwurm GmbH"), titleRow)
        XCTAssertEqual(stars(), ["Bernd Weber"])
        let people = try XCTUnwrap(try store.accountDetail(id: accounts()[0].id, asOf: Self.today)).contacts
        XCTAssertEqual(people.filter(\.isPrimary).map(\.lastName), ["Weber"])
    }
}
