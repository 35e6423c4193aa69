import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

extension CampaignChannel: ExpressibleByArgument {}

/// `loyal campaign list|export`: newsletters and mailings are campaigns, not rep tasks. The
/// recipients are the customers the plan has a newsletter (or mailing) due for, with consent.
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: Text.tr("cli.campaign_abstract"),
        subcommands: [List.self, Export.self])

    struct Selection: ParsableArguments {
        @Option(help: "newsletter or mail.") var channel: CampaignChannel = .newsletter
        @Option(help: "Only this rep's customers.") var rep: String?
        @Option(help: "Entries due up to this many days ahead (1 to \(Limits.days.upperBound)).") var days = 91

        func validate() throws { try Limits.check(days, in: Limits.days, option: "--days") }

        func recipients(_ global: GlobalOptions) throws -> [CampaignRecipient] {
            let today = try global.todayDay()
            return try global.openStore(.read).campaign(channel, until: today.adding(days: days - 1), repCode: rep)
        }
    }

    static let header = ["number", "name", "contact", "email", "street", "postal_code", "city", "consent_date"]

    static func csv(_ rows: [CampaignRecipient], to sink: OutputSink) throws {
        try sink.write(CSVWriter.line(header.map { ($0, true) }))
        for r in rows {
            try sink.write(CSVWriter.line([(r.customerNumber, true), (r.name, true), (r.contact, true), (r.email, true),
                                           (r.street, true), (r.postalCode, true), (r.city, true),
                                           (r.consentOn?.iso ?? "", false)]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.campaign_list_abstract"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Selection
        @Option(help: "table, csv or json.") var format: ListFormat = .table

        func run() throws {
            let rows = try selection.recipients(global)
            let style = try global.settings().display.dateStyle
            let sink = try OutputSink(path: nil)
            switch format {
            case .table:
                try sink.write(TextTable.render(header: ["NUMBER", "NAME", "CONTACT", selection.channel == .newsletter ? "E-MAIL" : "ADDRESS", "CONSENT"],
                                                rows: rows.map { r in
                    [r.customerNumber, r.name, r.contact,
                     selection.channel == .newsletter ? r.email : "\(r.street), \(r.postalCode) \(r.city)",
                     r.consentOn.map(style.format) ?? ""]
                }))
                try sink.write("\(rows.count) recipient\(rows.count == 1 ? "" : "s") of the \(selection.channel.rawValue)\n")
            case .csv: try CampaignCommand.csv(rows, to: sink)
            case .json:
                try sink.write("[" + rows.map { r in
                    "\n{" + [("number", r.customerNumber), ("name", r.name), ("contact", r.contact), ("email", r.email),
                             ("street", r.street), ("postal_code", r.postalCode), ("city", r.city)]
                        .map { "\"\($0.0)\":\(JSONText.string($0.1))" }.joined(separator: ",")
                        + ",\"consent_date\":\(r.consentOn.map { JSONText.string($0.iso) } ?? "null")}"
                }.joined(separator: ",") + "\n]\n")
            }
            try sink.finish()
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.campaign_export_abstract"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Selection
        @Option(name: [.customShort("o"), .long], help: "The CSV file to write (- for standard output).") var output: String

        func run() throws {
            let rows = try selection.recipients(global)
            let sink = try OutputSink(path: output)
            try CampaignCommand.csv(rows, to: sink)
            try sink.finish()
            if output != "-" { Console.error("\(output): \(rows.count) recipients of the \(selection.channel.rawValue)") }
        }
    }
}
