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

    func testAnImportsRecordsAreCountedOnceEachWithoutCollectingPairs() {
        // 2,000 stored customers of one name (as a demo company has them): counting an import
        // against them must not pair them all.
        var records = (1...2000).map { i in
            DuplicateRecord(id: Int64(i), label: "K\(i)", name: "Firma \(i % 5) Handel", place: String(1000 + i % 900))
        }
        records += [
            DuplicateRecord(id: 3001, label: "N1", name: "BAECKEREI GROSS gmbh", place: "01067"),
            DuplicateRecord(id: 3002, label: "N2", name: "Bäckerei Groß GmbH", place: "01067"),
            DuplicateRecord(id: 3003, label: "N3", name: "Metzgerei Klein", email: "info@klein.example", place: "80331"),
            DuplicateRecord(id: 3004, label: "N4", name: "Fleischerei Klein", email: "INFO@klein.example"),
            DuplicateRecord(id: 3005, label: "N5", name: "Blumen Rose Hamburg", place: "20095"),
            DuplicateRecord(id: 3006, label: "N6", name: "Einzelstück", place: "20095"),
            DuplicateRecord(id: 3007, label: "N7", name: "Blumen Rose", place: "20095"),
        ]
        let m = DuplicateFinder.matches(records, involving: [3001, 3002, 3003, 3004, 3006, 3007], examples: 3)
        // N1~N2 and N3~N4 once each (both imported), N7 ~ N5 (similar at one place); N6 has none.
        XCTAssertEqual(m.count, 3)
        XCTAssertEqual(m.examples.map { "\($0.a.label)~\($0.b.label) \($0.reasons.joined(separator: "+"))" },
                       ["N1~N2 same name", "N3~N4 same e-mail", "N7~N5 similar name at the same place"])
        XCTAssertEqual(DuplicateFinder.matches(records, involving: [1], examples: 3).count, 0,
                       "a name shared by more records than a place holds is no evidence")
        XCTAssertEqual(DuplicateFinder.matches(records, involving: []).count, 0)
    }

    func testCompanyNamesFindTheirCustomerWithTheLegalFormOptional() {
        var index = CustomerNameIndex()
        index.add(id: 1, name: "Bäckerei Groß GmbH")
        index.add(id: 2, name: "Müller AG")
        index.add(id: 3, name: "Müller GmbH")
        index.add(id: 4, name: "Blumen Rose")
        XCTAssertEqual(index.find("BAECKEREI  GROSS gmbh"), 1)
        XCTAssertEqual(index.find("Bäckerei Gross"), 1, "without its legal form")
        XCTAssertEqual(index.find("Müller GmbH"), 3, "the same legal form first")
        XCTAssertEqual(index.find("Müller"), 2, "no legal form: the first of that name")
        XCTAssertEqual(index.find("Blumen Rose e.K."), 4, "a legal form where the customer has none")
        XCTAssertNil(index.find("Bäckerei Klein"))
        XCTAssertEqual(DuplicateKeys.company("Groß & Co. KG").core, "gross")
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
