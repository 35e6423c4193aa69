import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: Text.tr("cli.agenda_abstract"))

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this rep's entries.") var rep: String?
    @Option(help: "Days ahead, today included (1 to \(Limits.days.upperBound)).") var days = 7
    @Flag(name: .customLong("include-blocked"), help: "Also entries blocked for lack of consent.") var includeBlocked = false
    @Option(help: "table or json.") var format: ListFormat = .table
    @Flag(help: "List every overdue entry in the table (it shows them as one line otherwise).") var overdue = false
    @Flag(help: "What the last refresh could not fit into the reps' days, most at stake first.") var unplanned = false

    func validate() throws {
        try Limits.check(days, in: Limits.days, option: "--days")
    }

    func run() throws {
        let settings = try global.settings()
        let today = try global.todayDay()
        let store = try global.openStore(.read)
        if unplanned { return try listUnplanned(store, display: settings.display) }
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
            // Overdue entries are one line, not hundreds of rows above today: what was
            // planned and not done rolls forward; what is left here a person dated.
            let late = rows.filter { $0.entry.due < today }
            if !overdue, let oldest = late.first {
                table.append(["OVERDUE", "", "", "\(late.count) open (oldest since \(style.format(oldest.entry.due)))",
                              "loyal agenda --overdue lists them", "", ""])
                last = "overdue"
            }
            for r in rows where overdue || r.entry.due >= today {
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

    /// `--unplanned`: the entries with no room in their window, and the count per rep.
    func listUnplanned(_ store: Store, display: DisplaySettings) throws {
        let style = display.dateStyle
        let rows = try store.unplanned(repCode: rep)
        let sink = try OutputSink(path: nil)
        if format == .json {
            try sink.write("[")
            for (i, r) in rows.enumerated() {
                try sink.write((i == 0 ? "\n" : ",\n") + "{" + [
                    "\"due\":\(JSONText.string(r.due.iso))", "\"customer\":\(JSONText.string(r.customerNumber))",
                    "\"name\":\(JSONText.string(r.customerName))", "\"channel\":\(JSONText.string(r.channel.rawValue))",
                    "\"reason\":\(JSONText.string(r.reason))", "\"rep\":\(r.repCode.map(JSONText.string) ?? "null")",
                    "\"stake_cents\":\(r.stake)", "\"uid\":\(JSONText.string(r.uid))",
                ].joined(separator: ",") + "}")
            }
            try sink.write("\n]\n")
        } else {
            let counts = Dictionary(grouping: rows, by: { $0.repCode ?? "-" }).mapValues(\.count)
            try sink.write(TextTable.render(header: ["REP", "DUE", "WINDOW", "CHANNEL", "CUSTOMER", "WHAT", "AT STAKE"],
                                            rows: rows.map { r in
                [r.repCode ?? "", style.format(r.due),
                 r.window.map { "\(style.format($0.lowerBound)) – \(style.format($0.upperBound))" } ?? "",
                 r.channel.rawValue, "\(r.customerNumber) \(r.customerName)", r.reason,
                 display.money.format(Money(cents: r.stake), withCents: false)]
            }))
            try sink.write("does not fit: \(rows.count)" + (counts.isEmpty ? "" : " ("
                + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")") + "\n")
        }
        try sink.finish()
    }
}
