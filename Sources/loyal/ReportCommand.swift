import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for scripts: customer value, customers at risk, lost customers, the team.",
        subcommands: [ValueReport.self, Risk.self, Lost.self, TeamReport.self])

    struct Risk: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The early-warning panel (or, --all, everyone with open signals), ranked by expected loss (risk × value), "
                + "each risk with its base and factors.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only customers of (or assigned to) this rep.") var rep: String?
        @Option(name: .customLong("class"), help: "Only class A, B or C.") var customerClass: CustomerClass?
        @Option(help: "Only customers with an open signal of this kind.") var kind: String?
        @Option(help: "At most this many customers (0 = all).") var limit = 0
        @Option(help: "table, csv or json.") var format: ListFormat = .table
        @Flag(help: "Everyone with an open signal, not only the panel's capped share.") var all = false
        @Option(name: .customLong("as-of"), help: "Explain the risk as of this day (default today).") var asOf: String?

        func validate() throws {
            try Limits.check(limit, in: Limits.rows, option: "--limit")
        }

        func run() throws {
            let mine = try global.settings()  // a broken config file is reported before the database is opened
            let store = try global.openStore(.read)
            let settings = try global.settings(mine, with: store)
            let filter = PanelFilter(repCode: rep, customerClass: customerClass, signalKind: kind, beyondPanel: all)
            var rows: [PanelRow] = []
            while limit == 0 || rows.count < limit {
                let page = try store.riskPanel(filter, after: rows.last, limit: limit == 0 ? 500 : min(500, limit - rows.count))
                rows += page
                if page.count < 500 { break }
            }
            let open = try store.openSignals(customerIDs: rows.map(\.id))
            let signals = rows.map { open[$0.id] ?? [] }
            let day = try global.asOfDay(asOf)
            let assessments = try store.riskAssessments(customerIDs: rows.map(\.id), asOf: day, settings: settings)
            try ReportOutput.risk(rows, signals: signals, assessments: rows.map { assessments[$0.id] }, format: format,
                                  display: settings.display)
        }
    }

    struct Lost: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lost customers and returnees with reason and win-back case, most recently lost first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only customers of this rep.") var rep: String?
        @Option(name: .customLong("class"), help: "Only class A, B or C.") var customerClass: CustomerClass?
        @Option(help: "table, csv or json.") var format: ListFormat = .table

        func run() throws {
            let mine = try global.settings()  // a broken config file is reported before the database is opened
            let store = try global.openStore(.read)
            let settings = try global.settings(mine, with: store)
            var rows: [LostRow] = []
            while true {
                let page = try store.lostCustomers(repCode: rep, customerClass: customerClass, offset: rows.count, limit: 1000)
                rows += page
                if page.count < 1000 { break }
            }
            try ReportOutput.lost(rows, format: format, display: settings.display)
        }
    }
}
