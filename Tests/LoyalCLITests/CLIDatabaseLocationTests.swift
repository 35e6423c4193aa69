import Foundation
import XCTest

/// Where the database lives: $XDG_DATA_HOME/loyal/loyal.db, overridden by $LOYAL_DB and --db.
final class CLIDatabaseLocationTests: CLITestCase {
    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func testDefaultLocationIsPrivate() throws {
        let path = try loyal(["config", "path"])
        XCTAssertEqual(path.stdout, "config   \(configFile)\ndatabase \(defaultDB)\n")
        XCTAssertFalse(exists(defaultDB))
        let refresh = try loyal(["refresh"])
        XCTAssertEqual(refresh.status, 0, refresh.stderr)
        XCTAssertEqual(refresh.stdout, "refreshed 0 customers as of 2026-11-23: 0 A, 0 B, 0 C; "
                       + "signals: 0 opened, 0 updated, 0 resolved; 0 on the early-warning panel; "
                       + "calendar: 0 entries planned (0 blocked), 0 removed\n")
        XCTAssertTrue(exists(defaultDB))
        XCTAssertEqual(try mode(defaultDB), 0o600)
        XCTAssertEqual(try mode(dataHome.appendingPathComponent("loyal").path), 0o700)
    }

    func testLoyalDBEnvironmentVariable() throws {
        let other = home.appendingPathComponent("elsewhere/crm.db").path
        let path = try loyal(["config", "path"], env: ["LOYAL_DB": other])
        XCTAssertTrue(path.stdout.contains("database \(other)\n"), path.stdout)
        XCTAssertEqual(try loyal(["refresh"], env: ["LOYAL_DB": other]).status, 0)
        XCTAssertTrue(exists(other))
        XCTAssertEqual(try mode(other), 0o600)
        XCTAssertFalse(exists(defaultDB))
    }

    func testDBOptionWinsOverEnvironment() throws {
        let fromEnv = home.appendingPathComponent("env.db").path
        let fromOption = home.appendingPathComponent("option.db").path
        let path = try loyal(["config", "path", "--db", fromOption], env: ["LOYAL_DB": fromEnv])
        XCTAssertTrue(path.stdout.contains("database \(fromOption)\n"), path.stdout)
        let demo = try loyal(["demo", "--customers", "3", "--db", fromOption], env: ["LOYAL_DB": fromEnv])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertTrue(exists(fromOption))
        XCTAssertFalse(exists(fromEnv))
        XCTAssertFalse(exists(defaultDB))
        // The data is really there.
        let export = try loyal(["export", "customers", "--db", fromOption])
        XCTAssertEqual(export.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 4)
    }

    func testRelativeXDGDataHomeIsIgnored() throws {
        // The XDG spec says relative paths are invalid; Loyal falls back to ~/.local/share.
        let path = try loyal(["config", "path"], env: ["XDG_DATA_HOME": "relative/data", "XDG_CONFIG_HOME": nil])
        XCTAssertEqual(path.stdout, "config   \(home.path)/.config/loyal/config.toml\n"
                       + "database \(home.path)/.local/share/loyal/loyal.db\n")
    }

    func testNewerDatabaseIsRefusedByTheCLI() throws {
        XCTAssertEqual(try loyal(["refresh"]).status, 0)
        // Patch user_version (big-endian at byte 60 of the SQLite header) to 99, as a newer Loyal would.
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: defaultDB))
        try handle.seek(toOffset: 60)
        handle.write(Data([0, 0, 0, 99]))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: defaultDB))
        let accounts = try loyal(["accounts"])
        XCTAssertNotEqual(accounts.status, 0)
        XCTAssertTrue(accounts.stderr.contains("schema version 99"), accounts.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: defaultDB)), before)
    }
}
