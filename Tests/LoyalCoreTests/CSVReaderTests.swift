import XCTest
@testable import LoyalCore

final class CSVReaderTests: XCTestCase {
    private func records(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [CSVRecord] {
        var reader = CSVReader(bytes: bytes)
        var out: [CSVRecord] = []
        do {
            while let r = try reader.next() { out.append(r) }
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return out
    }

    private func records(_ text: String) -> [CSVRecord] { records(Array(text.utf8)) }

    func testBOMAndSemicolonDetection() {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("Kundennummer;Name,Zusatz;Ort\nK1;A;B\n".utf8))
        XCTAssertEqual(reader.separator, UInt8(ascii: ";"))
        XCTAssertFalse(reader.decodedAsWindows1252)
        let rs = records([0xEF, 0xBB, 0xBF] + Array("Kundennummer;Name,Zusatz;Ort\nK1;A;B\n".utf8))
        XCTAssertEqual(rs.map(\.fields), [["Kundennummer", "Name,Zusatz", "Ort"], ["K1", "A", "B"]])
        XCTAssertEqual(rs.map(\.line), [1, 2])
    }

    func testSeparatorDetection() {
        XCTAssertEqual(CSVReader(bytes: Array("a,b,c\n".utf8)).separator, UInt8(ascii: ","))
        XCTAssertEqual(CSVReader(bytes: Array("a\tb\tc\n".utf8)).separator, UInt8(ascii: "\t"))
        XCTAssertEqual(CSVReader(bytes: Array("single\n".utf8)).separator, UInt8(ascii: ","))
        // Separators inside quotes in the header do not count.
        XCTAssertEqual(CSVReader(bytes: Array("\"a;b;c\",d,e\n".utf8)).separator, UInt8(ascii: ","))
    }

    func testQuotedSeparatorsAndDoubledQuotes() {
        let rs = records("name;note\n\"Müller; Söhne\";\"sagt \"\"hallo\"\"\"\n\"\";x\n")
        XCTAssertEqual(rs.map(\.fields), [["name", "note"], ["Müller; Söhne", "sagt \"hallo\""], ["", "x"]])
    }

    func testNewlinesInsideQuotesKeepLineNumbers() {
        let text = "a,b\n\"x\ny\nz\",1\nlast,2\n\"p\n\",3\nend,4"
        let rs = records(text)
        XCTAssertEqual(rs.map(\.fields), [["a", "b"], ["x\ny\nz", "1"], ["last", "2"], ["p\n", "3"], ["end", "4"]])
        XCTAssertEqual(rs.map(\.line), [1, 2, 5, 6, 8])
    }

    func testCRLF() {
        let rs = records("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5\r\n")
        XCTAssertEqual(rs.map(\.fields), [["a", "b"], ["1", "2"], ["x\r\ny", "3"], ["4", "5"]])
        XCTAssertEqual(rs.map(\.line), [1, 2, 3, 5])
    }

    func testEmptyFieldsAndBlankLines() {
        let rs = records("a,,c\n\n\nx,y,\n,,\n")
        XCTAssertEqual(rs.map(\.fields), [["a", "", "c"], ["x", "y", ""], ["", "", ""]])
        XCTAssertEqual(rs.map(\.line), [1, 4, 5])
    }

    func testUnterminatedQuoteReportsTheLineItStarts() {
        var reader = CSVReader(bytes: Array("a,b\n1,2\n\"open,3\n4,5\n".utf8))
        XCTAssertEqual(try reader.next()?.line, 1)
        XCTAssertEqual(try reader.next()?.line, 2)
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual((error as? CSVError)?.description,
                           "line 3: field 1: a quoted field is never closed; expected a closing \" (write a quote inside quotes as \"\")")
        }
    }

    func testWindows1252Fallback() {
        // "Name;Ort\nM\xFCller;K\xF6ln \x80\n" as Windows-1252 bytes.
        let bytes: [UInt8] = Array("Name;Ort\nM".utf8) + [0xFC] + Array("ller;K".utf8) + [0xF6] + Array("ln ".utf8) + [0x80, 0x0A]
        var reader = CSVReader(bytes: bytes)
        XCTAssertEqual(reader.separator, UInt8(ascii: ";"))
        XCTAssertEqual(try reader.next()?.fields, ["Name", "Ort"])
        XCTAssertFalse(reader.decodedAsWindows1252)
        XCTAssertEqual(try reader.next()?.fields, ["Müller", "Köln €"])
        XCTAssertNil(try reader.next())
        XCTAssertEqual(reader.windows1252Lines, [2])
    }

    func testValidUTF8IsNotReinterpreted() {
        let reader = CSVReader(bytes: Array("Name\nMüller\n".utf8))
        XCTAssertFalse(reader.decodedAsWindows1252)
        XCTAssertEqual(records("Name\nMüller\n").last?.fields, ["Müller"])
    }

    func testEmptyInput() {
        XCTAssertTrue(records("").isEmpty)
        XCTAssertTrue(records([0xEF, 0xBB, 0xBF]).isEmpty)
    }
}
