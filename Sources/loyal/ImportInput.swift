import Foundation
import LoyalCore
import LoyalStore

/// The bytes an import reads: a file, or standard input for "-" (a pipe from another tool).
enum ImportInput {
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(Text.tr("import_check.cannot_read", path)) }
        return data
    }
}

/// `--skip-bad FILE`: the rows left out, each with its line and why, then its fields as
/// they were read, so the file can be fixed and imported again.
enum RejectsFile {
    static func write(_ report: ImportReport, to path: String, file: String) throws {
        let sink = try OutputSink(path: path)
        do {
            try sink.write(CSVWriter.line([("line", false), ("reason", true)] + report.headerFields.map { ($0, true) }))
            for r in report.rejects {
                try sink.write(CSVWriter.line([(String(r.line), false), (r.reasons.joined(separator: "; "), true)]
                                              + r.fields.map { ($0, true) }))
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        if !report.rejects.isEmpty {
            Console.error(report.rejects.count == 1 ? Text.tr("import_check.rejected_one", file, path)
                                                     : Text.tr("import_check.rejected", file, report.rejects.count, path))
        }
    }
}
