import Foundation
import XCTest

/// `loyal config init|check` and how a broken settings file is reported.
final class CLIConfigTests: CLITestCase {
    private func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: (configFile as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: configFile))
    }

    func testInitWritesAFileThatChecks() throws {
        let initialise = try loyal(["config", "init"])
        XCTAssertEqual(initialise.status, 0, initialise.stderr)
        XCTAssertEqual(initialise.stdout, "wrote \(configFile)\n")
        let text = try String(contentsOfFile: configFile, encoding: .utf8)
        XCTAssertTrue(text.contains("[classes]\n"))
        XCTAssertTrue(text.contains("\na_share = 0.8\n"))
        XCTAssertTrue(text.contains("\nb_share = 0.95\n"))
        XCTAssertTrue(text.contains("\nwindow_months = 12\n"))
        XCTAssertTrue(text.contains("[display]\n"))
        XCTAssertTrue(text.contains("\ndates = \"de\"\n"))
        XCTAssertEqual(try loyal(["config", "init", "--stdout"]).stdout, text)

        let check = try loyal(["config", "check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stdout, "\(configFile): OK\n")

        let again = try loyal(["config", "init"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("\(configFile) exists; use --force to overwrite it"), again.stderr)
        try writeConfig("[classes]\na_share = 0.5\n")
        XCTAssertEqual(try loyal(["config", "init", "--force"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: configFile, encoding: .utf8), text)
    }

    func testMissingFileMeansDefaults() throws {
        let check = try loyal(["config", "check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: configFile))
    }

    func testBadValueIsReportedWithFileLineAndKey() throws {
        try writeConfig("[classes]\na_share = \"x\"\n")
        let check = try loyal(["config", "check"])
        XCTAssertNotEqual(check.status, 0)
        XCTAssertTrue(check.stderr.contains("\(configFile):2: key \"classes.a_share\": expected a number from 0.01 to 1, found "),
                      check.stderr)
        // Every command that reads the settings refuses the same way.
        let accounts = try loyal(["accounts"])
        XCTAssertNotEqual(accounts.status, 0)
        XCTAssertTrue(accounts.stderr.contains("\(configFile):2: key \"classes.a_share\": "), accounts.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: defaultDB))
    }

    func testTOMLSyntaxErrorIsReportedWithItsLine() throws {
        try writeConfig("[classes]\na_share = 0.8\nb_share = = 0.9\n")
        let check = try loyal(["config", "check"])
        XCTAssertNotEqual(check.status, 0)
        XCTAssertTrue(check.stderr.contains("\(configFile):3: "), check.stderr)
    }

    func testUnknownKeysAndInconsistentShares() throws {
        try writeConfig("# settings\n[classes]\na_share = 0.8\nc_share = 1\n")
        let unknown = try loyal(["config", "check"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("\(configFile):4: key \"classes.c_share\": is not a known key "
                                              + "(known in [classes]: a_share, b_share, window_months)"), unknown.stderr)
        try writeConfig("[classes]\na_share = 0.9\nb_share = 0.5\n")
        let shares = try loyal(["config", "check"])
        XCTAssertNotEqual(shares.status, 0)
        XCTAssertTrue(shares.stderr.contains("\(configFile):3: key \"classes.b_share\": must not be smaller than "
                                             + "classes.a_share (0.9)"), shares.stderr)
        try writeConfig("[display]\ndates = \"us\"\n")
        let choice = try loyal(["config", "check"])
        XCTAssertTrue(choice.stderr.contains("\(configFile):2: key \"display.dates\": expected one of \"de\", \"iso\""),
                      choice.stderr)
    }

    func testSettingsAreUsed() throws {
        // With A at 1 % only the largest customer is A.
        try writeConfig("[classes]\na_share = 0.01\nb_share = 0.02\n")
        let demo = try loyal(["demo", "--customers", "50", "--seed", "3"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertEqual(demoCounts(demo.stdout)?.a, 1)
    }
}
