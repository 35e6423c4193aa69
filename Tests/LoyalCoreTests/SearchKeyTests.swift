import XCTest
@testable import LoyalCore

final class SearchKeyTests: XCTestCase {
    func testGermanLetters() {
        XCTAssertEqual(SearchKey.fold("Müller"), "muller")
        XCTAssertEqual(SearchKey.fold("Straße"), "strasse")
        XCTAssertEqual(SearchKey.fold("ÄÖÜ äöü"), "aou aou")
        XCTAssertEqual(SearchKey.fold("MÜNCHEN"), "munchen")
    }

    func testOtherDiacritics() {
        XCTAssertEqual(SearchKey.fold("é"), "e")
        XCTAssertEqual(SearchKey.fold("Café Crème"), "cafe creme")
        XCTAssertEqual(SearchKey.fold("ÉCOLE"), "ecole")
        // Decomposed input (e + combining acute) folds the same way.
        XCTAssertEqual(SearchKey.fold("Cafe\u{0301}"), "cafe")
        XCTAssertEqual(SearchKey.fold("Łódź"), "lodz")
        XCTAssertEqual(SearchKey.fold("Yılmaz"), "yilmaz")
        XCTAssertEqual(SearchKey.fold("K100001 & Co."), "k100001 & co.")
    }

    func testGermanAlternativeSpelling() {
        XCTAssertEqual(SearchKey.foldGerman("Müller"), "mueller")
        XCTAssertEqual(SearchKey.foldGerman("Größe"), "groesse")
        XCTAssertEqual(SearchKey.foldGerman("Café"), "cafe")
    }

    func testCustomerKeyHoldsBothSpellingsOnlyWhenTheyDiffer() {
        XCTAssertEqual(SearchKey.forCustomer(number: "K1", name: "Müller GmbH", city: "Köln"),
                       "k1 muller gmbh koln mueller gmbh koeln")
        XCTAssertEqual(SearchKey.forCustomer(number: "K2", name: "Weber AG", city: "Bonn"), "k2 weber ag bonn")
        // The city is found in both foldings too.
        XCTAssertEqual(SearchKey.forCustomer(number: "K3", name: "Weber AG", city: "Lübeck"),
                       "k3 weber ag lubeck weber ag luebeck")
    }
}
