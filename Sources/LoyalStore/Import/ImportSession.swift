import GRDB
import LoyalCore

/// A row that passed every check, waiting to be written.
/// Every row of a file is held until the write, and an enum is as large as its largest
/// case: a customer record (a few hundred bytes) inline would make each of a million
/// purchases as large (issue 17: 1 M purchases took over 1 GB). The large, rare cases
/// are boxed, so a purchase row takes only its own size.
enum PendingRow {
    indirect case customer(CustomerImportRecord, line: Int)
    indirect case contact(ContactImportRecord, line: Int, fields: Set<String>)
    indirect case product(ProductImportRecord, fields: Set<String>)
    case purchase(PurchaseImportRecord)
    indirect case feedback(FeedbackImportRecord, line: Int)
    indirect case absence(AbsenceImportRecord, line: Int)
}

/// One import in two passes. The first reads and checks the whole file without holding
/// any lock (the keys it checks against come from one short read), so another Loyal
/// keeps saving while a large file is parsed; the second writes the checked rows in one
/// short transaction, after checking the keys again (they may have changed meanwhile).
/// Every problem of the file is collected, so the user sees them all at once.
struct ImportSession {
    let entity: ImportEntity
    let options: ImportOptions
    var report: ImportReport
    let fileName: String
    let hash: String
    var problems: [ImportProblem] = []
    var truncated = false
    let now = Timestamp.now()
    var batchID: Int64 = 0
    var pending: [PendingRow] = []
    /// Customers whose purchases were written, for the next refresh.
    var touchedCustomers: Set<Int64> = []
    // Loaded once per pass; plain vars (not lazy) so updates stay in place.
    var customerIDs: [String: Int64] = [:]
    var productIDs: [String: Int64] = [:]
    var repIDs: [String: Int64] = [:]
    var seenKeys: [String: Int] = [:]
    /// People imports: the customer each person belongs to, and the customers to create.
    var link: CustomerLink?
    /// Customers and people imports: what is stored with the file laid over it, for the duplicates warning.
    var duplicates: ImportDuplicateCheck?

    init(entity: ImportEntity, options: ImportOptions, report: ImportReport, fileName: String, hash: String) {
        self.entity = entity; self.options = options; self.report = report
        self.fileName = fileName; self.hash = hash
    }

    var failing: Bool { !problems.isEmpty }

    mutating func add(_ problem: ImportProblem) {
        if problems.count < options.maxProblems { problems.append(problem) } else { truncated = true }
    }

    func failIfProblems() throws {
        if !problems.isEmpty { throw ImportFailure(problems: problems, truncated: truncated) }
    }

    // MARK: First pass: read and check, no lock held

    /// `reading`: one short read of what the file is checked against (and whether it was imported before).
    mutating func check(bytes: [UInt8], reading database: ((Database) throws -> Void) throws -> Void,
                        progress: (Int, Int) -> Void) throws {
        var reader = CSVReader(bytes: bytes)
        defer { report.windows1252Lines = reader.windows1252Lines }
        let first: CSVRecord?
        do { first = try reader.next() } catch {
            throw ImportFailure(problems: [Self.problem(error, header: nil)], truncated: false)
        }
        guard let headerRecord = first else {
            throw ImportFailure(problems: [ImportProblem(line: 1, message: Text.tr("import_message.empty"))], truncated: false)
        }
        let header: ImportHeader
        do {
            header = try ImportHeader(entity: entity, header: headerRecord,
                                      separator: Character(Unicode.Scalar(reader.separator)), mapping: options.mapping)
        } catch {
            throw ImportFailure(problems: [error], truncated: false)
        }
        report.ignoredColumns = header.ignored
        report.headerFields = headerRecord.fields
        let byIndex = Dictionary(header.columns.map { ($0.value, $0.key) }
                                 + header.moreColumns.flatMap { key, list in list.map { ($0, key) } },
                                 uniquingKeysWith: { a, _ in a })
        report.columnMap = headerRecord.fields.enumerated().map { ($0.element, byIndex[$0.offset]) }
        try database { db in
            try checkRepeat(db)
            try loadKeys(db)
            if entity == .contacts { link = try CustomerLink(db, numbers: customerIDs, prefix: "F") }
            if entity == .customers || entity == .contacts {
                let people = entity == .contacts || header.columns["first_name"] != nil || header.columns["last_name"] != nil
                duplicates = try ImportDuplicateCheck(db, people: people)
            }
        }
        var lastProgress = 0
        while true {
            let record: CSVRecord?
            // A broken record is reported and reading goes on (the reader has consumed
            // it), so one run lists every problem of the file.
            do { record = try reader.next() } catch {
                let problem = Self.problem(error, header: header)
                // An unclosed quote swallows the rest of the file: no row after it can be trusted.
                if options.skipBad && !error.isUnclosedQuote {
                    report.rows += 1
                    report.rejects.append(ImportReject(line: problem.line, reasons: [problem.message], fields: []))
                    continue
                }
                add(problem)
                if problems.count >= options.maxProblems && truncated { break }
                continue
            }
            guard let record else { break }
            report.rows += 1
            var row = ImportRow(record: record, header: header)
            switch entity {
            case .customers: checkCustomer(&row)
            case .contacts: checkContact(&row)
            case .products: checkProduct(&row)
            case .purchases: checkPurchase(&row)
            case .feedback: checkFeedback(&row)
            case .absences: checkAbsence(&row)
            }
            if problems.count >= options.maxProblems && truncated { break }
            if reader.bytesRead - lastProgress > 1 << 20 {
                lastProgress = reader.bytesRead
                progress(reader.bytesRead, reader.totalBytes)
            }
        }
        progress(reader.totalBytes, reader.totalBytes)
        try failIfProblems()
        report.createdCustomers = link?.planned.count ?? 0
        report.duplicates = duplicates?.found() ?? ImportDuplicates()
        duplicates = nil  // its copy of every customer is not needed while writing
        link = link.map { $0.onlyPlanned() }
    }

    // MARK: Second pass: write, in the caller's transaction

    mutating func write(_ db: Database) throws {
        report.inserted = 0; report.updated = 0; report.createdCustomers = 0; report.createdProducts = 0
        report.createdReps = []
        try checkRepeat(db)
        try loadKeys(db)
        // Bulk writes touch many index pages; a larger cache (this connection only) saves re-reading them.
        try db.execute(sql: "PRAGMA cache_size = -262144")
        try db.execute(sql: "INSERT INTO import_batch (entity, file_name, content_hash, rows, at) VALUES (?, ?, ?, 0, ?)",
                       arguments: [entity.rawValue, fileName, hash, now])
        batchID = db.lastInsertedRowID
        let purchaseUpsert = try db.makeStatement(sql: PurchaseImport.upsertSQL)
        // Purchases note their customers for the next refresh once each, not by a trigger per row.
        if entity == .purchases {
            try ChangeTracking.paused(db) { try writePending(db, purchaseUpsert: purchaseUpsert) }
            try ChangeTracking.mark(db, touchedCustomers)
            if report.createdProducts > 0 { try ChangeTracking.mark(db, [ChangeTracking.everyone]) }
        } else {
            try writePending(db, purchaseUpsert: purchaseUpsert)
        }
        try failIfProblems()
        try db.execute(sql: "UPDATE import_batch SET rows = ? WHERE id = ?", arguments: [report.rows, batchID])
        try Audit.record(db, actor: "import", entity: entity.rawValue, id: nil, action: "import",
                         detail: StoredText("audit_line.import", [.text(fileName), .int(report.rows), .int(report.inserted),
                                                           .int(report.updated)]).stored)
    }

    private mutating func writePending(_ db: Database, purchaseUpsert: Statement) throws {
        for row in pending {
            switch row {
            case let .customer(record, line): try writeCustomer(db, record, line: line)
            case let .contact(record, line, fields): try writeContact(db, record, line: line, fields: fields)
            case let .product(record, fields): try writeProduct(db, record, fields: fields)
            case let .purchase(record): try writePurchase(db, record, statement: purchaseUpsert)
            case let .feedback(record, line): try writeFeedback(db, record, line: line)
            case let .absence(record, line): try writeAbsence(db, record, line: line)
            }
        }
    }

    /// A reader error as the CLI prints it, the field named by its header when known.
    static func problem(_ error: CSVError, header: ImportHeader?) -> ImportProblem {
        guard let index = error.field else { return ImportProblem(line: error.line, message: error.message) }
        let name = header?.columns.first { $0.value == index }.map { header?.headerNames[$0.key] ?? $0.key }
        return ImportProblem(line: error.line, column: name ?? Text.tr("import_check.field_number", index + 1), message: error.message)
    }

    /// A purchases file imported twice would double the revenue, a feedback file every
    /// visit, complaint and follow-up; refuse unless asked.
    func checkRepeat(_ db: Database) throws {
        guard entity == .purchases || entity == .feedback, !options.again else { return }
        if let row = try Row.fetchOne(db, sql: """
            SELECT file_name, at, rows FROM import_batch WHERE entity = ? AND content_hash = ? ORDER BY id DESC LIMIT 1
            """, arguments: [entity.rawValue, hash]) {
            let at: String = row["at"]
            throw ImportFailure(problems: [ImportProblem(line: 1, message: Text.tr(
                "import_message.already_imported", String(at.prefix(10)), row["file_name"] as String, row["rows"] as Int,
                Text.tr(entity == .feedback ? "import_message.twice_visits" : "import_message.twice_purchases")))],
                truncated: false)
        }
    }

    mutating func loadKeys(_ db: Database) throws {
        func load(_ sql: String) throws -> [String: Int64] {
            var map: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() { map[row[0]] = row[1] }
            return map
        }
        customerIDs = try load("SELECT number, id FROM customer")
        productIDs = try load("SELECT sku, id FROM product")
        repIDs = try load("SELECT code, id FROM rep")
        if entity == .absences {
            // Rep codes match without regard to case, as on the command line.
            for (code, id) in repIDs { repIDs[code.uppercased()] = repIDs[code.uppercased()] ?? id }
        }
    }

    mutating func collect(_ row: ImportRow) -> Bool {
        if options.skipBad {
            guard row.problems.isEmpty else {
                report.rejects.append(ImportReject(
                    line: row.line, reasons: row.problems.map(\.reason),
                    fields: row.record.fields))
                return false
            }
            return true
        }
        for p in row.problems { add(p) }
        return row.problems.isEmpty && !failing
    }
}
