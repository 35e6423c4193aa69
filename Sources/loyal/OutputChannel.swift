import Foundation
import LoyalTerminal

/// A write that failed: `cannot write standard output: No space left on device`.
/// `Loyal.main` prints it as one line and exits 1; a closed pipe on standard output
/// (`loyal export purchases | head -1`) ends the command quietly instead.
struct OutputError: Error, CustomStringConvertible {
    var target: String
    var code: Int32

    var description: String { "cannot write \(target): \(String(cString: strerror(code)))" }
    var isClosedStandardOutput: Bool { code == EPIPE && target == OutputChannel.standardOutput.name }
}

/// An open file descriptor written with write(2): every byte or a thrown `OutputError`.
/// (FileHandle.write traps on ENOSPC, and print() loses errors in stdio's buffer.)
struct OutputChannel: Sendable {
    let fd: Int32
    let name: String
    /// Decided once per descriptor: a terminal gets sanitised text, a file or pipe the data as it is.
    let isTerminal: Bool

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
        isTerminal = isatty(fd) != 0
    }

    static let standardOutput = OutputChannel(fd: STDOUT_FILENO, name: "standard output")
    static let standardError = OutputChannel(fd: STDERR_FILENO, name: "standard error")

    /// `s` as it may be written here: for a terminal with the TUI's stand-ins for every control
    /// and formatting character (ESC shows as ^[), so data cannot set the clipboard or the
    /// title; for a file or a pipe unchanged, so an export stays faithful.
    func shown(_ s: String) -> String { isTerminal ? TerminalText.safe(s) : s }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        var error: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                error = n < 0 ? errno : EIO
                return
            }
        }
        if error != 0 { throw OutputError(target: name, code: error) }
    }
}
