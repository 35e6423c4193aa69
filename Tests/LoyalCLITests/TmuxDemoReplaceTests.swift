import Foundation
import XCTest

/// `demo --replace` does not delete a database an open interface is using (issue 11, files).
final class TmuxDemoReplaceTests: TmuxTestCase {
    func testDemoReplaceRefusesADatabaseTheInterfaceHasOpen() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("in-use.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", "40", "--seed", "3"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let command = "TERM=xterm-256color LOYAL_TODAY=2026-11-23 HOME=\(shellQuote(home.path)) "
            + "\(shellQuote(binary.path)) --db \(shellQuote(db)); echo LOYAL-EXITED; sleep 5"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", command])
        _ = try waitFor("the accounts list") { lines in lines.contains { $0.hasPrefix(" 40 accounts") } }

        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let replace = try loyal(["demo", "--db", db, "--customers", "5", "--replace"])
        XCTAssertEqual(replace.status, 1)
        XCTAssertEqual(replace.stderr, "Error: \(db) is in use by another Loyal\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "the database is still there, unchanged")

        try tmuxRun(["send-keys", "-t", "loyal", "q"])
        _ = try waitFor("the interface to end") { lines in lines.contains { $0.contains("LOYAL-EXITED") } }
        let again = try loyal(["demo", "--db", db, "--customers", "5", "--replace"])
        XCTAssertEqual(again.status, 0, "closed, the file may be replaced: \(again.stderr)")
        XCTAssertTrue(again.stdout.contains("5 customers"), again.stdout)
    }
}
