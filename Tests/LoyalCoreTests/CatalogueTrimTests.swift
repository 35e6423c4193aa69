import XCTest
@testable import LoyalCore

/// The catalogue reader trims lines byte by byte; text with umlauts and inner spaces stays whole.
final class CatalogueTrimTests: XCTestCase {
    func testOnlySpacesTabsAndCarriageReturnsAtTheEndsGo() {
        XCTAssertEqual("  Frühwarnung \t\r".catalogueTrimmed, "Frühwarnung")
        XCTAssertEqual("\tA-/B-/C-Kunden".catalogueTrimmed, "A-/B-/C-Kunden")
        XCTAssertEqual("key = \"Rückgewinnung\"  ".dropFirst(6).catalogueTrimmed, "\"Rückgewinnung\"")
        XCTAssertEqual(" \t \r ".catalogueTrimmed, "")
        XCTAssertEqual("".catalogueTrimmed, "")
        XCTAssertEqual("a\u{00A0}".catalogueTrimmed, "a\u{00A0}", "a no-break space is text, not TOML white space")
    }

    func testASectionWithCarriageReturnsReadsAsWithout() throws {
        let entries = try CatalogueFile.parse("[tab]\r\naccounts = \"Kunden\"\r\n  # note\r\nteam = \"Team\" # the tab\r\n")
        XCTAssertEqual(entries, ["tab.accounts": "Kunden", "tab.team": "Team"])
    }
}
