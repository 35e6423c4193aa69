import Foundation
import LoyalTerminal

/// Buffered output to stdout or to a file written atomically (temporary file, then
/// rename), so an interrupted export never leaves half a file under the real name.
final class OutputSink {
    private let handle: FileHandle
    private let finalPath: String?
    private let tempPath: String?
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        if let path, path != "-" {
            let temp = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temp, contents: nil) else {
                throw CLIError("cannot write \(path)")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp))
            finalPath = path; tempPath = temp
        } else {
            handle = FileHandle.standardOutput
            finalPath = nil; tempPath = nil
        }
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    func flush() {
        if !buffer.isEmpty { handle.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
    }

    func finish() throws {
        flush()
        if let tempPath, let finalPath {
            try handle.close()
            if rename(tempPath, finalPath) != 0 {
                throw CLIError("cannot write \(finalPath): \(String(cString: strerror(errno)))")
            }
        }
    }

    func abandon() {
        if let tempPath { try? handle.close(); unlink(tempPath) }
    }
}

enum Console {
    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
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
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%\(count)\u{1B}[K".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
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
