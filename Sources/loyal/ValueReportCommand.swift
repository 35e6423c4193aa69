import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

enum TimeUnitArgument: String, CaseIterable, ExpressibleByArgument {
    case day, week
    var days: Int { self == .day ? 1 : 7 }
}

/// `loyal report value`: the customer-value models fitted afresh as of a day.
struct ValueReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "Fit BG/NBD and Gamma-Gamma as of a day and list every customer's forecast and value.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("as-of"), help: "Only purchases up to this day count (default today).") var asOf: String?
    @Option(name: .customLong("time-unit"), help: "day or week: the unit of recency, T, alpha and --predict.")
    var timeUnit: TimeUnitArgument = .day
    @Option(help: "Expected purchases in the next N time units (default one year: 365 days or 52 weeks).") var predict: Double?
    @Option(help: "table, csv or json.") var format: ListFormat = .table
    @Option(help: "At most this many customers in the table (0 = all; csv and json list all).") var limit = 50
    @Flag(help: "Print the time taken by each step on stderr.") var timing = false

    func validate() throws {
        try Limits.check(limit, in: Limits.rows, option: "--limit")
        if let predict, !(predict > 0 && predict <= Limits.predictUnits) {
            throw ValidationError("--predict must be more than 0 and at most \(Int(Limits.predictUnits)) time units")
        }
    }

    func run() throws {
        let day = try global.asOfDay(asOf)
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.read)
        let settings = try global.settings(mine, with: store)
        let started = Date()
        let input = try store.valueInput(asOf: day, unitDays: timeUnit.days, useMargin: settings.value.useMargin)
        let loaded = Date()
        guard !input.summaries.isEmpty else { throw CLIError("no purchases up to \(day.iso): nothing to fit") }
        let valueSettings = CustomerValueSettings(settings.value, unitDays: timeUnit.days,
                                                  predictionHorizon: predict ?? (timeUnit == .day ? 365 : 52))
        let report = try CustomerValueReport.fitAndScore(input.summaries, settings: valueSettings, marginRatios: input.marginRatios)
        let fitted = Date()
        let rows = try store.customerNumbersAndClasses()
        try ValueReportOutput.write(report, ids: input.ids, rows: rows, format: format, limit: limit, unit: timeUnit,
                                    asOf: day, display: settings.display)
        if timing {
            let load = loaded.timeIntervalSince(started), fit = fitted.timeIntervalSince(loaded)
            Console.error(String(format: "loaded %d purchase days of %d customers in %.2f s (%.0f purchase days/s); fit and scored in %.2f s",
                                 input.purchaseRows, input.ids.count, load, Double(input.purchaseRows) / max(load, 1e-9), fit))
        }
    }
}
