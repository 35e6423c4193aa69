import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

/// `loyal absence add|list|remove`: reps away (vacation, sickness, trade fairs). Nothing
/// is planned for a rep on a day he is away.
struct AbsenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absence",
        abstract: Text.tr("cli.absence_abstract"),
        subcommands: [Add.self, List.self, Remove.self])

    static var actor: String { ProcessInfo.processInfo.environment["USER"] ?? "cli" }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.absence_add_abstract"))
        @OptionGroup var global: GlobalOptions
        @Option(help: "The rep's code.") var rep: String
        @Option(help: "First day away (YYYY-MM-DD, DD.MM.YYYY, 12.3., +7 …).") var from: String
        @Option(help: "Last day away (default: the first).") var to: String?
        @Option(help: "Why (Urlaub, krank, Messe …).") var reason = ""

        func run() throws {
            let today = try global.todayDay()
            let first = try global.typedDay(from, option: "from", today: today, pastBias: false)!
            let last = try global.typedDay(to, option: "to", today: today, pastBias: false) ?? first
            let store = try global.openStore(.write)
            let id = try store.addAbsence(repCode: rep, from: first, to: last, reason: reason, actor: AbsenceCommand.actor)
            let style = try global.settings().display.dateStyle
            try printLine("absence \(id): \(rep.uppercased()) away \(style.format(first)) to \(style.format(last))"
                          + (reason.isEmpty ? "" : " (\(reason))"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.absence_list_abstract"))
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this rep's absences.") var rep: String?
        @Flag(help: "Also absences that are over.") var all = false
        @Option(help: "table, csv or json.") var format: ListFormat = .table

        func run() throws {
            let today = try global.todayDay()
            let store = try global.openStore(.read)
            let rows = try store.absences(repCode: rep, endingFrom: all ? nil : today)
            var writer = try OutputWriter(AbsenceFields.output, format: format, sink: try OutputSink(path: nil),
                                          display: try global.settings().display)
            try writer.write(all: rows)
            try writer.finish(footer: "\(rows.count) absence\(rows.count == 1 ? "" : "s")\n")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.absence_remove_abstract"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The absence's id.") var id: Int64

        func run() throws {
            let store = try global.openStore(.write)
            try store.removeAbsence(id: id, actor: AbsenceCommand.actor)
            try printLine("absence \(id) removed")
        }
    }
}
