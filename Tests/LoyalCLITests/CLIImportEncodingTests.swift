import Foundation
import XCTest

/// Issue 11: `loyal import` names the lines it read as Windows-1252 and keeps every UTF-8 row intact.
final class CLIImportEncodingTests: CLITestCase {
    func testMixedEncodingsAreListedByLineOnStderr() throws {
        let bytes = Array("number;name;city\nK1;Bäckerei;Köln\nK2;M".utf8) + [0xFC] + Array("ller;Bonn\nK3;Straße;Essen\nK4;".utf8)
            + [0xC4] + Array("pfel;Ulm\n".utf8)
        try Data(bytes).write(to: home.appendingPathComponent("mixed.csv"))
        let result = try loyal(["import", "customers", "mixed.csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("mixed.csv: lines 3, 5 read as Windows-1252 (not UTF-8)"), result.stderr)
        let names = try loyal(["export", "customers"]).stdout
        for name in ["Bäckerei", "Müller", "Straße", "Äpfel"] { XCTAssertTrue(names.contains(name), names) }
        XCTAssertFalse(names.contains("Ã"), names)
    }
}
