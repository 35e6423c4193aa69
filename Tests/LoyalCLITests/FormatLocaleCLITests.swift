import Foundation
import XCTest

/// Days and amounts follow the language (`LANG=C`: English, ISO days and 1,234), unless the
/// locale's time and money categories or `[display] formats` choose them apart from it.
final class FormatLocaleCLITests: CLITestCase {
    let isoDay = #/\b20\d\d-\d\d-\d\d\b/#
    let germanDay = #/\b\d\d\.\d\d\.20\d\d\b/#
    let englishAmount = #/\b\d{1,3}(,\d{3})+ €/#
    let germanAmount = #/\b\d{1,3}(\.\d{3})+ €/#

    func accounts(_ env: [String: String?]) throws -> String {
        let db = home.appendingPathComponent("formats.db").path
        if !FileManager.default.fileExists(atPath: db) {
            XCTAssertEqual(try loyal(["demo", "--customers", "60", "--db", db]).status, 0)
        }
        let run = try loyal(["accounts", "--db", db, "--limit", "20"], env: env)
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    func testLANGCIsEnglishFormatsToo() throws {
        let out = try accounts(["LANG": "C", "LC_TIME": nil, "LC_MONETARY": nil])
        XCTAssertNotNil(out.firstMatch(of: isoDay), out)
        XCTAssertNotNil(out.firstMatch(of: englishAmount), out)
        XCTAssertNil(out.firstMatch(of: germanDay), out)
        XCTAssertNil(out.firstMatch(of: germanAmount), out)
    }

    func testAGermanLocaleIsGermanFormats() throws {
        let out = try accounts(["LANG": "de_DE.UTF-8", "LC_TIME": nil, "LC_MONETARY": nil])
        XCTAssertNotNil(out.firstMatch(of: germanDay), out)
        XCTAssertNotNil(out.firstMatch(of: germanAmount), out)
        XCTAssertNil(out.firstMatch(of: isoDay), out)
    }

    func testTimeAndMoneyCategoriesAndTheSettingChooseFormatsApartFromTheWords() throws {
        // English words, German days, English amounts.
        let mixed = try accounts(["LANG": "C", "LC_TIME": "de_DE.UTF-8", "LC_MONETARY": nil])
        XCTAssertNotNil(mixed.firstMatch(of: germanDay), mixed)
        XCTAssertNotNil(mixed.firstMatch(of: englishAmount), mixed)
        // The setting wins over the locale.
        let config = home.appendingPathComponent("formats.toml")
        try "[display]\nformats = \"en\"\n".write(to: config, atomically: true, encoding: .utf8)
        let set = try loyal(["accounts", "--config", config.path, "--db", home.appendingPathComponent("formats.db").path,
                             "--limit", "20"], env: ["LANG": "de_DE.UTF-8", "LC_TIME": "de_DE.UTF-8"]).stdout
        XCTAssertNotNil(set.firstMatch(of: isoDay), set)
        XCTAssertNotNil(set.firstMatch(of: englishAmount), set)
    }
}
