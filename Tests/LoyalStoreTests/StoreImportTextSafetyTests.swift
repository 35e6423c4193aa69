import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Issue 11: control characters and bidi overrides are refused by every import, with
/// line and column; line breaks only in free text such as notes.
final class StoreImportTextSafetyTests: StoreTestCase {
    func testCustomersWithControlCharactersAreRefused() throws {
        let store = try makeStore()
        let text = "number,name,city,notes\n"
            + "K1,\"\u{1B}]52;c;aGk=\u{07} Clip AG\",Essen,ok\n"
            + "K2,Beta,\"Bonn\u{202E}txt.exe\",ok\n"
            + "K3,\"Gamma\nZwei\",Köln,\"Notiz\nmit Umbruch\tund Tab\"\n"
            + "K4,Delta,Ulm,\"C1 \u{85} hier\"\n"
            + "K5,Epsilon,Ulm,\"ok\"\n"
        let failure = try XCTUnwrap(importFailure(store, .customers, text))
        XCTAssertEqual(failure.problems.map(\.description), [
            "2: column \"name\": contains U+001B (a control character); expected one line of text without control characters or text-direction overrides",
            "3: column \"city\": contains U+202E (a text-direction override); expected one line of text without control characters or text-direction overrides",
            "4: column \"name\": contains a line break; expected one line of text without control characters or text-direction overrides",
            "7: column \"notes\": contains U+0085 (a control character); expected text without control characters or text-direction overrides",
        ])
        XCTAssertEqual(try count(store, "customer"), 0)
    }

    func testEveryImportChecksItsTextColumns() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,notes\nK1,Alpha,\"zwei\nZeilen\"\n")
        try importText(store, .products, "sku,name\nA-1,Papier\n")
        let cases: [(ImportEntity, String, String)] = [
            (.contacts, "customer,last_name,role\nK1,Huber,\"Chef\u{2066}in\"\n", "2: column \"role\": contains U+2066"),
            (.products, "sku,name\nA-2,\"Stift\u{7F}\"\n", "2: column \"name\": contains U+007F"),
            (.purchases, "customer,date,amount,reference\nK1,2026-01-05,10,\"R\u{0}1\"\n", "2: column \"reference\": a NUL byte"),
            (.purchases, "customer,date,amount,reference\nK1,2026-01-05,10,\"R\u{1}1\"\n", "2: column \"reference\": contains U+0001"),
            (.feedback, "customer,date,notes\nK1,2026-01-05,\"gut \u{9B}31m\"\n", "2: column \"notes\": contains U+009B"),
        ]
        for (entity, text, expected) in cases {
            let failure = try XCTUnwrap(importFailure(store, entity, text), "\(entity)")
            XCTAssertEqual(failure.problems.count, 1, "\(entity): \(failure.problems)")
            XCTAssertTrue(failure.problems.first?.description.hasPrefix(expected) == true,
                          "\(entity): \(failure.problems.map(\.description))")
        }
        XCTAssertEqual(try exportRows(store, .customers).first?["notes"], "zwei\nZeilen")
    }
}
