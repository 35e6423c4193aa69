import Foundation
import XCTest

/// Live updates end to end (issue 18): with the interface open in tmux, a `loyal feedback
/// add` in another process shows on its screen within 2 seconds, without a key press.
final class TmuxLiveUpdateTests: TmuxTestCase {
    func testAnotherProcesssFeedbackShowsWithinTwoSeconds() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("live.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", "150", "--seed", "7", "--as-of", "2026-11-23"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let command = "TERM=xterm-256color LOYAL_TODAY=2026-11-23 HOME=\(shellQuote(home.path)) "
            + "\(shellQuote(binary.path)) --db \(shellQuote(db)); echo LOYAL-EXITED; sleep 5"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "110", "-y", "40", command])
        var lines = try waitFor("the first frame") { $0.contains { $0.contains("Accounts · all classes") } }
        let number = try XCTUnwrap(lines[3].split(separator: " ").first.map(String.init), lines.joined(separator: "\n"))

        // The account's interactions, on screen.
        try tmuxRun(["send-keys", "-t", "loyal", "Enter"])
        try waitFor("the account's detail") { $0.contains { $0.hasPrefix(" Summary") } }
        try tmuxRun(["send-keys", "-t", "loyal", "/", "Interactions and feedback", "Enter"])
        lines = try waitFor("the timeline") { $0.contains { $0.contains("Interactions and feedback") } }
        XCTAssertFalse(lines.joined().contains("Live aus der Ferne"))

        let added = try loyal(["feedback", "add", "--db", db, "--customer", number, "--nps", "9",
                               "--notes", "Live aus der Ferne"])
        XCTAssertEqual(added.status, 0, added.stderr)
        let written = Date()
        lines = try waitFor("the other process's visit", seconds: 10) { $0.contains { $0.contains("Live aus der Ferne") } }
        let seconds = Date().timeIntervalSince(written)
        XCTAssertLessThan(seconds, 2, "shown after \(seconds) s")
        print("live update shown \(Int(seconds * 1000)) ms after the other process's write")
        XCTAssertTrue(lines[1].hasPrefix(" \(number) · "), "still on the same account: \(lines[1])")

        try tmuxRun(["send-keys", "-t", "loyal", "q"])
        try waitFor("Loyal to exit") { $0.contains { $0.contains("LOYAL-EXITED") } }
    }
}
