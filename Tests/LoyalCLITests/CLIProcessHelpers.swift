import Foundation
import XCTest

/// Ways to run `loyal` other than into files: on a pseudo-terminal, into a pipe, into
/// /dev/full, through `| head`. For the output-safety and write-error tests.
extension CLITestCase {
    struct TerminalResult {
        var status: Int32
        /// Every byte the terminal received (stdout and stderr both go to it).
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Runs `loyal ARGS…` with stdout and stderr on a fresh pseudo-terminal, so isatty is true;
    /// stdin too with `input`, as for the interface.
    func loyalOnTerminal(_ arguments: [String], env extra: [String: String?] = [:], input: Bool = false) throws -> TerminalResult {
        let binary = try XCTUnwrap(Self.binary, "the loyal executable was not found; run `swift build` first")
        // posix_openpt & co. are not in Swift's Glibc module (they need _XOPEN_SOURCE); look them up.
        typealias IntCall = @convention(c) (Int32) -> Int32
        typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let handle = dlopen(nil, RTLD_NOW)
        guard let openSym = dlsym(handle, "posix_openpt"), let grantSym = dlsym(handle, "grantpt"),
              let unlockSym = dlsym(handle, "unlockpt"), let nameSym = dlsym(handle, "ptsname") else {
            throw XCTSkip("no pseudo-terminal functions")
        }
        let master = unsafeBitCast(openSym, to: IntCall.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, unsafeBitCast(grantSym, to: IntCall.self)(master) == 0,
              unsafeBitCast(unlockSym, to: IntCall.self)(master) == 0,
              let name = unsafeBitCast(nameSym, to: NameCall.self)(master) else {
            throw XCTSkip("no pseudo-terminal available")
        }
        defer { close(master) }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw XCTSkip("cannot open the pseudo-terminal's slave") }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = home
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardOutput = terminal
        process.standardError = terminal
        process.standardInput = input ? terminal : FileHandle.nullDevice
        // Read while the child writes: a full terminal buffer would block it.
        let collected = Collected()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, 100)
                if ready > 0 {
                    let n = read(master, &buffer, buffer.count)
                    if n <= 0 { break }
                    collected.append(buffer[..<n])
                } else if collected.finished {
                    break
                }
            }
            done.signal()
        }
        reader.start()
        try process.run()
        process.waitUntilExit()
        collected.finish()
        _ = done.wait(timeout: .now() + 10)
        close(slave)
        return TerminalResult(status: process.terminationStatus, bytes: collected.bytes)
    }

    /// Runs `loyal ARGS…` with stdout into a pipe the test reads; stderr into a file.
    func loyalThroughPipe(_ arguments: [String]) throws -> Result {
        let binary = try XCTUnwrap(Self.binary)
        let errURL = home.appendingPathComponent(".err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let pipe = Pipe()
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment()
        process.currentDirectoryURL = home
        process.standardOutput = pipe
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try pipe.fileHandleForWriting.close()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs `loyal ARGS…` with stdout opened on `path` (e.g. /dev/full); stderr is returned.
    func loyal(_ arguments: [String], stdoutTo path: String) throws -> Result {
        let binary = try XCTUnwrap(Self.binary)
        let errURL = home.appendingPathComponent(".err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let out = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment()
        process.currentDirectoryURL = home
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close(); try out.close()
        return Result(status: process.terminationStatus, stdout: "",
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// `{ loyal ARGS… 2>ERR; echo $? >STATUS; } | head -c 100`: the reader goes away early.
    func loyalIntoClosingPipe(_ arguments: [String]) throws -> Result {
        let binary = try XCTUnwrap(Self.binary)
        let status = home.appendingPathComponent(".status"), err = home.appendingPathComponent(".err-pipe")
        let script = "{ \"$0\" \"$@\" 2>'\(err.path)'; echo $? >'\(status.path)'; } | head -c 100 >/dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, binary.path] + arguments
        process.environment = environment()
        process.currentDirectoryURL = home
        try process.run()
        process.waitUntilExit()
        let code = try String(contentsOf: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return Result(status: try XCTUnwrap(Int32(code)), stdout: "",
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// A small demo database; returns its path.
    func smallDemo(customers: Int = 30, years: Int = 1) throws -> String {
        let db = home.appendingPathComponent("demo.db").path
        let demo = try loyal(["demo", "--db", db, "--customers", String(customers), "--years", String(years)])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        return db
    }

    /// Runs SQL on `db` with the sqlite3 shell: how a test plants text that imports and forms
    /// refuse (an escape code in a name) in a database written before they refused it.
    func sqlite(_ db: String, _ sql: String) throws {
        guard let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("the sqlite3 shell is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [db, sql]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "sqlite3 \(sql)")
    }
}

/// Bytes a reader thread collects, and whether the writer is done.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [UInt8] = []
    private var isFinished = false

    func append(_ bytes: ArraySlice<UInt8>) { lock.lock(); data += bytes; lock.unlock() }
    func finish() { lock.lock(); isFinished = true; lock.unlock() }
    var finished: Bool { lock.lock(); defer { lock.unlock() }; return isFinished }
    var bytes: [UInt8] { lock.lock(); defer { lock.unlock() }; return data }
}
