import Foundation
import XCTest

/// Output that cannot be written ends with one line and exit 1; a reader that goes away
/// (`| head`) ends the command quietly.
final class CLIWriteErrorTests: CLITestCase {
    func testAFullDiskEndsWithOneLineForEveryCommandThatPrints() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let db = try smallDemo()
        let commands: [[String]] = [
            ["export", "purchases", "--db", db],
            ["export", "calendar", "--db", db, "--format", "ics"],
            ["accounts", "--db", db],
            ["agenda", "--db", db, "--format", "json"],
            ["report", "risk", "--db", db, "--format", "csv"],
            ["report", "lost", "--db", db],
            ["report", "value", "--db", db, "--format", "csv"],
            ["refresh", "--db", db],
            ["config", "path"],
            ["config", "init", "--stdout"],
            ["keys"],
            ["import", "customers", "--columns"],
            ["--help"],
        ]
        for arguments in commands {
            let run = try loyal(arguments, stdoutTo: "/dev/full")
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr, "loyal: cannot write standard output: No space left on device\n", "\(arguments)")
        }
    }

    func testAClosedPipeEndsQuietly() throws {
        // Big enough (about 200 kB) that the export is still writing when `head` has gone.
        let db = try smallDemo(customers: 200, years: 2)
        for arguments in [["export", "purchases", "--db", db], ["export", "purchases", "--db", db, "--format", "json"]] {
            let run = try loyalIntoClosingPipe(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr, "", "\(arguments)")
        }
    }
}
