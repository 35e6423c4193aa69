import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Whom to call, visit or congratulate: overdue first, then today, then the next days.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this rep's entries.") var rep: String?
    @Option(help: "Days ahead, today included (1 to \(Limits.days.upperBound)).") var days = 7
    @Flag(name: .customLong("include-blocked"), help: "Also entries blocked for lack of consent.") var includeBlocked = false
    @Option(help: "table or json.") var format: ListFormat = .table

    func validate() throws {
        try Limits.check(days, in: Limits.days, option: "--days")
    }

    func run() throws {
        let settings = try global.settings()
        let today = try global.todayDay()
        let store = try global.openStore(.read)
        let rows = try store.calendar(from: today, to: today.adding(days: days - 1), repCode: rep,
                                      includeBlocked: includeBlocked, overdueBefore: today, openOnly: true)
        let style = settings.display.dateStyle
        func group(_ r: CalendarRow) -> String {
            r.entry.due < today ? "overdue" : r.entry.due == today ? "today" : r.entry.due.iso
        }
        let sink = try OutputSink(path: nil)
        if format == .json {
            try sink.write("[")
            for (i, r) in rows.enumerated() {
                let e = r.entry
                try sink.write((i == 0 ? "\n" : ",\n") + "{" + [
                    "\"group\":\(JSONText.string(group(r)))", "\"due\":\(JSONText.string(e.due.iso))",
                    "\"time\":\(r.time.map { JSONText.string($0.description) } ?? "null")",
                    "\"customer\":\(JSONText.string(r.customerNumber))", "\"name\":\(JSONText.string(r.customerName))",
                    "\"class\":\(JSONText.string(r.customerClass.rawValue))", "\"channel\":\(JSONText.string(e.channel.rawValue))",
                    "\"reason\":\(JSONText.string(e.reason))", "\"source\":\(JSONText.string(e.source.rawValue))",
                    "\"contact\":\(r.contactName.map(JSONText.string) ?? "null")", "\"rep\":\(r.repCode.map(JSONText.string) ?? "null")",
                    "\"blocked\":\(r.blocked.map(JSONText.string) ?? "null")", "\"note\":\(JSONText.string(r.note))",
                    "\"uid\":\(JSONText.string(e.uid))",
                ].joined(separator: ",") + "}")
            }
            try sink.write("\n]\n")
        } else {
            var table: [[String]] = []
            var last = ""
            for r in rows {
                let g = group(r)
                let heading = g == "overdue" ? "OVERDUE" : g == "today" ? "TODAY" : style.format(r.entry.due)
                table.append([g == last ? "" : heading, r.entry.due < today ? style.format(r.entry.due) : (r.time?.description ?? ""),
                              r.entry.channel.rawValue, "\(r.customerNumber) \(r.customerName)", r.entry.reason,
                              r.repCode ?? "", r.notes])
                last = g
            }
            try sink.write(TextTable.render(header: ["WHEN", "", "CHANNEL", "CUSTOMER", "WHAT", "REP", "NOTE"], rows: table))
            try sink.write("\(rows.count) open entries\n")
        }
        try sink.finish()
    }
}
