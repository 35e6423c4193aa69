import ArgumentParser
import LoyalCore
import Foundation
import LoyalStore

struct GDPRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdpr",
        abstract: Text.tr("cli.gdpr_abstract"),
        subcommands: [Export.self, Erase.self])

    /// Whose data: exactly one of --contact ID and --customer NUMBER.
    struct Subject: ParsableArguments {
        @Option(help: "A contact person, by id (as `loyal duplicates` and `loyal gdpr export --customer` show it).")
        var contact: Int64?
        @Option(help: "A customer, by number. A private customer is a person; a business customer's people are its contacts.")
        var customer: String?

        func validate() throws {
            if (contact == nil) == (customer == nil) {
                throw ValidationError("name one: --contact ID or --customer NUMBER")
            }
        }

        var subject: DataSubject { contact.map(DataSubject.contact) ?? .customer(customer!) }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text.tr("cli.gdpr_export_abstract"),
            discussion: """
                --contact ID: the person's record, the visits he attended with their feedback and complaints, his \
                calendar entries, audit entries, merge undos and drafts, and every text elsewhere that names him. \
                --customer NUMBER: the customer and everything of it and of its contact persons. New files are 0600.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var who: Subject
        @Option(help: "json (every field, for machines) or text (a readable report).") var format: Format = .json
        @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.") var output: String?

        func run() throws {
            let store = try global.openStore(.read)
            let export = try store.exportPersonalData(who.subject)
            let sink = try OutputSink(path: output)
            do {
                try sink.write(format == .json ? export.json() : GDPRText.report(export))
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
            if let output, output != "-" {
                let rows = export.tables.reduce(0) { $0 + $1.rows.count }
                Console.error("\(who.subject): \(rows) rows in \(export.tables.count) tables and "
                              + "\(export.mentions.count) mentions elsewhere written to \(output)")
            }
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text.tr("cli.gdpr_erase_abstract"),
            discussion: """
                Name, e-mail, phone, address, birthday, notes, the free text of visits he attended and of his \
                calendar entries, and lines naming him elsewhere are removed; the record keeps its id with the name \
                "erased DAY", so purchases, revenue and figures stay. Consent records stay (purpose, source, dates, \
                withdrawal). One transaction, in the audit; the file and its WAL keep no copy. A business \
                customer is not erased: erase its contact persons.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var who: Subject
        @Flag(help: "Erase. Without it, Loyal shows what would be erased and changes nothing.") var yes = false

        func run() throws {
            let today = try global.todayDay()
            guard yes else {
                let summary = try global.openStore(.read).previewErasure(who.subject, today: today)
                try printLine(GDPRText.preview(summary), terminator: "")
                return
            }
            let store = try global.openStore(.write)
            let summary = try store.erasePersonalData(who.subject, today: today,
                                                      actor: ProcessInfo.processInfo.environment["USER"] ?? "cli")
            try printLine(GDPRText.erased(summary))
            for warning in GDPRText.warnings(summary, path: store.path) { Console.error("warning: " + warning) }
        }
    }
}
