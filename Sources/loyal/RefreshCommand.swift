import Foundation
import ArgumentParser
import LoyalCore
import LoyalStore

struct RefreshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Recompute per-customer statistics and classes, the warning signals and the calendar (done after imports automatically).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("as-of"), help: "Compute as of this day (default today).")
    var asOf: String?

    @Flag(help: "Print how long each part took (statistics, signals, calendar, optimize) to standard error.")
    var timings = false

    func run() throws {
        let settings = try global.settings()
        let day = try asOf.map { text -> Day in
            guard let d = Day(parsing: text) else { throw ValidationError("--as-of \"\(text)\" is not a date") }
            return d
        } ?? global.todayDay()
        let store = try global.openStore()
        let r = timings ? try timedRefresh(store, day, settings) : try store.refreshAll(asOf: day, settings: settings)
        let s = r.statistics
        print("refreshed \(s.customers) customers as of \(day.iso): \(s.classCounts[.a] ?? 0) A, "
              + "\(s.classCounts[.b] ?? 0) B, \(s.classCounts[.c] ?? 0) C; signals: \(r.signals.opened) opened, "
              + "\(r.signals.updated) updated, \(r.signals.resolved) resolved; \(r.signals.atRisk) customers at risk; "
              + "calendar: \(r.calendar.planned) entries planned (\(r.calendar.blocked) blocked), \(r.calendar.removed) removed")
    }

    /// The steps of `refreshAll`, one by one with their times, for benchmarks.
    func timedRefresh(_ store: Store, _ day: Day, _ settings: Settings) throws -> FullRefreshSummary {
        let clock = ContinuousClock()
        func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
            let start = clock.now
            let result = try work()
            let d = (clock.now - start).components
            let ms = d.seconds * 1000 + d.attoseconds / 1_000_000_000_000_000
            FileHandle.standardError.write(Data("\(name): \(ms) ms\n".utf8))
            return result
        }
        let stats = try timed("statistics") { try store.refreshStatistics(asOf: day, thresholds: settings.classes) }
        let signals = try timed("signals") { try store.evaluateSignals(asOf: day, settings: settings) }
        let calendar = try timed("calendar") { try store.refreshCalendar(today: day, settings: settings) }
        try timed("optimize") { try store.optimize() }
        return FullRefreshSummary(statistics: stats, signals: signals, calendar: calendar)
    }
}
