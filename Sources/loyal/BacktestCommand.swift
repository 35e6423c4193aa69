import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "How well the churn risk predicted who stopped buying: the refresh re-run as of an earlier day on a copy, "
            + "against what happened after it.",
        discussion: """
            The database is not changed: a private copy is cut at --as-of (purchases, visits and complaints after it \
            removed), the whole refresh runs as if that day were today (the churn model learns only from before it), \
            and the risk ranking is compared with who made no purchase in the --horizon-days after it. Printed: the \
            AUC (the chance that a customer who left ranks above one who stayed; 0.5 is a coin), the precision and \
            lift of the top 10 % and of the panel as it would have been shown, a calibration table (predicted against \
            observed per tenth of the risks), and the same for two references: days since the last purchase and the \
            purchase model's expected purchases.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("as-of"), help: "The day to go back to.") var asOf: String
    @Option(name: .customLong("horizon-days"), help: "Days after --as-of that decide who left (default [risk] horizon_days).")
    var horizonDays: Int?
    @Option(help: "table or json.") var format: BacktestFormat = .table

    enum BacktestFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws {
        if let horizonDays { try Limits.check(horizonDays, in: 1...3660, option: "--horizon-days") }
    }

    func run() throws {
        let day = try global.asOfDay(asOf)
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.read)
        let settings = try global.settings(mine, with: store)
        let horizon = horizonDays ?? settings.retention.risk.horizonDays
        let report = try store.backtest(asOf: day, horizonDays: horizon, settings: settings)
        guard report.customers > 0 else {
            throw ValidationError("no customer had bought by \(day.iso): nothing to test")
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try printLine(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table:
            try printLine(BacktestTable.render(report))
        }
    }
}

enum BacktestTable {
    static func render(_ r: BacktestReport) -> String {
        func pct(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }
        func f3(_ x: Double) -> String { String(format: "%.3f", x) }
        var out = "Backtest as of \(r.asOf), horizon \(r.horizonDays) days: \(r.customers) customers, "
            + "\(r.positives) made no purchase (base rate \(pct(r.baseRate)))\n\n"
        var rows = [["churn risk", f3(r.auc), pct(r.topDecilePrecision), String(format: "%.2f", r.topDecileLift)]]
        for (name, key) in [("days since last purchase", "days_since_last_purchase"),
                            ("expected purchases (model)", "expected_purchases")] {
            if let q = r.references[key] {
                rows.append([name, f3(q.auc), pct(q.topDecilePrecision), String(format: "%.2f", q.topDecileLift)])
            }
        }
        out += TextTable.render(header: ["RANKING", "AUC", "TOP 10 % PRECISION", "LIFT"], rows: rows, rightAligned: [1, 2, 3])
        out += "\nPanel as shown: \(r.panel.customers) customers, precision \(pct(r.panel.precision)), "
            + "lift \(String(format: "%.2f", r.panel.lift))\n\n"
        out += TextTable.render(header: ["RISK DECILE", "CUSTOMERS", "PREDICTED", "OBSERVED"],
                                rows: r.calibration.map { [String($0.decile), String($0.customers), pct($0.predicted), pct($0.observed)] },
                                rightAligned: [0, 1, 2, 3])
        return out
    }
}
