import XCTest
@testable import LoyalCore

/// Issue 11: files that used to import silently damaged are refused with their line,
/// and the encoding is decided per record.
final class CSVReaderStrictTests: XCTestCase {
    /// Every record and every error, in file order (the reader goes on after a broken record).
    private func read(_ bytes: [UInt8]) -> (records: [CSVRecord], errors: [String], reader: CSVReader) {
        var reader = CSVReader(bytes: bytes)
        var records: [CSVRecord] = [], errors: [String] = []
        for _ in 0..<1000 {
            do {
                guard let r = try reader.next() else { break }
                records.append(r)
            } catch {
                errors.append(error.description)
            }
        }
        return (records, errors, reader)
    }

    private func read(_ text: String) -> (records: [CSVRecord], errors: [String], reader: CSVReader) {
        read(Array(text.utf8))
    }

    func testAnUnbalancedQuoteNoLongerSwallowsTheFollowingRows() {
        // Before: line 3's name swallowed lines 4 and 5 into one field, and K3 vanished.
        let result = read("number,name\nK1,Alpha\nK2,\"Beta\nK3,Gamma\nK4,Delta\n")
        XCTAssertEqual(result.records.map(\.fields), [["number", "name"], ["K1", "Alpha"]])
        XCTAssertEqual(result.errors, [
            "line 3: field 2: a quoted field is never closed; expected a closing \" (write a quote inside quotes as \"\")",
        ])
    }

    func testFieldCountsAreCheckedAgainstTheHeader() {
        let text = "a,b,c,d\n1,2,3,4\n1,2,3,4\n1,2,3\n1,2,3,4\n\n1,2,3,4,5\n\"x,y\",2,3,4\n"
        let result = read(text)
        XCTAssertEqual(result.errors, ["line 4: 3 fields, expected 4 (header)", "line 7: 5 fields, expected 4 (header)"])
        XCTAssertEqual(result.records.map(\.line), [1, 2, 3, 5, 8])
        XCTAssertEqual(result.records.last?.fields, ["x,y", "2", "3", "4"])
    }

    func testANulByteIsRefusedWithItsLineAndField() {
        let bytes = Array("number,name\nK1,Alpha\nK2,Be".utf8) + [0] + Array("ta\nK3,Gamma\n".utf8)
        let result = read(bytes)
        XCTAssertEqual(result.errors, ["line 3: field 2: a NUL byte (0x00); expected text"])
        XCTAssertEqual(result.records.map { $0.fields[0] }, ["number", "K1", "K3"])
        // Inside quotes too, on the line where it stands.
        let quoted = read(Array("a,b\n\"x\ny".utf8) + [0] + Array("\",2\n".utf8))
        XCTAssertEqual(quoted.errors, ["line 3: field 1: a NUL byte (0x00); expected text"])
    }

    func testAByteOrderMarkIsOnlyAcceptedAtTheVeryStart() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let result = read(bom + Array("number,name\nK1,Alpha\n".utf8) + bom + Array("K2,Beta\nK3,Gamma\n".utf8))
        XCTAssertEqual(result.errors, ["line 3: field 1: a byte order mark (U+FEFF) inside the file; expected one only at the very start"])
        XCTAssertEqual(result.records.map { $0.fields[0] }, ["number", "K1", "K3"])
        XCTAssertEqual(read(Array("a\nx".utf8) + bom + Array("y\n".utf8)).errors.count, 1)
    }

    func testTheEncodingIsDecidedPerRecord() {
        // Line 3 is Windows-1252 (0xE4 = ä); lines 2 and 4 are correct UTF-8 and stay so.
        let bytes = Array("number;name\nK1;Bäckerei\nK2;B".utf8) + [0xE4] + Array("ckerei Alt\nK3;Müller\nK4;Ma".utf8)
            + [0xDF] + Array("e ".utf8) + [0x80] + Array("\n".utf8)
        let result = read(bytes)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.records.map { $0.fields[1] }, ["name", "Bäckerei", "Bäckerei Alt", "Müller", "Maße €"])
        XCTAssertEqual(result.reader.windows1252Lines, [3, 5])
    }

    func testQuotesFollowRFC4180() {
        let result = read("a,b\n\"x\"y,1\nab\"c,2\n\"ok \"\"q\"\"\",3\n\"\",4\n")
        XCTAssertEqual(result.errors, [
            "line 2: field 1: text after the closing quote; expected a separator or the end of the line",
            "line 3: field 1: a quote inside an unquoted field; expected the whole field in quotes and the quote doubled (\"\")",
        ])
        XCTAssertEqual(result.records.map(\.fields), [["a", "b"], ["ok \"q\"", "3"], ["", "4"]])
    }

    func testReadingIsLinearInRecordsAndFieldLength() {
        // A single 400,000-character field must not make reading slower per byte.
        let long = String(repeating: "ü", count: 400_000)
        let result = read("name\n\"\(long)\"\n\(long)\n")
        XCTAssertEqual(result.records.map { $0.fields[0].count }, [4, 400_000, 400_000])
    }
}
