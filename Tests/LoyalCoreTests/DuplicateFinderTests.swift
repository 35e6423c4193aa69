import XCTest
@testable import LoyalCore

final class DuplicateFinderTests: XCTestCase {
    func testKeysFoldCaseSpacesUmlautsAndSharpS() {
        XCTAssertEqual(DuplicateKeys.name("Bäckerei  Groß GmbH"), "baeckereigrossgmbh")
        XCTAssertEqual(DuplicateKeys.name("BAECKEREI GROSS gmbh"), "baeckereigrossgmbh")
        XCTAssertEqual(DuplicateKeys.name("Bäckerei-Gross GmbH."), "baeckereigrossgmbh")
        XCTAssertEqual(DuplicateKeys.phone("+49 (351) 12 34-5"), "035112345")
        XCTAssertEqual(DuplicateKeys.phone("0049 351 12345"), "035112345")
        XCTAssertEqual(DuplicateKeys.phone("0351/12345"), "035112345")
        XCTAssertNil(DuplicateKeys.phone("12 34"))
        XCTAssertEqual(DuplicateKeys.email(" Info@Gross.DE "), "info@gross.de")
        XCTAssertNil(DuplicateKeys.email("keine"))
        // Words in common, legal forms left out: {baeckerei, gross} against {baeckerei, gross, dresden} → 2/3.
        XCTAssertEqual(DuplicateKeys.similarity("Bäckerei Groß GmbH", "Bäckerei Gross Dresden"), 2.0 / 3, accuracy: 1e-12)
    }

    func testPairsAreScoredByTheirReasonsStrongestFirst() {
        let records = [
            DuplicateRecord(id: 1, label: "D1", name: "Bäckerei Groß GmbH", email: "info@gross.de", phone: "+49 351 12345", place: "01067"),
            DuplicateRecord(id: 2, label: "D2", name: "BAECKEREI  GROSS gmbh", phone: "0351-12345", place: "01067"),
            DuplicateRecord(id: 3, label: "D3", name: "Bäckerei Gross", email: "INFO@gross.de", place: "01067"),
            DuplicateRecord(id: 4, label: "D4", name: "Metzgerei Klein", place: "01067"),
            DuplicateRecord(id: 5, label: "D5", name: "Bäckerei Groß", place: "80331"),
        ]
        let pairs = DuplicateFinder.pairs(records)
        let found = pairs.map { "\($0.a.label)-\($0.b.label) \($0.score) \($0.reasons.joined(separator: "+"))" }
        XCTAssertEqual(found, [
            "D1-D2 100 same name+same phone",               // 60 + 40
            "D1-D3 85 same e-mail+similar name at the same place",  // 50 + 35
            "D3-D5 60 same name",                             // "baeckereigross" at two places
            "D2-D3 35 similar name at the same place",
        ])
    }

    /// The interface's picker asks for one record's candidates: the same pairs, seen from it.
    func testCandidatesOfOneRecordAreItsPairsStrongestFirst() {
        let records = [
            DuplicateRecord(id: 1, label: "D1", name: "Bäckerei Groß GmbH", email: "info@gross.de", phone: "+49 351 12345", place: "01067"),
            DuplicateRecord(id: 2, label: "D2", name: "BAECKEREI  GROSS gmbh", phone: "0351-12345", place: "01067"),
            DuplicateRecord(id: 3, label: "D3", name: "Bäckerei Gross", email: "INFO@gross.de", place: "01067"),
            DuplicateRecord(id: 4, label: "D4", name: "Metzgerei Klein", place: "01067"),
        ]
        for target in records {
            let fromPairs = DuplicateFinder.pairs(records).filter { $0.a.id == target.id || $0.b.id == target.id }
                .map { ($0.a.id == target.id ? $0.b.label : $0.a.label) + " \($0.score) \($0.reasons)" }
            let candidates = DuplicateFinder.candidates(of: target, among: records)
            XCTAssertEqual(candidates.map { "\($0.b.label) \($0.score) \($0.reasons)" }, fromPairs, target.label)
            XCTAssertTrue(candidates.allSatisfy { $0.a == target })
        }
        XCTAssertEqual(DuplicateFinder.candidates(of: records[0], among: records, limit: 1).map(\.b.label), ["D2"])
    }
}
