import Foundation
import ArgumentParser
import LoyalCore
import LoyalStore

struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: Text.tr("cli.refresh_abstract"))

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("as-of"), help: "Compute as of this day (default today).")
    var asOf: String?

    @Flag(help: "Recompute every customer, even when nothing changed since the last refresh of the day.")
    var full = false

    @Flag(help: "Print how long each part took (statistics, values, signals, calendar, optimize) and the peak memory so far to standard error.")
    var timings = false

    func run() throws {
        let day = try global.asOfDay(asOf)
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.create)
        let settings = try global.settings(mine, with: store)
        let r = try store.refreshAll(asOf: day, settings: settings, full: full) { step, seconds in
            guard timings else { return }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let peakMB = Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
            Console.error(String(format: "%@: %.0f ms (peak memory so far %.0f MB)", step, seconds * 1000, peakMB))
        }
        let s = r.statistics
        let classes = "\(s.classCounts[.a] ?? 0) A, \(s.classCounts[.b] ?? 0) B, \(s.classCounts[.c] ?? 0) C"
        if r.skipped {
            try printLine("nothing changed since the refresh of \(day.iso) (--full recomputes anyway): \(s.customers) "
                          + "customers: \(classes); \(r.signals.atRisk) on the early-warning panel")
            return
        }
        try printLine("refreshed \(s.customers) customers as of \(day.iso): \(s.classCounts[.a] ?? 0) A, "
              + "\(s.classCounts[.b] ?? 0) B, \(s.classCounts[.c] ?? 0) C; signals: \(r.signals.opened) opened, "
              + "\(r.signals.updated) updated, \(r.signals.resolved) resolved; \(r.signals.atRisk) on the early-warning panel; "
              + (r.values.report.map { _ in "values for \(r.values.withPurchases) customers with purchases; " } ?? "")
              + "calendar: \(r.calendar.planned) entries planned (\(r.calendar.blocked) blocked), \(r.calendar.removed) removed"
              + (r.calendar.unplanned == 0 ? "" : "; does not fit: \(r.calendar.unplanned) ("
                  + (try store.unplannedCounts()).map { "\($0.repCode) \($0.count)" }.joined(separator: ", ")
                  + "; loyal agenda --unplanned lists them)"))
    }

}
