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

    /// The silent damage of issue 11 (exit 0 before), each now refused with its line and column.
    func testDamagingRowsAreRefusedWithLineAndColumn() throws {
        var bytes = Array("number;name;city\nK1;Alpha;Essen\nK2;\"Beta;Essen\nK3;Gamma;Bonn\n".utf8)
        try Data(bytes).write(to: home.appendingPathComponent("quote.csv"))
        bytes = Array("number;name;city\nK1;Alpha\nK2;Be".utf8) + [0] + Array("ta;Bonn\n".utf8) + [0xEF, 0xBB, 0xBF]
            + Array("K3;Gamma;Ulm\nK4;\u{1B}[2J Clear\u{07};Ulm\n".utf8)
        try Data(bytes).write(to: home.appendingPathComponent("rows.csv"))
        let quote = try loyal(["import", "customers", "quote.csv"])
        XCTAssertEqual(quote.status, 1)
        XCTAssertEqual(quote.stderr.split(separator: "\n"), [
            "quote.csv:3: column \"name\": a quoted field is never closed; expected a closing \" (write a quote inside quotes as \"\")",
            "quote.csv: nothing was imported: 1 problem",
        ])
        let rows = try loyal(["import", "customers", "rows.csv", "--dry-run"])
        XCTAssertEqual(rows.status, 1)
        XCTAssertEqual(rows.stderr.split(separator: "\n"), [
            "rows.csv:2: 2 fields, expected 3 (header)",
            "rows.csv:3: column \"name\": a NUL byte (0x00); expected text",
            "rows.csv:4: column \"number\": a byte order mark (U+FEFF) inside the file; expected one only at the very start",
            "rows.csv:5: column \"name\": contains U+001B (a control character); expected one line of text without control characters or text-direction overrides",
            "rows.csv: nothing was imported: 4 problems",
        ])
        _ = try write("number,name\nK1,Alpha\n", to: "c.csv")
        XCTAssertEqual(try loyal(["import", "customers", "c.csv"]).status, 0)
        _ = try write("customer;date;amount\nK1;2026-01-05;0,001\n", to: "p.csv")
        let amount = try loyal(["import", "purchases", "p.csv"])
        XCTAssertEqual(amount.status, 1)
        XCTAssertTrue(amount.stderr.hasPrefix("p.csv:2: column \"amount\": \"0,001\" is not an amount"), amount.stderr)
    }
}
