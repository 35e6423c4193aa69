import Foundation
import XCTest

/// Text that reaches a terminal is sanitised as the TUI sanitises it, whatever the format;
/// into a file or a pipe the data is written as it is (an export stays faithful).
final class CLIOutputSafetyTests: CLITestCase {
    private let clipboard = "\u{1B}]52;c;aGFja2Vk\u{07} Clip AG"
    private let title = "\u{1B}]0;pwned\u{07}"
    private let esc: UInt8 = 0x1B, bel: UInt8 = 0x07

    /// A demo whose first customer is named with an OSC 52 (set clipboard) escape code and the
    /// second with an OSC 0 (set window title) one.
    private func hostileDemo() throws -> String {
        let db = try smallDemo()
        try sqlite(db, "UPDATE customer SET name = char(27) || ']52;c;aGFja2Vk' || char(7) || ' Clip AG' WHERE id = (SELECT min(id) FROM customer);"
                   + "UPDATE customer SET name = char(27) || ']0;pwned' || char(7) WHERE id = (SELECT min(id) + 1 FROM customer);")
        return db
    }

    func testEveryFormatOnATerminalShowsEscapeCodesAsText() throws {
        let db = try hostileDemo()
        let runs: [[String]] = [
            ["export", "customers", "--db", db],
            ["export", "customers", "--db", db, "--format", "json"],
            ["accounts", "--db", db, "--format", "csv", "--limit", "0"],
            ["accounts", "--db", db, "--format", "json", "--limit", "0"],
            ["accounts", "--db", db, "--limit", "0"],
        ]
        for arguments in runs {
            let run = try loyalOnTerminal(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.text)")
            XCTAssertFalse(run.bytes.contains(esc), "ESC reached the terminal: \(arguments)")
            XCTAssertFalse(run.bytes.contains(bel), "BEL reached the terminal: \(arguments)")
        }
        let csv = try loyalOnTerminal(["export", "customers", "--db", db]).text
        XCTAssertTrue(csv.contains("^[]52;c;aGFja2Vk^G Clip AG"), csv)
        XCTAssertTrue(csv.contains("^[]0;pwned^G"), csv)
    }

    func testAFileOrAPipeGetsTheDataAsItIs() throws {
        let db = try hostileDemo()
        let file = try loyal(["export", "customers", "--db", db])
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertTrue(file.stdout.contains(clipboard), file.stdout)
        XCTAssertTrue(file.stdout.contains(title), file.stdout)
        let piped = try loyalThroughPipe(["export", "customers", "--db", db])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stdout, file.stdout)
    }

    func testMessagesAndICSOnATerminalAreSanitised() throws {
        // Option values come from scripts too: an error quoting one, and the calendar name holding one.
        let badDay = try loyalOnTerminal(["refresh", "--as-of", title])
        XCTAssertEqual(badDay.status, 64, badDay.text)
        XCTAssertFalse(badDay.bytes.contains(esc), badDay.text)
        XCTAssertTrue(badDay.text.contains("--as-of \"^[]0;pwned^G\" is not a date"), badDay.text)

        let db = try smallDemo()
        let ics = try loyalOnTerminal(["export", "calendar", "--db", db, "--format", "ics", "--rep", title])
        XCTAssertEqual(ics.status, 0, ics.text)
        XCTAssertFalse(ics.bytes.contains(esc), ics.text)
        XCTAssertTrue(ics.text.contains("BEGIN:VCALENDAR"), ics.text)

        let path = try loyalOnTerminal(["config", "path", "--config", "/tmp/\(title).toml"])
        XCTAssertEqual(path.status, 0, path.text)
        XCTAssertFalse(path.bytes.contains(esc), path.text)
        XCTAssertTrue(path.text.contains("/tmp/^[]0;pwned^G.toml"), path.text)
    }
}
