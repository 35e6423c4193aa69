import GRDB
import LoyalCore

/// Why each of a customer's entries is on its day: the planner's rule and day, the
/// levelling's window and priority, and what moved it.
public struct PlanExplanation: Sendable {
    public var customerNumber: String
    public var customerName: String
    public var customerClass: CustomerClass
    public var repCode: String?
    /// Expected loss in cents (risk × customer value).
    public var stake: Int64
    /// Calls and visits in the rep's queue over the horizon.
    public var queueSize: Int
    /// The customer's entries in day order, each with `levelled` set; unplaced ones included.
    public var entries: [PlannedEntry]
    /// UIDs of entries a person dated: the store keeps their day.
    public var given: Set<String>
}

extension Store {
    /// Plans and levels the customer's rep's customers as a refresh would (without
    /// storing anything) and returns this customer's part; nil for an unknown number.
    public func explainPlan(customerNumber: String, today: Day, settings: Settings) throws -> PlanExplanation? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.id, c.number, c.name, c.rep_id, r.code FROM customer c LEFT JOIN rep r ON r.id = c.rep_id
                WHERE c.number = ?
                """, arguments: [customerNumber]) else { return nil }
            let id: Int64 = row[0], repID: Int64? = row[3]
            // The rep's whole queue: what else competes for the same days.
            let ids = try repID.map { try Int64.fetchAll(db, sql: "SELECT id FROM customer WHERE rep_id = ? ORDER BY id", arguments: [$0]) } ?? [id]
            let rules = settings.contactPlan
            let to = today.adding(days: settings.calendarHorizonDays)
            let facts = try PlanFactsLoader.load(db, today: today, rules: rules, scope: .ids(ids))
            var entries: [PlannedEntry] = [], items: [LevelItem] = []
            for f in facts {
                for e in ContactPlanner.plan(customer: f, rules: rules, from: today, to: to, today: today, display: settings.display) {
                    entries.append(e)
                    items.append(LevelItem(e, customerClass: f.customerClass, stake: f.stake, region: f.postalRegion, today: today))
                }
            }
            let placements = PlanLevelling.level(items, calendar: try Store.workCalendar(db, from: today.adding(days: -31), to: to, settings: settings),
                                                 capacity: try Store.planCapacities(db, settings: settings),
                                                 today: today, end: to)
            let mine = facts.first { $0.customerID == id }
            var out: [PlannedEntry] = []
            for i in entries.indices where entries[i].customerID == id {
                var e = entries[i]
                _ = e.apply(placements[i], item: items[i])
                out.append(e)
            }
            out.sort(by: ContactPlanner.order)
            return PlanExplanation(
                customerNumber: row[1], customerName: row[2], customerClass: mine?.customerClass ?? .c, repCode: row[4],
                stake: mine?.stake ?? 0, queueSize: items.filter { $0.takesCapacity && $0.rep == repID }.count,
                entries: out, given: Set(mine?.given.map { $0.plannedUID(customerID: id) } ?? []))
        }
    }
}
