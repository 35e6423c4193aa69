import XCTest
@testable import LoyalCore

/// A whole name ("Name", "Person - Name", a vCard's FN) split into first and last name.
final class PersonNameTests: XCTestCase {
    func split(_ s: String) -> [String] {
        let n = PersonName(splitting: s)
        return [n.first, n.last, n.title]
    }

    func testTitlesComeOffAndTheLastWordIsTheLastName() {
        XCTAssertEqual(split("Dr. Anna Maria Schulz"), ["Anna Maria", "Schulz", "Dr."])
        XCTAssertEqual(split("Prof. Dr. Hans  Sonnenschein"), ["Hans", "Sonnenschein", "Prof. Dr."])
        XCTAssertEqual(split("Frau Dipl.-Ing. Petra Lang"), ["Petra", "Lang", "Frau Dipl.-Ing."])
        XCTAssertEqual(split("Anna Schulz"), ["Anna", "Schulz", ""])
        XCTAssertEqual(split("Schulz"), ["", "Schulz", ""])
        XCTAssertEqual(split("Herr Schulz"), ["", "Schulz", "Herr"])
        XCTAssertEqual(split("  "), ["", "", ""])
    }

    func testCommaMeansLastNameFirst() {
        XCTAssertEqual(split("Schulz, Anna"), ["Anna", "Schulz", ""])
        XCTAssertEqual(split("Schulz, Dr. Anna Maria"), ["Anna Maria", "Schulz", "Dr."])
        XCTAssertEqual(split("van Beethoven, Ludwig"), ["Ludwig", "van Beethoven", ""])
    }

    func testParticlesStayWithTheLastName() {
        XCTAssertEqual(split("Ludwig van Beethoven"), ["Ludwig", "van Beethoven", ""])
        XCTAssertEqual(split("Karl-Theodor von und zu Guttenberg"), ["Karl-Theodor", "von und zu Guttenberg", ""])
        XCTAssertEqual(split("Maria de la Cruz"), ["Maria", "de la Cruz", ""])
        // A particle that is the only other word is a first name ("Van Morrison" stays as written).
        XCTAssertEqual(split("Van Morrison"), ["Van", "Morrison", ""])
    }
}
