import ArgumentParser
import Foundation
import LoyalConfig
import LoyalCore
import LoyalStore
import LoyalTerminal

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Text.tr("cli.import_abstract"),
        discussion: "Header names map to fields; German and English names are accepted (see --columns). UTF-8 with or without BOM (Windows-1252 rows are detected), UTF-16 with BOM, comma, semicolon or tab, Excel's sep= line, dates as YYYY-MM-DD or DD.MM.YYYY (a time after them is allowed), amounts as 1234.56 or 1.234,56, countries as names or ISO codes. Any bad row: nothing is written and every problem is listed as FILE:LINE: column \"…\": … ; with --skip-bad the good rows are imported and the bad ones written to a file. vCard files (.vcf, or starting with BEGIN:VCARD; 2.1, 3.0, 4.0) need no entity and may be several: `loyal import a.vcf b.vcf`.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("What the file holds (customers, contacts, products, purchases, feedback), then the "
                                 + "file; or only the file, when its layout is one Loyal knows (see --preset).",
                                 valueName: "entity-or-file"))
    var first: String?

    @Argument(help: "The CSV file, or - for standard input; or more vCard files.")
    var rest: [String] = []

    /// The CSV file when the entity was named first.
    private var second: String? { rest.first }

    @Option(help: ArgumentHelp("Read the file as this CRM export layout: "
                               + ImportPreset.all.map(\.name).joined(separator: ", ") + " (detected from the header "
                               + "when not given)."))
    var preset: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Read a column as a field, e.g. --map \"Kd.-Nr.=number\"; "
                                                         + "\"Header=-\" keeps it as extra. Repeatable.", valueName: "Header=field"))
    var maps: [String] = []

    @Option(help: ArgumentHelp("Read the columns as a saved mapping says (see --save-mapping); --map goes on top.",
                               valueName: "FILE.toml"))
    var mapping: String?

    @Option(name: .customLong("save-mapping"), help: ArgumentHelp(
        "Save how the columns were read, to import the next export the same way with --mapping.", valueName: "FILE.toml"))
    var saveMapping: String?

    @Option(name: .customLong("skip-bad"), help: ArgumentHelp(
        "Import the good rows and write each bad row to this CSV file, with its line and the reason.",
        valueName: "REJECTS.csv"))
    var skipBad: String?

    @Flag(help: "List the accepted column names and exit.")
    var columns = false

    @Flag(name: .customLong("dry-run"), help: "Check the file only; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("create-customers"), help: ArgumentHelp("Purchases: create a bare customer for an unknown customer "
          + "number. Contacts: create the company a person names (by id or name) that no customer is."))
    var createCustomers = false

    @Flag(name: .customLong("create-products"), help: "Purchases: create a bare product for an unknown product number.")
    var createProducts = false

    @Flag(help: "Import a purchases or feedback file again although the same file was imported before.")
    var again = false

    @Option(name: .customLong("max-errors"), help: "Stop listing problems after this many (1 to \(Limits.problems.upperBound)).")
    var maxErrors = 50

    func validate() throws {
        try Limits.check(maxErrors, in: Limits.problems, option: "--max-errors")
    }

    func run() throws {
        // A first argument that names an entity is the entity; otherwise it is the file.
        let entityNamedFirst = first.flatMap(ImportEntity.init(rawValue:))
        let vcards = entityNamedFirst == nil ? (first.map { [$0] } ?? []) + rest : (entityNamedFirst == .contacts ? rest : [])
        if !columns, !vcards.isEmpty, try vcards.allSatisfy(VCardImportRun.isVCard) {
            return try VCardImportRun(global: global, files: vcards, dryRun: dryRun).run()
        }
        if rest.count > 1 { throw ValidationError(Text.tr("cli_error.import_one_file")) }
        let saved = try mapping.map { path in try ImportMappingFile.load(path: path) }
        var named = entityNamedFirst
        if named == nil, let e = saved?.entity {
            guard let entity = ImportEntity(rawValue: e) else { throw CLIError(Text.tr("import_check.bad_entity", mapping ?? "", e)) }
            if second == nil { named = entity }
        }
        if columns {
            guard let named else { throw ValidationError(Text.tr("cli_error.import_which_columns")) }
            try printLine(named.columnsMarkdown, terminator: "")
            return
        }
        guard let file = entityNamedFirst != nil ? second : first else { throw ValidationError(Text.tr("cli_error.import_no_file")) }
        if entityNamedFirst == nil, second != nil { throw ValidationError(Text.tr("cli_error.import_not_entity", first ?? "")) }
        let data = try ImportInput.read(file)
        let layout = try ImportLayout.resolve(bytes: [UInt8](data), preset: preset, maps: maps, entity: named,
                                              saved: saved?.columns ?? [:])
        var detected: ImportEntity?
        if case .entity(let e)? = layout.detection { detected = e }
        guard let entity = named ?? layout.preset?.entity ?? detected else {
            if case .ambiguous(let candidates)? = layout.detection {
                let names = candidates.map(\.rawValue)
                throw ValidationError(Text.tr("cli_error.import_ambiguous", file, names.joined(separator: "|"),
                                              names.dropLast().joined(separator: ", "), names.last!))
            }
            throw ValidationError(Text.tr("cli_error.import_unknown_layout", file))
        }
        if let p = layout.preset {
            Console.error(Text.tr("import_message.read_preset", file, p.title, p.name, ImportWords.entity(entity)))
        } else if detected != nil {
            Console.error(Text.tr("import_message.read_detected", file, ImportWords.entity(entity)))
        }
        let today = try global.todayDay()
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.create)
        let settings = try global.settings(mine, with: store)
        var options = ImportOptions(today: today)
        options.dryRun = dryRun; options.createCustomers = createCustomers; options.createProducts = createProducts
        options.again = again; options.maxProblems = maxErrors; options.skipBad = skipBad != nil
        options.mapping = layout.mapping
        var bar = ProgressBar(label: "import")
        let report: ImportReport
        do {
            report = try store.importCSV(entity, bytes: [UInt8](data), fileName: file, options: options) { done, total in
                if total > 4 << 20 { bar.update(done, total) }
            }
        } catch let failure as ImportFailure {
            for p in failure.problems { Console.error(Sanitizer.clean(p.located(in: file))) }
            let more = failure.truncated ? Text.tr("import_message.listing_stopped", failure.problems.count) : ""
            let count = failure.problems.count == 1 ? Text.tr("import_message.problem_one") : Text.tr("import_message.problems", failure.problems.count)
            Console.error(Text.tr("import_message.nothing_imported", file, count, more))
            throw ExitCode(1)
        }
        if let encoding = report.windows1252Summary { Console.error("\(file): \(encoding)") }
        if let skipBad { try RejectsFile.write(report, to: skipBad, file: file) }
        if !report.ignoredColumns.isEmpty {
            let kept = entity == .customers || entity == .contacts
            let columns = report.ignoredColumns.map { Sanitizer.clean($0) }.joined(separator: ", ")
            Console.error(Text.tr(kept ? "import_message.columns_kept" : "import_message.columns_ignored", file, columns))
        }
        var parts = [Text.tr("import_message.rows", report.rows), Text.tr("import_message.new", report.inserted),
                     Text.tr("import_message.updated", report.updated)]
        if entity == .purchases { parts = [Text.tr("import_message.rows", report.rows), Text.tr("import_message.written", report.inserted)] }
        if report.createdCustomers > 0 { parts.append(Text.tr("import_message.customers_created", report.createdCustomers)) }
        if report.createdProducts > 0 { parts.append(Text.tr("import_message.products_created", report.createdProducts)) }
        if !report.createdReps.isEmpty {
            parts.append(Text.tr("import_message.new_reps", report.createdReps.map(Sanitizer.clean).joined(separator: ", ")))
        }
        if let skipBad { parts.append(Text.tr("import_message.rejected", report.rejects.count, skipBad)) }
        if dryRun || layout.preset != nil || detected != nil || !maps.isEmpty || mapping != nil {
            Console.error(ImportLayout.describe(report.columnMap))
        }
        if let saveMapping {
            let columns = report.columnMap.filter { !$0.header.isEmpty }.map { (header: $0.header, field: $0.field ?? "-") }
            let sink = try OutputSink(path: saveMapping)
            try sink.write(ImportMappingFile.text(entity: entity.rawValue, columns: columns))
            try sink.finish()
            Console.error(Text.tr("import_message.mapping_saved", file, saveMapping))
        }
        if dryRun {
            try printLine(ImportLayout.firstRows(bytes: [UInt8](data), report: report), terminator: "")
            let good = report.rows - report.rejects.count
            let created = report.createdCustomers > 0 ? Text.tr("import_message.would_create", report.createdCustomers) : ""
            try printLine(Text.tr("import_message.dry_run_ok", file, good, created)
                          + (skipBad.map { "; " + Text.tr("import_message.rejected", report.rejects.count, $0) } ?? ""))
            ImportDuplicatesNote.print(report.duplicates, dryRun: true, file: file)
            return
        }
        try printLine(Text.tr("import_message.imported", file, ImportWords.entity(entity), parts.joined(separator: ", ")))
        ImportDuplicatesNote.print(report.duplicates, dryRun: false, file: file)
        let refreshed = try store.refreshAll(asOf: today, settings: settings)
        try printLine(Text.tr("import_message.refreshed", refreshed.statistics.customers, today.iso, refreshed.signals.atRisk))
    }
}

/// The words of import messages that name what a file holds, in the user's language.
enum ImportWords {
    static func entity(_ e: ImportEntity) -> String { Text.tr("import_message.entity_\(e.rawValue)") }
}
