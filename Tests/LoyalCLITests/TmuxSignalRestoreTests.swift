import Foundation
import XCTest

/// However Loyal ends — Ctrl-C, `kill` (SIGTERM), a dropped SSH link (SIGHUP) or a
/// crash signal — the shell gets its terminal back: normal screen, cursor visible.
final class TmuxSignalRestoreTests: TmuxTestCase {
    private enum Ending { case key(String), signal(Int32) }

    private func endLoyal(_ ending: Ending, expectedStatus: Int32) throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("signals.db").path
        if !FileManager.default.fileExists(atPath: db) {
            let demo = try loyal(["demo", "--db", db, "--customers", "50", "--seed", "3", "--as-of", "2026-11-23"])
            XCTAssertEqual(demo.status, 0, demo.stderr)
        }
        let script = "\"$0\" --db \"$1\"; echo \"LOYAL-EXITED $?\"; sleep 30"
        let command = "env TERM=xterm-256color LOYAL_TODAY=2026-11-23 LANG=C.UTF-8 LC_TIME=de_DE.UTF-8 LC_MONETARY=de_DE.UTF-8 HOME=\(shellQuote(home.path)) "
            + "sh -c \(shellQuote(script)) \(shellQuote(binary.path)) \(shellQuote(db))"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", command])
        try waitFor("the accounts list") { lines in lines.contains { $0.contains("Accounts · all classes") } }
        // The help overlay open, so more than the list is on the screen when the end comes.
        try tmuxRun(["send-keys", "-t", "loyal", "?"])
        try waitFor("the help") { lines in lines.contains { $0.contains("Esc closes") } }

        switch ending {
        case .key(let key): try tmuxRun(["send-keys", "-t", "loyal", key])
        case .signal(let signal): XCTAssertEqual(kill(try loyalPID(), signal), 0)
        }
        let lines = try waitFor("Loyal to end") { lines in lines.contains { $0.contains("LOYAL-EXITED") } }
        XCTAssertTrue(lines.contains { $0.contains("LOYAL-EXITED \(expectedStatus)") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains("Accounts ·") }, "the normal screen is back:\n\(lines.joined(separator: "\n"))")
        let modes = try tmuxRun(["display", "-p", "-t", "loyal", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "0 1", "alternate screen off, cursor visible")
        try tmuxRun(["kill-session", "-t", "loyal"])
    }

    func testCtrlCQuits() throws { try endLoyal(.key("C-c"), expectedStatus: 0) }

    /// The signal is raised again after the terminal is restored, so the status tells how it ended.
    func testSIGTERM() throws { try endLoyal(.signal(SIGTERM), expectedStatus: 128 + SIGTERM) }

    func testSIGHUP() throws { try endLoyal(.signal(SIGHUP), expectedStatus: 128 + SIGHUP) }

    /// A crash signal sent from outside ends Loyal too (the runtime's crash report alone would let it run on).
    func testKillSEGVFromOutside() throws { try endLoyal(.signal(SIGSEGV), expectedStatus: 128 + SIGSEGV) }

    func testKillABRTFromOutside() throws { try endLoyal(.signal(SIGABRT), expectedStatus: 128 + SIGABRT) }
}

/// Ctrl-Z in a job-control shell: the shell gets a sane terminal while Loyal is
/// stopped, and `fg` brings Loyal back with its screen repainted.
final class TmuxSuspendTests: TmuxTestCase {
    func testCtrlZSuspendsAndFgResumes() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("suspend.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", "50", "--seed", "3", "--as-of", "2026-11-23"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let shell = "env -i TERM=xterm-256color LOYAL_TODAY=2026-11-23 LANG=C.UTF-8 LC_TIME=de_DE.UTF-8 LC_MONETARY=de_DE.UTF-8 HOME=\(shellQuote(home.path)) "
            + "PATH=/usr/bin:/bin PS1='READY$ ' bash --norc --noprofile -i"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", shell])
        try waitFor("the shell") { lines in lines.contains { $0.hasPrefix("READY$") } }
        try tmuxRun(["send-keys", "-t", "loyal", "-l", "--", "\(shellQuote(binary.path)) --db \(shellQuote(db))"])
        try tmuxRun(["send-keys", "-t", "loyal", "Enter"])
        try waitFor("the accounts list") { lines in lines.contains { $0.contains("Accounts · all classes") } }

        try tmuxRun(["send-keys", "-t", "loyal", "C-z"])
        var lines = try waitFor("the shell's prompt after Ctrl-Z") { lines in
            lines.contains { $0.contains("Stopped") } && lines.last { !$0.isEmpty }?.hasPrefix("READY$") == true
        }
        XCTAssertFalse(lines.contains { $0.contains("Accounts ·") }, lines.joined(separator: "\n"))
        var modes = try tmuxRun(["display", "-p", "-t", "loyal", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "0 1", "the shell has a normal screen")

        try tmuxRun(["send-keys", "-t", "loyal", "-l", "--", "fg"])
        try tmuxRun(["send-keys", "-t", "loyal", "Enter"])
        lines = try waitFor("Loyal repainted after fg") { lines in
            lines.contains { $0.contains("Accounts · all classes") } && lines.contains { $0.hasPrefix(" 50 accounts") }
        }
        try tmuxRun(["send-keys", "-t", "loyal", "j", "q"])
        lines = try waitFor("the prompt after quitting") { lines in
            !lines.contains { $0.contains("Accounts ·") } && lines.last { !$0.isEmpty }?.hasPrefix("READY$") == true
        }
        modes = try tmuxRun(["display", "-p", "-t", "loyal", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "0 1")
    }
}
