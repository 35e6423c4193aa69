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

    /// The CSV a mail-merge or a newsletter tool reads: `CampaignFields`, as `list --format csv` writes it.
    static func csv(_ rows: [CampaignRecipient], channel: CampaignChannel, to sink: OutputSink) throws {
        var writer = try OutputWriter(CampaignFields.output(channel), format: .csv, sink: sink, display: DisplaySettings())
        try writer.write(all: rows)
        try writer.finish()
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.campaign_list_abstract"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Selection
        @Option(help: "table, csv or json.") var format: ListFormat = .table

        func run() throws {
            let rows = try selection.recipients(global)
            var writer = try OutputWriter(CampaignFields.output(selection.channel), format: format,
                                          sink: try OutputSink(path: nil), display: try global.settings().display)
            try writer.write(all: rows)
            try writer.finish(footer: "\(rows.count) recipient\(rows.count == 1 ? "" : "s") of the \(selection.channel.rawValue)\n")
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
            try CampaignCommand.csv(rows, channel: selection.channel, to: sink)
            if output != "-" { Console.error("\(output): \(rows.count) recipients of the \(selection.channel.rawValue)") }
        }
    }
}
