import Foundation
import XCTest
@testable import LoyalCore

final class CSVWriterTests: XCTestCase {
    func testFormulaCellsAreNeutralised() {
        XCTAssertEqual(CSVWriter.field("=1+1"), "'=1+1")
        XCTAssertEqual(CSVWriter.field("+49 30 1234567"), "'+49 30 1234567")
        XCTAssertEqual(CSVWriter.field("-x"), "'-x")
        XCTAssertEqual(CSVWriter.field("@SUM(A1:A9)"), "'@SUM(A1:A9)")
        XCTAssertEqual(CSVWriter.field("\tx"), "\"'\tx\"")
        XCTAssertEqual(CSVWriter.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVWriter.field("=SUM(A1,B1)"), "\"'=SUM(A1,B1)\"")
        XCTAssertEqual(CSVWriter.field("a=b"), "a=b")
    }

    func testNumbersAreNotPrefixed() {
        XCTAssertEqual(CSVWriter.field("-12.50", isText: false), "-12.50")
        XCTAssertEqual(CSVWriter.field("+5", isText: false), "+5")
    }

    func testQuoting() {
        XCTAssertEqual(CSVWriter.field(""), "")
        XCTAssertEqual(CSVWriter.field("Müller GmbH"), "Müller GmbH")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("a;b"), "\"a;b\"")
        XCTAssertEqual(CSVWriter.field("sagt \"hallo\""), "\"sagt \"\"hallo\"\"\"")
        XCTAssertEqual(CSVWriter.field("Zeile 1\nZeile 2"), "\"Zeile 1\nZeile 2\"")
    }

    func testUnguardedUndoesTheGuardOnly() {
        for value in ["=1+1", "+49 30 1234567", "-x", "@SUM(A1)", "--05-17"] {
            XCTAssertEqual(CSVWriter.field(value), "'" + value)
            XCTAssertEqual(CSVWriter.unguarded(CSVWriter.field(value)), value)
        }
        XCTAssertEqual(CSVWriter.unguarded("'\tx"), "\tx")
        XCTAssertEqual(CSVWriter.unguarded("'=1"), "=1")
        XCTAssertEqual(CSVWriter.unguarded("'quoted'"), "'quoted'")
        XCTAssertEqual(CSVWriter.unguarded("'"), "'")
        XCTAssertEqual(CSVWriter.unguarded("O'Brien"), "O'Brien")
        XCTAssertEqual(CSVWriter.unguarded("=1"), "=1")
    }

    func testLine() {
        XCTAssertEqual(CSVWriter.line([("K1", true), ("=b", true), ("-1.00", false), ("x,y", true)]),
                       "K1,'=b,-1.00,\"x,y\"\r\n")
    }

    func testWrittenFieldsReadBack() throws {
        let values = ["plain", "a,b", "sagt \"hallo\"", "Zeile 1\nZeile 2", "x;y"]
        let text = "h1,h2,h3,h4,h5\r\n" + CSVWriter.line(values.map { ($0, true) })
        var reader = CSVReader(bytes: Array(text.utf8))
        _ = try reader.next()
        XCTAssertEqual(try reader.next()?.fields, values)
    }
}

final class JSONTextTests: XCTestCase {
    func testEscapes() {
        XCTAssertEqual(JSONText.string("a\"b\\c"), "\"a\\\"b\\\\c\"")
        XCTAssertEqual(JSONText.string("\n\r\t"), "\"\\n\\r\\t\"")
        XCTAssertEqual(JSONText.string("\u{01}"), "\"\\u0001\"")
        XCTAssertEqual(JSONText.string("\u{1F}"), "\"\\u001f\"")
        XCTAssertEqual(JSONText.string("\u{7F}"), "\"\\u007f\"")
        XCTAssertEqual(JSONText.string("\u{85}"), "\"\\u0085\"")
        XCTAssertEqual(JSONText.string("\u{1B}[31m"), "\"\\u001b[31m\"")
        XCTAssertEqual(JSONText.string("Müller € 😀"), "\"Müller € 😀\"")
        XCTAssertEqual(JSONText.string(""), "\"\"")
    }

    func testEveryControlCharacterRoundTripsThroughAJSONParser() throws {
        let original = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
            + "\u{7F}\u{80}\u{9F} \"quoted\" back\\slash /"
        let json = "[" + JSONText.string(original) + "]"
        for scalar in json.unicodeScalars {
            XCTAssertFalse(scalar.value < 0x20, "raw control character \(scalar.value) in JSON text")
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        XCTAssertEqual(parsed, [original])
    }
}

/// Found by the fuzz test (issue 11): cells the writer left unquoted that the reader then misread.
final class CSVWriterQuotingTests: XCTestCase {
    func testTabsAndCRLFInsideACellAreQuoted() {
        // "\r\n" is one Character, so a Character comparison with "\r" missed it.
        XCTAssertEqual(CSVWriter.field("a\r\nb"), "\"a\r\nb\"")
        // An unquoted tab in the header made the reader take tab for the separator.
        XCTAssertEqual(CSVWriter.field("a\tb"), "\"a\tb\"")
        var reader = CSVReader(bytes: Array((CSVWriter.line([("x\ty", true), ("z", true)]) + CSVWriter.line([("1", true), ("2", true)])).utf8))
        XCTAssertEqual(try reader.next()?.fields, ["x\ty", "z"])
        XCTAssertEqual(try reader.next()?.fields, ["1", "2"])
    }

    func testALineOfOneEmptyCellIsNotABlankLine() throws {
        let text = CSVWriter.line([("name", true)]) + CSVWriter.line([("", true)]) + CSVWriter.line([("b", true)])
        XCTAssertEqual(text, "name\r\n\"\"\r\nb\r\n")
        var reader = CSVReader(bytes: Array(text.utf8))
        var rows: [[String]] = []
        while let r = try reader.next() { rows.append(r.fields) }
        XCTAssertEqual(rows, [["name"], [""], ["b"]])
    }
}
