import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers, contacts, products or purchases from a CSV file, or contacts from vCard files, as one transaction.",
        discussion: "Header names map to fields; German and English names are accepted (see --columns). UTF-8 with or without BOM (Windows-1252 is detected), comma or semicolon, dates as YYYY-MM-DD or DD.MM.YYYY, amounts as 1234.56 or 1.234,56. Any bad row: nothing is written and every problem is listed as FILE:LINE: column \"…\": … . vCard files (.vcf, or starting with BEGIN:VCARD; 2.1, 3.0, 4.0) need no entity and may be several: `loyal import a.vcf b.vcf`.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What the file holds: customers, contacts, products, purchases or feedback (left out for vCard files).")
    var entityOrFile: String

    @Argument(help: "The CSV file, or one or more vCard files.")
    var files: [String] = []

    @Flag(help: "List the accepted column names and exit.")
    var columns = false

    @Flag(name: .customLong("dry-run"), help: "Check the file only; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("create-customers"), help: "Purchases: create a bare customer for an unknown customer number.")
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
        let entity: ImportEntity
        if let named = ImportEntity(rawValue: entityOrFile) {
            entity = named
            if !columns, named == .contacts, !files.isEmpty, try files.allSatisfy(VCardImportRun.isVCard) {
                return try VCardImportRun(global: global, files: files, dryRun: dryRun).run()
            }
        } else if try ([entityOrFile] + files).allSatisfy(VCardImportRun.isVCard) {
            return try VCardImportRun(global: global, files: [entityOrFile] + files, dryRun: dryRun).run()
        } else {
            throw ValidationError("\"\(entityOrFile)\" is neither what to import (\(ImportEntity.allCases.map(\.rawValue).joined(separator: ", "))) "
                                  + "nor a vCard file")
        }
        if columns {
            try printLine(entity.columnsMarkdown, terminator: "")
            return
        }
        guard let file = files.first else { throw ValidationError("missing the FILE to import") }
        guard files.count == 1 else { throw ValidationError("a CSV import reads one file; several files at once are for vCards") }
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
        let settings = try global.settings()
        let today = try global.todayDay()
        let store = try global.openStore(.create)
        var options = ImportOptions(today: today)
        options.dryRun = dryRun; options.createCustomers = createCustomers; options.createProducts = createProducts
        options.again = again; options.maxProblems = maxErrors
        var bar = ProgressBar(label: "import")
        let report: ImportReport
        do {
            report = try store.importCSV(entity, bytes: [UInt8](data), fileName: file, options: options) { done, total in
                if total > 4 << 20 { bar.update(done, total) }
            }
        } catch let failure as ImportFailure {
            for p in failure.problems { Console.error(Sanitizer.clean(p.located(in: file))) }
            let more = failure.truncated ? " (listing stopped after \(failure.problems.count); --max-errors raises the limit)" : ""
            Console.error("\(file): nothing was imported: \(failure.problems.count) problem\(failure.problems.count == 1 ? "" : "s")\(more)")
            throw ExitCode(1)
        }
        if let encoding = report.windows1252Summary { Console.error("\(file): \(encoding)") }
        if !report.ignoredColumns.isEmpty {
            Console.error("\(file): ignored columns: " + report.ignoredColumns.map { Sanitizer.clean($0) }.joined(separator: ", "))
        }
        var parts = ["\(report.rows) rows", "\(report.inserted) new", "\(report.updated) updated"]
        if entity == .purchases { parts = ["\(report.rows) rows", "\(report.inserted) written"] }
        if report.createdCustomers > 0 { parts.append("\(report.createdCustomers) customers created") }
        if report.createdProducts > 0 { parts.append("\(report.createdProducts) products created") }
        if !report.createdReps.isEmpty { parts.append("new reps: " + report.createdReps.map(Sanitizer.clean).joined(separator: ", ")) }
        if dryRun {
            try printLine("\(file): OK, \(report.rows) rows would be imported (dry run: nothing written)")
            return
        }
        try printLine("\(file): imported \(entity.rawValue): " + parts.joined(separator: ", "))
        let refreshed = try store.refreshAll(asOf: today, settings: settings)
        try printLine("refreshed \(refreshed.statistics.customers) customers as of \(today.iso): "
              + "\(refreshed.signals.atRisk) on the early-warning panel")
    }
}
