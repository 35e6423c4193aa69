import Foundation
import GRDB
import LoyalCore

/// Everything a full refresh recomputed.
public struct FullRefreshSummary: Sendable {
    public var statistics: RefreshSummary
    public var values: ValueRefreshSummary
    public var signals: SignalRefreshSummary
    public var calendar: CalendarRefreshSummary

    public init(statistics: RefreshSummary, values: ValueRefreshSummary, signals: SignalRefreshSummary,
                calendar: CalendarRefreshSummary) {
        self.statistics = statistics; self.values = values; self.signals = signals; self.calendar = calendar
    }
}

extension Store {
    /// The full refresh after imports, the demo and `loyal refresh`: revenue figures
    /// and classes, customer values, the churn model (refitted when stale or `retrain`),
    /// then the early-warning signals, risk, panel and stages, then the calendar's plan.
    /// `timing` hears how many seconds each step took (for `loyal refresh --timings`).
    @discardableResult
    public func refreshAll(asOf: Day, settings: Settings, retrain: Bool = false,
                           timing: (String, Double) -> Void = { _, _ in }) throws -> FullRefreshSummary {
        // Every customer's figures and plan are rewritten: the team's job, not one rep's.
        try scope.require(.manager, to: "refresh everyone's figures")
        func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
            let start = Date()
            defer { timing(name, Date().timeIntervalSince(start)) }
            return try work()
        }
        // Each step rewrites rows under a dozen indexes; a larger cache on the writer
        // connection saves re-reading their pages (as an import does).
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        let stats = try timed("statistics") { try refreshStatistics(asOf: asOf, thresholds: settings.classes) }
        let values = try timed("values") { try refreshValues(asOf: asOf, settings: settings) }
        try timed("risk model") {
            try ChurnTraining.refreshIfStale(pool, asOf: asOf, settings: settings, force: retrain)
        }
        let signals = try timed("signals") { try evaluateSignals(asOf: asOf, settings: settings) }
        let calendar = try timed("calendar") { try refreshCalendar(today: asOf, settings: settings) }
        try timed("optimize") { try optimize() }
        return FullRefreshSummary(statistics: stats, values: values, signals: signals, calendar: calendar)
    }

    /// After something about one customer changed (a visit saved, a triage action):
    /// re-evaluate that customer's signals, risk and calendar at once.
    public func refreshCustomer(_ id: Int64, asOf: Day, settings: Settings) throws {
        try pool.write { db in try Store.refreshCustomer(db, id: id, asOf: asOf, settings: settings) }
    }

    static func refreshCustomer(_ db: Database, id: Int64, asOf: Day, settings: Settings) throws {
        _ = try SignalEvaluation.run(db, asOf: asOf, settings: settings, only: [id])
        // A lost customer's plan goes, a scheduled contact counts for the plan and gets its notes.
        _ = try CalendarRefresh.run(db, today: asOf, settings: settings, only: [id])
    }
}
