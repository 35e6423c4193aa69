import ArgumentParser
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

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(.read)
        let overview = try store.teamOverview(today: try global.todayDay())
        try TeamReportOutput.write(overview, format: format, display: settings.display)
    }
}
