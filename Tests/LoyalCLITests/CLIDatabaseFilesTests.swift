import Foundation
import XCTest

/// Which database files the commands open, create or refuse (issue 11, files).
final class CLIDatabaseFilesTests: CLITestCase {
    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func testReadCommandsRefuseAMissingDatabaseAndCreateNothing() throws {
        let typo = home.appendingPathComponent("tpyo/loyal.db").path
        let reads: [[String]] = [["accounts"], ["agenda"], ["export", "customers"], ["export", "calendar"],
                                 ["report", "risk"], ["report", "lost"], ["report", "value"],
                                 ["feedback", "add", "--customer", "K1"]]
        for command in reads {
            let run = try loyal(command + ["--db", typo])
            XCTAssertEqual(run.status, 66, "\(command): \(run.stderr)")
            XCTAssertEqual(run.stderr, "Error: no database at \(typo); create one with `loyal demo` or an import\n",
                           "\(command)")
            XCTAssertEqual(run.stdout, "")
        }
        XCTAssertFalse(exists(typo))
        XCTAssertFalse(exists(home.appendingPathComponent("tpyo").path), "no folder either")
        XCTAssertFalse(exists(defaultDB))
    }

    func testAReadOnlyDatabaseServesEveryReadCommandAndRefusesWrites() throws {
        let db = try smallDemo(customers: 12)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for command in [["accounts"], ["agenda"], ["export", "customers"], ["report", "risk"], ["report", "lost"]] {
            let run = try loyal(command + ["--db", db])
            XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
            XCTAssertFalse(run.stdout.isEmpty, "\(command)")
        }
        let number = try XCTUnwrap(try loyal(["export", "customers", "--db", db]).stdout
            .components(separatedBy: "\r\n")[1].components(separatedBy: ",").first)
        for command in [["feedback", "add", "--customer", number, "--nps", "9"], ["refresh"]] {
            let run = try loyal(command + ["--db", db])
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertEqual(run.stderr, "Error: \(db) is read-only; nothing was changed\n", "\(command)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
    }

    func testADatabaseWithAnUnknownMigrationIsRefusedUntouched() throws {
        let db = try smallDemo(customers: 5)
        try sqlite(db, "INSERT INTO grdb_migrations VALUES ('v9-newer-loyal')")
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for command in [["accounts"], ["refresh"]] {
            let run = try loyal(command + ["--db", db])
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertTrue(run.stderr.contains("unknown migration v9-newer-loyal"), run.stderr)
            XCTAssertEqual(run.stderr.components(separatedBy: "\n").count, 2, "one line: \(run.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
        XCTAssertFalse(exists(db + "-wal"))
        XCTAssertFalse(exists(db + "-shm"))
    }

    func testBusyTimeoutIsCheckedAtTheEdge() throws {
        let db = try smallDemo(customers: 3)
        let bad = try loyal(["accounts", "--db", db, "--busy-timeout", "-1"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("--busy-timeout"), bad.stderr)
        let env = try loyal(["accounts", "--db", db], env: ["LOYAL_BUSY_TIMEOUT": "soon"])
        XCTAssertEqual(env.status, 64, env.stderr)
        XCTAssertTrue(env.stderr.contains("LOYAL_BUSY_TIMEOUT"), env.stderr)
        XCTAssertEqual(try loyal(["accounts", "--db", db, "--busy-timeout", "0.5"]).status, 0)
    }
}
