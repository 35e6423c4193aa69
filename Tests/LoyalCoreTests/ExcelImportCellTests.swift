import XCTest
@testable import LoyalCore

/// Files and cells as Excel and CRM exports write them.
final class ExcelImportCellTests: XCTestCase {
    func testUnicodeTextIsUTF16WithTabsInEitherByteOrder() throws {
        let text = "Nummer\tName\nK1\tMüller 😀 GmbH\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [le, be] {
            var reader = CSVReader(bytes: bytes)
            XCTAssertEqual(reader.separator, UInt8(ascii: "\t"))
            XCTAssertEqual(try reader.next()?.fields, ["Nummer", "Name"])
            let row = try XCTUnwrap(try reader.next())
            XCTAssertEqual(row.fields, ["K1", "Müller 😀 GmbH"])
            XCTAssertEqual(row.line, 2)
            XCTAssertFalse(reader.decodedAsWindows1252)
        }
        // An unpaired surrogate becomes U+FFFD rather than an error or a crash.
        XCTAssertEqual(ExcelText.utf8([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00]), [0xEF, 0xBB, 0xBF, 0x41, 0xEF, 0xBF, 0xBD, 0x42])
    }

    func testASepLineNamesTheSeparatorAndLinesKeepTheirNumbers() throws {
        for ending in ["\n", "\r\n"] {
            let text = "sep=;" + ending + "number;name, with comma" + ending + "K1;\"Eins\"" + ending + "K2;\"offen" + ending
            var reader = CSVReader(bytes: Array(text.utf8))
            XCTAssertEqual(reader.separator, UInt8(ascii: ";"))
            XCTAssertEqual(try reader.next()?.fields, ["number", "name, with comma"])
            let k1 = try XCTUnwrap(try reader.next())
            XCTAssertEqual(k1.line, 3, "the sep= line counts as line 1")
            XCTAssertThrowsError(try reader.next()) { error in
                XCTAssertEqual((error as? CSVError)?.line, 4)
                XCTAssertEqual((error as? CSVError)?.isUnclosedQuote, true)
            }
        }
        // A first line that merely starts like one is data (here a header split at its semicolon).
        var reader = CSVReader(bytes: Array("sep=;x\nK1;2\n".utf8))
        XCTAssertEqual(try reader.next()?.fields, ["sep=", "x"])
        XCTAssertEqual(try reader.next()?.line, 2)
    }

    func testDateCellsMayCarryATimeOfDay() {
        let day = Day(year: 2024, month: 1, day: 15)!
        for cell in ["2024-01-15", "15.01.2024", "2024-01-15 10:22", "2024-01-15 10:22:05", "15.01.2024 10:22",
                     "2024-01-15T08:15:31.000Z", "2024-01-15T08:15:31+02:00", "2024-01-15T08:15:31.5-0500", "2024-01-15T23:59"] {
            XCTAssertEqual(Day(importing: cell), day, cell)
        }
        for cell in ["2024-01-15 25:00", "2024-01-15 10", "2024-01-15 10:22 Uhr", "2024-01-15T", "2024-01-15T08:15:31+2",
                     "15.01.2024 nachmittags", "2024-13-01 10:00"] {
            XCTAssertNil(Day(importing: cell), cell)
        }
    }

    func testCountryNamesInGermanAndEnglishBecomeISOCodes() {
        let cases = ["Deutschland": "DE", "germany": "DE", " DE ": "DE", "D": "DE", "Österreich": "AT", "Austria": "AT",
                     "Schweiz": "CH", "Switzerland": "CH", "Niederlande": "NL", "Holland": "NL", "Frankreich": "FR",
                     "Vereinigtes Königreich": "GB", "England": "GB", "UK": "GB", "USA": "US", "Vereinigte Staaten": "US",
                     "Polen": "PL", "Tschechien": "CZ", "Czech Republic": "CZ", "Dänemark": "DK", "Italien": "IT",
                     "Luxemburg": "LU", "Belgien": "BE", "Spain": "ES", "it": "IT"]
        for (cell, code) in cases { XCTAssertEqual(CountryCodes.code(cell), code, cell) }
        XCTAssertNil(CountryCodes.code("Atlantis"))
        XCTAssertNil(CountryCodes.code(""))
    }
}
