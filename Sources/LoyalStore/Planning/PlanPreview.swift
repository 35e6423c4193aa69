import Foundation
import GRDB
import LoyalCore

/// What planning the calendar over a span costs, without storing it (for the benchmark).
public struct PlanPreview: Sendable {
    public var customers = 0
    public var entries = 0
    public var loadSeconds = 0.0
    public var planSeconds = 0.0
}

extension Store {
    /// Reads every customer's plan facts and runs the contact planner from `today`
    /// over `days`, batch by batch as the refresh does, and only counts the entries.
    public func previewPlan(today: Day, days: Int, settings: Settings) throws -> PlanPreview {
        try pool.read { db in
            var preview = PlanPreview()
            let to = today.adding(days: days)
            for scope in try CustomerScope.passes(db, only: nil) {
                let t0 = Date()
                let facts = try PlanFactsLoader.load(db, today: today, rules: settings.contactPlan, scope: scope)
                let t1 = Date()
                for f in facts {
                    preview.entries += ContactPlanner.plan(customer: f, rules: settings.contactPlan, from: today, to: to,
                                                           today: today, display: settings.display).count
                }
                preview.customers += facts.count
                preview.loadSeconds += t1.timeIntervalSince(t0)
                preview.planSeconds += Date().timeIntervalSince(t1)
            }
            return preview
        }
    }
}
