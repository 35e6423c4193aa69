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
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @Flag(help: "List every overdue entry in the table (it shows them as one line otherwise).") var overdue = false
    @Flag(help: "What the last refresh could not fit into the reps' days, most at stake first.") var unplanned = false

    func validate() throws {
        try Limits.check(days, in: Limits.days, option: "--days")
    }

    func run() throws {
        let today = try global.todayDay()
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.read)
        let settings = try global.settings(mine, with: store)
        if unplanned { return try listUnplanned(store, display: settings.display) }
        let rows = try store.calendar(from: today, to: today.adding(days: days - 1), repCode: rep,
                                      includeBlocked: includeBlocked, overdueBefore: today, openOnly: true)
        let style = settings.display.dateStyle
        var writer = try OutputWriter(AgendaFields.output, format: format, sink: try OutputSink(path: nil),
                                      display: settings.display)
        let lines = rows.map { AgendaFields.Line(row: $0, today: today) }
        guard format == .table else {
            try writer.write(all: lines)
            return try writer.finish()
        }
        // Overdue entries are one line, not hundreds of rows above today: what was
        // planned and not done rolls forward; what is left here a person dated.
        let late = rows.filter { $0.entry.due < today }
        if !overdue, let oldest = late.first {
            writer.tableNote([OutputWords.overdue, "", "", "\(late.count) open (oldest since \(style.format(oldest.entry.due)))",
                              "loyal agenda --overdue lists them", "", ""])
        }
        try writer.write(all: lines.filter { overdue || $0.row.entry.due >= today })
        try writer.finish(footer: "\(rows.count) open entries\n")
    }

    /// `--unplanned`: the entries with no room in their window, and the count per rep.
    func listUnplanned(_ store: Store, display: DisplaySettings) throws {
        let rows = try store.unplanned(repCode: rep)
        var writer = try OutputWriter(AgendaFields.unplanned, format: format, sink: try OutputSink(path: nil), display: display)
        try writer.write(all: rows)
        let counts = Dictionary(grouping: rows, by: { $0.repCode ?? "-" }).mapValues(\.count)
        try writer.finish(footer: "does not fit: \(rows.count)" + (counts.isEmpty ? "" : " ("
            + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")") + "\n")
    }
}