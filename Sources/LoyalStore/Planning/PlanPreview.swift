import Foundation
import GRDB
import LoyalCore

/// What planning the calendar over a span costs, without storing it (for the benchmark).
public struct PlanPreview: Sendable {
    public var customers = 0
    public var entries = 0
    public var loadSeconds = 0.0
    public var planSeconds = 0.0
    /// The levelling pass over every rep's days (included in `planSeconds`).
    public var levelSeconds = 0.0
    /// Calls and visits with no room in their window.
    public var unplanned = 0
}

extension Store {
    /// Reads every customer's plan facts and runs the contact planner from `today`
    /// over `days`, batch by batch as the refresh does, and only counts the entries.
    public func previewPlan(today: Day, days: Int, settings: Settings) throws -> PlanPreview {
        try pool.read { db in
            var preview = PlanPreview()
            let to = today.adding(days: days)
            // Only the levelling's small items are kept across batches, as the refresh keeps its entries.
            var items: [LevelItem] = []
            for scope in try CustomerScope.passes(db, only: nil) {
                let t0 = Date()
                let facts = try PlanFactsLoader.load(db, today: today, rules: settings.contactPlan, scope: scope)
                let t1 = Date()
                for f in facts {
                    for e in ContactPlanner.plan(customer: f, rules: settings.contactPlan, from: today, to: to,
                                                 today: today, display: settings.display) {
                        items.append(LevelItem(e, customerClass: f.customerClass, stake: f.stake, region: f.postalRegion,
                                               today: today))
                    }
                }
                preview.customers += facts.count
                preview.loadSeconds += t1.timeIntervalSince(t0)
                preview.planSeconds += Date().timeIntervalSince(t1)
            }
            let t2 = Date()
            let placements = PlanLevelling.level(items, calendar: try Store.workCalendar(db, from: today.adding(days: -31), to: to, settings: settings),
                                                 capacity: try Store.planCapacities(db, settings: settings),
                                                 today: today, end: to)
            preview.levelSeconds = Date().timeIntervalSince(t2)
            preview.planSeconds += preview.levelSeconds
            preview.entries = placements.filter { $0.outcome == .placed }.count
            preview.unplanned = placements.filter { $0.outcome == .noRoom }.count
            return preview
        }
    }
}
