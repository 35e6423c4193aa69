import Foundation
import XCTest

/// Real terminal walks: `loyal` under tmux on a private socket (only this test's
/// server is ever killed), driven with send-keys and read back with capture-pane.
class TmuxTestCase: CLITestCase {
    private(set) var socket = ""
    private var tmux: String?

    override func setUpWithError() throws {
        try super.setUpWithError()
        tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
                .map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard tmux != nil else { throw XCTSkip("tmux is not installed") }
        socket = "loyal-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    override func tearDownWithError() throws {
        if tmux != nil, !socket.isEmpty {
            _ = try? tmuxRun(["kill-server"])
            let dir = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            unlink("\(dir)/tmux-\(getuid())/\(socket)")
        }
        try super.tearDownWithError()
    }

    /// Runs `tmux -L SOCKET ARGS…` and returns its standard output.
    ///
    /// Spawned and reaped by hand: Foundation's Process notices a child's end only when
    /// every process holding its monitoring socket has gone, and the tmux server that
    /// new-session starts inherits that socket, so waitUntilExit would wait for the server.
    /// Nothing else of the test process may live on in the server either (a pipe to
    /// `swift test` would keep it waiting for the server to end).
    @discardableResult
    func tmuxRun(_ arguments: [String]) throws -> String {
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

    /// The loyal process running in the pane: the pane's shell's child named loyal.
    func loyalPID() throws -> pid_t {
        let shell = try XCTUnwrap(pid_t(try tmuxRun(["display", "-p", "-t", "loyal", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
            .split(separator: " ").compactMap { pid_t($0) }
        let named = children.filter {
            (try? String(contentsOfFile: "/proc/\($0)/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines) == "loyal"
        }
        XCTAssertEqual(named.count, 1, "one loyal under the pane's shell \(shell): \(children)")
        return try XCTUnwrap(named.first)
    }

    func capture() throws -> [String] {
        try tmuxRun(["capture-pane", "-p", "-t", "loyal"]).components(separatedBy: "\n")
    }

    /// Polls the pane until `condition` holds; returns the last capture.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 15, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var lines = try capture()
        while !condition(lines) {
            guard Date() < deadline else {
                XCTFail("timed out waiting for \(what); the pane shows:\n\(lines.joined(separator: "\n"))", file: file, line: line)
                throw XCTSkip("gave up waiting for \(what)")
            }
            usleep(50_000)
            lines = try capture()
        }
        return lines
    }

    func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
