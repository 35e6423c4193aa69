import Foundation
import XCTest

/// `--config` naming a missing file is an error; a setting holding an escape code is
/// refused with its file and line instead of reaching a table.
final class CLIConfigSafetyTests: CLITestCase {
    func testAMissingConfigNamedOnTheCommandLineIsAnError() throws {
        let missing = home.appendingPathComponent("typo.toml").path
        for arguments in [["config", "check", "--config", missing], ["accounts", "--config", missing]] {
            let run = try loyal(arguments)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("no settings file at \(missing)"), run.stderr)
        }
        // The default location missing still means defaults.
        let check = try loyal(["config", "check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        // And `config init --config PATH` still creates the file it names.
        XCTAssertEqual(try loyal(["config", "init", "--config", missing]).status, 0)
        XCTAssertEqual(try loyal(["config", "check", "--config", missing]).status, 0)
    }

    func testAnEscapeCodeInASettingIsRefusedWithItsLine() throws {
        let db = try smallDemo()
        let config = try write("[classes]\na_share = 0.8\n\n[display]\ncurrency = \"\\u001b]0;x\\u0007€\"\n", to: "hostile.toml")
        for arguments in [["config", "check", "--config", config.path], ["accounts", "--db", db, "--config", config.path]] {
            let run = try loyal(arguments)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("\(config.path):5: key \"display.currency\": contains the control character U+001B"),
                          run.stderr)
            XCTAssertEqual(run.stdout, "")
        }
        let bidi = try write("[display]\nthousands_separator = \"\u{202E}\"\n", to: "bidi.toml")
        let run = try loyal(["config", "check", "--config", bidi.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains(":2: key \"display.thousands_separator\": contains the control character U+202E"), run.stderr)
        // A currency that is just unusual text is fine.
        let fine = try write("[display]\ncurrency = \"CHF\"\n", to: "fine.toml")
        XCTAssertEqual(try loyal(["config", "check", "--config", fine.path]).status, 0)
    }
}
