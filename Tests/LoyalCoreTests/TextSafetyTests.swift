import XCTest
@testable import LoyalCore

/// The one rule for stored text (issue 11), used by imports, forms, settings and the migration.
final class TextSafetyTests: XCTestCase {
    func testWhatIsRefused() {
        for v: UInt32 in [0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                          0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            let s = Unicode.Scalar(v)!
            XCTAssertTrue(TextSafety.isRefused(s, in: .oneLine), TextSafety.codePoint(v))
            XCTAssertTrue(TextSafety.isRefused(s, in: .freeText), TextSafety.codePoint(v))
        }
        for text in ["Müller GmbH", "Tab\tgetrennt", "Straße 5", "日本", "👩‍👩‍👧", "a\u{200D}b", "\u{A0}", "\u{2029}"] {
            XCTAssertNil(TextSafety.firstRefused(in: text, field: .oneLine), text.debugDescription)
        }
        XCTAssertEqual(TextSafety.firstRefused(in: "Zeile 1\nZeile 2", field: .oneLine), "\n")
        XCTAssertEqual(TextSafety.firstRefused(in: "Zeile 1\r\nZeile 2", field: .oneLine), "\r")
        XCTAssertNil(TextSafety.firstRefused(in: "Zeile 1\r\nZeile 2", field: .freeText))
    }

    func testTheMessageNamesTheCharacterAndWhatWasExpected() {
        XCTAssertEqual(TextSafety.problem(in: "a\u{1B}[2J", field: .oneLine),
                       "contains U+001B (a control character); expected one line of text without control characters or text-direction overrides")
        XCTAssertEqual(TextSafety.problem(in: "exe.\u{202E}fdp", field: .freeText),
                       "contains U+202E (a text-direction override); expected text without control characters or text-direction overrides")
        XCTAssertEqual(TextSafety.problem(in: "a\nb", field: .oneLine),
                       "contains a line break; expected one line of text without control characters or text-direction overrides")
        XCTAssertNil(TextSafety.problem(in: "a\nb", field: .freeText))
    }

    func testStrippingKeepsEverythingElse() {
        XCTAssertEqual(TextSafety.stripped("\u{1B}]52;c;aGk=\u{07}Clip AG\u{202E}", field: .oneLine), "]52;c;aGk=Clip AG")
        XCTAssertEqual(TextSafety.stripped("Zeile 1\r\nZeile\u{85} 2\t!", field: .freeText), "Zeile 1\r\nZeile 2\t!")
        XCTAssertEqual(TextSafety.stripped("Zeile 1\nZeile 2", field: .oneLine), "Zeile 1Zeile 2")
        XCTAssertEqual(TextSafety.stripped("Müller", field: .oneLine), "Müller")
    }
}

/// `1.200` employees is German grouping, but `1.2` and `0.001` are not 12 and 1 (issue 11).
final class ImportIntegerGroupingTests: XCTestCase {
    private func employees(_ raw: String) -> (Int?, [ImportProblem]) {
        let header = try! ImportHeader(entity: .customers, header: CSVRecord(line: 1, fields: ["number", "employees"]))
        var row = ImportRow(record: CSVRecord(line: 2, fields: ["K1", raw]), header: header)
        return (row.integer("employees"), row.problems)
    }

    func testGroupedIntegersFollowTheAmountRules() {
        XCTAssertEqual(employees("1.200").0, 1200)
        XCTAssertEqual(employees("12.345.678").0, 12_345_678)
        XCTAssertEqual(employees("250").0, 250)
        for bad in ["1.2", "0.001", "12.34", "1.2345", ".200"] {
            let (value, problems) = employees(bad)
            XCTAssertNil(value, bad)
            XCTAssertEqual(problems.map(\.description),
                           ["2: column \"employees\": \"\(bad)\" is not a whole number (expected digits such as 12 or 1.200)"])
        }
    }
}
