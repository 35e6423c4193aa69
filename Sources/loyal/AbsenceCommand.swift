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
            let style = try global.settings().display.dateStyle
            let store = try global.openStore(.read)
            let rows = try store.absences(repCode: rep, endingFrom: all ? nil : today)
            let sink = try OutputSink(path: nil)
            switch format {
            case .table:
                try sink.write(TextTable.render(header: ["ID", "REP", "FROM", "TO", "DAYS", "REASON"], rows: rows.map {
                    [String($0.id ?? 0), $0.repCode, style.format($0.from), style.format($0.to), String($0.to - $0.from + 1), $0.reason]
                }, rightAligned: [0, 4]))
                try sink.write("\(rows.count) absence\(rows.count == 1 ? "" : "s")\n")
            case .csv:
                try sink.write(CSVWriter.line([("id", true), ("rep", true), ("from", true), ("to", true), ("reason", true)]))
                for a in rows {
                    try sink.write(CSVWriter.line([(String(a.id ?? 0), false), (a.repCode, true), (a.from.iso, false),
                                                   (a.to.iso, false), (a.reason, true)]))
                }
            case .json:
                try sink.write("[" + rows.map { a in
                    "\n{\"id\":\(a.id ?? 0),\"rep\":\(JSONText.string(a.repCode)),\"from\":\(JSONText.string(a.from.iso)),"
                        + "\"to\":\(JSONText.string(a.to.iso)),\"reason\":\(JSONText.string(a.reason))}"
                }.joined(separator: ",") + "\n]\n")
            }
            try sink.finish()
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
