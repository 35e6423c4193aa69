import Foundation
import XCTest

/// Days within 1900-01-01…2200-12-31 and numbers within sane bounds, refused at the edge
/// with a clear message and exit 64 (these trapped with exit 132 or stored nonsense).
final class CLIOptionBoundsTests: CLITestCase {
    private let range = "is outside the days Loyal accepts (1900-01-01 to 2200-12-31)"

    private func assertRefused(_ arguments: [String], _ message: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try loyal(arguments)
        XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)", file: file, line: line)
        XCTAssertFalse(run.stderr.contains("Fatal error"), run.stderr, file: file, line: line)
    }

    func testDaysOutsideTheRangeAndHugeCountsAreRefused() throws {
        let db = try smallDemo()
        try assertRefused(["agenda", "--db", db, "--days", "9223372036854775807"], "--days must be from 1 to 3660")
        try assertRefused(["agenda", "--db", db, "--days", "0"], "--days must be from 1 to 3660")
        try assertRefused(["refresh", "--db", db, "--as-of", "9999-09-01"], "--as-of \"9999-09-01\" \(range)")
        try assertRefused(["refresh", "--db", db, "--as-of", "0001-01-01"], "--as-of \"0001-01-01\" \(range)")
        try assertRefused(["report", "value", "--db", db, "--as-of", "31.12.9999"], "--as-of \"31.12.9999\" \(range)")
        try assertRefused(["accounts", "--db", db, "--limit", "99999999999"], "--limit must be from 0 to 10000000")
        try assertRefused(["report", "risk", "--db", db, "--limit=-5"], "--limit must be from 0 to 10000000")
        try assertRefused(["report", "value", "--db", db, "--predict", "nan"], "--predict must be more than 0")
        try assertRefused(["import", "customers", "x.csv", "--db", db, "--max-errors", "0"], "--max-errors must be from 1 to 100000")
        try assertRefused(["export", "calendar", "--db", db, "--format", "ics", "--to", "+99999999999999999999"], "--to \"+99999999999999999999\" \(range)")
    }

    func testFeedbackDaysAreRefusedAndNothingIsStored() throws {
        let db = try smallDemo()
        let customer = try XCTUnwrap(try loyal(["accounts", "--db", db, "--format", "csv", "--limit", "1"])
            .stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        let before = try loyal(["export", "interactions", "--db", db]).stdout
        try assertRefused(["feedback", "add", "--db", db, "--customer", customer, "--follow-up", "+9223372036854775807"],
                          "--follow-up \"+9223372036854775807\" \(range)")
        try assertRefused(["feedback", "add", "--db", db, "--customer", customer, "--date=-99999999"],
                          "--date \"-99999999\" \(range)")
        try assertRefused(["feedback", "add", "--db", db, "--customer", customer, "--date", "1.1.1899"],
                          "--date \"1.1.1899\" \(range)")
        XCTAssertEqual(try loyal(["export", "interactions", "--db", db]).stdout, before)
    }

    func testDemoRefusesADayBeforeCreatingAnything() throws {
        let db = home.appendingPathComponent("never.db").path
        try assertRefused(["demo", "--db", db, "--as-of", "0001-01-01"], "--as-of \"0001-01-01\" \(range)")
        try assertRefused(["demo", "--db", db, "--as-of", "1901-06-30", "--years", "3"], "would start the history before 1900-01-01")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"))
        let today = try loyal(["agenda", "--db", db], env: ["LOYAL_TODAY": "2201-01-01"])
        XCTAssertEqual(today.status, 64, today.stderr)
        XCTAssertTrue(today.stderr.contains("LOYAL_TODAY \"2201-01-01\" \(range)"), today.stderr)
    }

    func testAnImportedDayOutsideTheRangeIsALocatedProblem() throws {
        let db = try smallDemo()
        let before = try loyal(["export", "purchases", "--db", db]).stdout
        let customer = try XCTUnwrap(try loyal(["accounts", "--db", db, "--format", "csv", "--limit", "1"])
            .stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        _ = try write("customer,date,amount\n\(customer),2026-01-05,10.00\n\(customer),31.12.9999,5.00\n", to: "far.csv")
        let run = try loyal(["import", "purchases", "--db", db, "far.csv"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("far.csv:3: column \"date\": \"31.12.9999\""), run.stderr)
        XCTAssertEqual(try loyal(["export", "purchases", "--db", db]).stdout, before)
    }
}
