import Foundation
import LoyalTerminal

/// Buffered output to standard output or to `-o PATH` (see `OutputFile` for how a path is
/// written). Everything the CLI prints goes through here or `Console`, so the two rules hold
/// for every command: text that reaches a terminal is sanitised, and a write error ends the
/// command with one line instead of a trap.
final class OutputSink {
    private let channel: OutputChannel
    private let file: OutputFile?
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        if let path, path != "-" {
            let file = try OutputFile(path: path)
            self.file = file
            channel = OutputChannel(fd: file.fd, name: path)
        } else {
            file = nil
            channel = .standardOutput
        }
    }

    func write(_ s: String) throws {
        buffer.append(contentsOf: channel.shown(s).utf8)
        if buffer.count > 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try channel.write(buffer)
    }

    /// Writes what is buffered; a file written through a temporary file gets its real name now.
    func finish() throws {
        try flush()
        try file?.commit()
    }

    /// After an error: a temporary file is removed, the real file stays as it was.
    func abandon() {
        file?.discard()
    }
}

/// One line (or text) to standard output, e.g. a command's summary.
func printLine(_ s: String, terminator: String = "\n") throws {
    try OutputChannel.standardOutput.write(Array(OutputChannel.standardOutput.shown(s + terminator).utf8))
}

enum Console {
    /// A message on standard error. A failing stderr has nowhere to be reported, so it is ignored.
    static func error(_ s: String) {
        let channel = OutputChannel.standardError
        try? channel.write(Array(channel.shown(s + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { OutputChannel.standardError.isTerminal }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
struct ProgressBar {
    let label: String
    private var lastPercent = -1

    init(label: String) { self.label = label }

    mutating func update(_ done: Int, _ total: Int, unit: String = "") {
        guard Console.stderrIsTerminal, total > 0 else { return }
        let percent = Int(Double(done) / Double(total) * 100)
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30, filled = width * percent / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let count = unit.isEmpty ? "" : "  \(done)/\(total) \(unit)"
        // Written raw: the bar's own "erase to end of line" must reach the terminal; it holds no data.
        try? OutputChannel.standardError.write(Array("\r\(label) \(bar) \(percent)%\(count)\u{1B}[K".utf8))
        if done >= total { try? OutputChannel.standardError.write(Array("\n".utf8)) }
    }
}

/// Plain-text tables for the terminal: every cell sanitised, widths by display columns.
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let clean = rows.map { $0.map(Sanitizer.clean) }
        var widths = header.map { TextWidth.columns(of: $0) }
        for row in clean { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.columns(of: cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                TextWidth.pad(c, to: widths[i], alignment: rightAligned.contains(i) ? .right : .left)
            }.joined(separator: "  ").replacing(#/\s+$/#, with: "")
        }
        return ([line(header)] + clean.map(line)).joined(separator: "\n") + "\n"
    }
}
