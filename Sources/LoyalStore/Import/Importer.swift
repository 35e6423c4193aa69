import GRDB
import LoyalCore

public struct ImportOptions: Sendable {
    public var dryRun = false
    public var createCustomers = false
    public var createProducts = false
    /// Import a file again although an identical one was imported before.
    public var again = false
    public var maxProblems = 50
    /// Import the good rows and hand back the bad ones (`ImportReport.rejects`) instead of
    /// importing nothing. A file whose structure is broken (an unclosed quote, a bad header)
    /// still imports nothing.
    public var skipBad = false
    /// Header → field key taken before any alias ("-" leaves a column out): a preset's map
    /// with `--map` on top.
    public var mapping: [String: String] = [:]
    public var today: Day

    public init(today: Day) { self.today = today }
}

public struct ImportReport: Sendable {
    public var entity: ImportEntity
    public var rows = 0
    public var inserted = 0
    public var updated = 0
    public var createdCustomers = 0
    public var createdProducts = 0
    public var createdReps: [String] = []
    public var ignoredColumns: [String] = []
    /// Lines of the records that were not UTF-8 and were read as Windows-1252.
    public var windows1252Lines: [Int] = []
    public var readAsWindows1252: Bool { !windows1252Lines.isEmpty }

    /// "lines 5, 9 read as Windows-1252 (not UTF-8)", nil when every record was UTF-8.
    /// Long lists stop after ten lines so the note stays one line.
    public var windows1252Summary: String? {
        guard !windows1252Lines.isEmpty else { return nil }
        let shown = windows1252Lines.prefix(10).map(String.init).joined(separator: ", ")
        let lines = windows1252Lines.count > 10 ? Text.tr("import_message.and_more", shown, windows1252Lines.count - 10) : shown
        return Text.tr(windows1252Lines.count == 1 ? "import_message.line_cp1252" : "import_message.lines_cp1252", lines)
    }
    public var dryRun = false
    /// With `skipBad`: the rows left out, with why, in file order, and the header they had.
    public var rejects: [ImportReject] = []
    public var headerFields: [String] = []
    /// How each header was read: (header, field key or nil when kept as extra).
    public var columnMap: [(header: String, field: String?)] = []
    /// Likely duplicates the import creates (customers and people it adds or changes).
    public var duplicates = ImportDuplicates()
}

/// A row `--skip-bad` left out: its line, every reason, and its fields as read.
public struct ImportReject: Sendable, Equatable {
    public var line: Int
    public var reasons: [String]
    public var fields: [String]

    public init(line: Int, reasons: [String], fields: [String]) {
        self.line = line; self.reasons = reasons; self.fields = fields
    }
}

/// Why nothing was imported: every problem found, up to the limit.
public struct ImportFailure: Error, Sendable {
    public var problems: [ImportProblem]
    public var truncated: Bool
}

extension Store {
    /// Imports a CSV file as one transaction: either every row lands, or nothing does.
    /// The file is read and checked before the write lock is taken, so the lock is held
    /// only while the checked rows are written; a dry run takes no write lock at all.
    public func importCSV(_ entity: ImportEntity, bytes: [UInt8], fileName: String, options: ImportOptions,
                          progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> ImportReport {
        try scope.require(.manager, to: Text.tr("store_error.may_import"))
        var report = ImportReport(entity: entity)
        report.dryRun = options.dryRun
        var session = ImportSession(entity: entity, options: options, report: report, fileName: fileName,
                                    hash: ContentHash.fnv1a(bytes))
        try session.check(bytes: bytes, reading: { load in try pool.read { db in try load(db) } }, progress: progress)
        if options.dryRun { return session.report }
        let checked = session
        return try pool.writeWithoutTransaction { db in
            // A retry after a busy lock starts again from the checked rows.
            var writing = checked
            try db.inTransaction {
                try writing.write(db)
                return .commit
            }
            return writing.report
        }
    }
}
