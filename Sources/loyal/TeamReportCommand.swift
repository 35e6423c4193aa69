import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

/// `loyal report team`: the manager's overview, one line per rep and one for the team.
struct TeamReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "The manager's overview: per rep accounts by class, revenue and trend, customers at risk and value at "
            + "stake, open and overdue plan entries, visits and calls against the plan, NPS and satisfaction trend, "
            + "lost and won back.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @Flag(help: "Print the time the store took to read the figures on stderr.") var timing = false

    func run() throws {
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.read)
        let settings = try global.settings(mine, with: store)
        let today = try global.todayDay()
        let started = Date()
        let overview = try store.teamOverview(today: today)
        let read = Date().timeIntervalSince(started)
        try TeamReportOutput.write(overview, format: format, display: settings.display)
        if timing {
            Console.error(String(format: "read the figures of %d reps in %.0f ms", overview.rows.count, read * 1000))
        }
    }
}
