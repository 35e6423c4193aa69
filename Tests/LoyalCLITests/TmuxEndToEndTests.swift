import Foundation
import XCTest

/// A real terminal walk: `loyal` under tmux on a private socket, driven with
/// send-keys and read back with capture-pane.
final class TmuxEndToEndTests: CLITestCase {
    private var socket = ""
    private var tmux: String?

    override func setUpWithError() throws {
        try super.setUpWithError()
        tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
                .map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard tmux != nil else { throw XCTSkip("tmux is not installed") }
        socket = "loyal-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    override func tearDownWithError() throws {
        if tmux != nil, !socket.isEmpty { _ = try? run(["kill-server"]) }
        try super.tearDownWithError()
    }

    /// Runs `tmux -L SOCKET ARGS…` and returns its standard output.
    ///
    /// Spawned and reaped by hand: Foundation's Process notices a child's end only when
    /// every process holding its monitoring socket has gone, and the tmux server that
    /// new-session starts inherits that socket, so waitUntilExit would wait for the server.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var env = environment()
        env["TMUX"] = nil
        env["TERM"] = "xterm-256color"
        let outPath = home.appendingPathComponent(".tmux-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of the test process may live on in the tmux server (a pipe to
        // `swift test` would keep it waiting for the server to end).
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 && fcntl(fd, F_GETFD) >= 0 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        let argv = ([tmux!, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux!, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
    }

    private func capture() throws -> [String] {
        try run(["capture-pane", "-p", "-t", "loyal"]).components(separatedBy: "\n")
    }

    /// Polls the pane until `condition` holds (10 s at most); returns the last capture.
    @discardableResult
    private func waitFor(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                         _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(10)
        var lines = try capture()
        while !condition(lines) {
            guard Date() < deadline else {
                XCTFail("timed out waiting for \(what); the pane shows:\n\(lines.joined(separator: "\n"))", file: file, line: line)
                return lines
            }
            usleep(50_000)
            lines = try capture()
        }
        return lines
    }

    private func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    func testOpenFilterDetailAndQuitRestoresTheTerminal() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("e2e.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", "300", "--seed", "7", "--as-of", "2026-11-23"])
        XCTAssertEqual(demo.status, 0, demo.stderr)

        // LANG and LC_* unset: Loyal must fall back to a UTF-8 locale by itself.
        let command = "env -u LANG -u LC_ALL -u LC_CTYPE -u LC_MESSAGES TERM=xterm-256color LOYAL_TODAY=2026-11-23 "
            + "HOME=\(shellQuote(home.path)) \(shellQuote(binary.path)) --db \(shellQuote(db)); echo LOYAL-EXITED; sleep 5"
        try run(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", command])

        var lines = try waitFor("the first frame") { lines in
            lines.contains { $0.contains("Accounts · all classes") } && lines.contains { $0.hasPrefix(" 300 accounts") }
        }
        XCTAssertTrue(lines[1].contains("by rev 12m ▼"), "UTF-8 output without LANG: \(lines[1])")
        XCTAssertTrue(lines[1].hasSuffix("1 of 300"), lines[1])
        XCTAssertTrue(lines.joined().contains { "äöüÄÖÜß".contains($0) }, "umlauts in names show as umlauts")

        try run(["send-keys", "-t", "loyal", "a"])
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

        try run(["send-keys", "-t", "loyal", "Enter"])
        lines = try waitFor("the account's detail") { lines in lines.contains { $0.hasPrefix(" Summary") } }
        XCTAssertTrue(lines[1].hasPrefix(" \(number) · "), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("Summary"), lines[1])

        try run(["send-keys", "-t", "loyal", "q"])
        lines = try waitFor("Loyal to exit") { lines in lines.contains { $0.contains("LOYAL-EXITED") } }
        XCTAssertFalse(lines.contains { $0.contains("Accounts ·") }, "the normal screen is back:\n\(lines.joined(separator: "\n"))")
        let modes = try run(["display", "-p", "-t", "loyal", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(modes.trimmingCharacters(in: .whitespacesAndNewlines), "0 1", "alternate screen off, cursor visible")
    }
}
