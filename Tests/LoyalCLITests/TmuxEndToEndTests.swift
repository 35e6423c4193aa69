import Foundation
import XCTest

/// A real terminal walk: `loyal` under tmux on a private socket, driven with
/// send-keys and read back with capture-pane.
final class TmuxEndToEndTests: TmuxTestCase {
    func testOpenFilterDetailAndQuitRestoresTheTerminal() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("e2e.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", "300", "--seed", "7", "--as-of", "2026-11-23"])
        XCTAssertEqual(demo.status, 0, demo.stderr)

        // LANG and LC_* unset: Loyal must fall back to a UTF-8 locale by itself.
        let command = "env -u LANG -u LC_ALL -u LC_CTYPE -u LC_MESSAGES TERM=xterm-256color LOYAL_TODAY=2026-11-23 "
            + "HOME=\(shellQuote(home.path)) \(shellQuote(binary.path)) --db \(shellQuote(db)); echo LOYAL-EXITED; sleep 5"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", command])

        var lines = try waitFor("the first frame") { lines in
            lines.contains { $0.contains("Accounts · all classes") } && lines.contains { $0.hasPrefix(" 300 accounts") }
        }
        XCTAssertTrue(lines[1].contains("by rev 12m ▼"), "UTF-8 output without LANG: \(lines[1])")
        XCTAssertTrue(lines[1].hasSuffix("1 of 300"), lines[1])
        XCTAssertTrue(lines.joined().contains { "äöüÄÖÜß".contains($0) }, "umlauts in names show as umlauts")

        try tmuxRun(["send-keys", "-t", "loyal", "a"])
        lines = try waitFor("class A") { lines in
            lines[1].contains("class A") && lines.contains { $0.range(of: #"^ \d+ accounts"#, options: .regularExpression) != nil }
        }
        let header = lines[2]
        let classColumn = try XCTUnwrap(header.range(of: " Cl ")).lowerBound
        let col = header.distance(from: header.startIndex, to: classColumn) + 1
        let rows = lines[3...].prefix { !$0.hasPrefix(" ") && !$0.isEmpty }
        XCTAssertGreaterThan(rows.count, 5, lines.joined(separator: "\n"))
        for row in rows {
            let chars = Array(row)
            XCTAssertTrue(chars.count > col && chars[col] == "A", "not class A: \(row)")
        }
        let count = try XCTUnwrap(Int(lines.first { $0.hasSuffix("€") || $0.contains(" accounts · ") }!
            .split(separator: " ").first ?? ""))
        XCTAssertLessThan(count, 300)
        XCTAssertTrue(lines[1].contains("1 of \(count)"), lines[1])
        let number = String(rows.first!.split(separator: " ").first!)

        try tmuxRun(["send-keys", "-t", "loyal", "Enter"])
        lines = try waitFor("the account's detail") { lines in lines.contains { $0.hasPrefix(" Summary") } }
        XCTAssertTrue(lines[1].hasPrefix(" \(number) · "), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("Summary"), lines[1])

        try tmuxRun(["send-keys", "-t", "loyal", "q"])
        lines = try waitFor("Loyal to exit") { lines in lines.contains { $0.contains("LOYAL-EXITED") } }
        XCTAssertFalse(lines.contains { $0.contains("Accounts ·") }, "the normal screen is back:\n\(lines.joined(separator: "\n"))")
        let modes = try tmuxRun(["display", "-p", "-t", "loyal", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "0 1", "alternate screen off, cursor visible")
    }
}
