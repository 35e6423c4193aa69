import Foundation
import GRDB
import LoyalCore

/// Everything a full refresh recomputed.
public struct FullRefreshSummary: Sendable {
    public var statistics: RefreshSummary
    public var values: ValueRefreshSummary
    public var signals: SignalRefreshSummary
    public var calendar: CalendarRefreshSummary
    /// Nothing changed since the last refresh of the same day: nothing was recomputed, and
    /// the counts are those stored (no signal opened, no entry planned by this run).
    public var skipped = false
    /// Customers whose revenue figures were summed again (all on a full refresh).
    public var recomputed = 0

    public init(statistics: RefreshSummary, values: ValueRefreshSummary, signals: SignalRefreshSummary,
                calendar: CalendarRefreshSummary) {
        self.statistics = statistics; self.values = values; self.signals = signals; self.calendar = calendar
    }
}

extension Store {
    /// The refresh after imports, the demo and `loyal refresh`: revenue figures and
    /// classes, customer values, the churn model (refitted when stale or `retrain`), then
    /// the early-warning signals, risk, panel and stages, then the calendar's plan.
    ///
    /// Incremental (issue 17): triggers note whose inputs changed (`ChangeTracking`); with
    /// nothing changed on the same day and settings it does nothing, else the revenue
    /// figures are summed again only for the changed customers and those a purchase moved
    /// in or out of the window since the last day; `full` recomputes everyone. The result
    /// is the same either way (RefreshEquivalenceTests).
    /// `timing` hears how many seconds each step took (for `loyal refresh --timings`).
    @discardableResult
    public func refreshAll(asOf: Day, settings: Settings, retrain: Bool = false, full: Bool = false,
                           timing: (String, Double) -> Void = { _, _ in }) throws -> FullRefreshSummary {
        // Every customer's figures and plan are rewritten: the team's job, not one rep's.
        try scope.require(.manager, to: Text.tr("store_error.may_refresh"))
        func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
            let start = Date()
            defer { timing(name, Date().timeIntervalSince(start)) }
            return try work()
        }
        let plan = try timed("changes") {
            try pool.write { db in try RefreshPlan.take(db, asOf: asOf, settings: settings, force: full || retrain) }
        }
        if plan == .skip { return try pool.read { db in try Store.standingSummary(db, asOf: asOf) } }
        // Each step rewrites rows under a dozen indexes; a larger cache on the writer
        // connection saves re-reading their pages (as an import does).
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
        let (stats, recomputed) = try timed("statistics") {
            try pool.write { db -> (RefreshSummary, Int) in
                var recompute: Set<Int64>?
                if case let .changed(ids, since) = plan {
                    let crossers = try RefreshPlan.windowCrossers(db, since: since, asOf: asOf,
                                                                  windowMonths: settings.classes.windowMonths)
                    recompute = ids.union(crossers)
                }
                let summary = try Store.refreshStatistics(db, asOf: asOf, thresholds: settings.classes, recompute: recompute)
                return (summary, recompute?.count ?? summary.customers)
            }
        }
        let values = try timed("values") { try refreshValues(asOf: asOf, settings: settings) }
        try timed("risk model") {
            try ChurnTraining.refreshIfStale(pool, asOf: asOf, settings: settings, force: retrain)
        }
        let signals = try timed("signals") { try evaluateSignals(asOf: asOf, settings: settings) }
        let calendar = try timed("calendar") { try refreshCalendar(today: asOf, settings: settings) }
        try timed("optimize") { try optimize() }
        try pool.write { db in try RefreshPlan.finish(db, asOf: asOf, settings: settings) }
        var summary = FullRefreshSummary(statistics: stats, values: values, signals: signals, calendar: calendar)
        summary.recomputed = recomputed
        return summary
    }

    /// The counts a skipped refresh reports: as stored by the last one.
    static func standingSummary(_ db: Database, asOf: Day) throws -> FullRefreshSummary {
        var classes: [CustomerClass: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT class, count(*) FROM customer_stats GROUP BY class") {
            if let c = CustomerClass(rawValue: row[0]) { classes[c, default: 0] += row[1] }
        }
        let customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
        var signals = SignalRefreshSummary()
        signals.customers = customers
        signals.atRisk = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_stats WHERE on_panel = 1") ?? 0
        var summary = FullRefreshSummary(statistics: RefreshSummary(asOf: asOf, customers: customers, classCounts: classes),
                                         values: ValueRefreshSummary(), signals: signals, calendar: CalendarRefreshSummary())
        summary.skipped = true
        return summary
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
