import GRDB
import LoyalCore

extension Store {
    /// Visits and calls per working day for every rep: his own figures where the
    /// settings give them, else the team's.
    static func planCapacities(_ db: Database, settings: Settings) throws -> [Int64: PlanLevelling.Capacity] {
        let capacity = try repCapacity(db, settings: settings)
        let reps = try Int64.fetchAll(db, sql: "SELECT id FROM rep")
        return Dictionary(uniqueKeysWithValues: reps.map { ($0, capacity.capacity(for: $0)) })
    }
}

/// What is already on reps' days, for a refresh of a few customers.
enum PlanLoad {
    /// Open calls and visits of other customers on the reps' days in the horizon, as
    /// fixed load: a refreshed customer's entries go where there is still room.
    static func otherCustomers(_ db: Database, reps: Set<Int64>, excluding ids: [Int64], today: Day, to: Day) throws -> [LevelItem] {
        guard !reps.isEmpty else { return [] }
        let rows = try Row.fetchCursor(db, sql: otherCustomersSQL(reps: reps, excluding: ids),
                                       arguments: [today.iso, to.iso])
        var items: [LevelItem] = []
        while let r = try rows.next() {
            guard let due = Day(iso: r[2] as String) else { continue }
            let visit = (r[3] as String) == "visit"
            items.append(LevelItem(rep: r[0], customerID: r[1], due: due, rule: .fixedLoad, isVisit: visit,
                                   isCallOrVisit: true, takesCapacity: true,
                                   region: LevelItem.region(ofPostalCode: r[4])))
        }
        return items
    }

    /// Its terms are those of the partial index calendar_entry_rep_load, which holds only these entries.
    static func otherCustomersSQL(reps: Set<Int64>, excluding ids: [Int64]) -> String {
        """
        SELECT e.rep_id, e.customer_id, e.due, e.channel, c.postal_code FROM calendar_entry e
        JOIN customer c ON c.id = e.customer_id
        WHERE e.rep_id IN (\(reps.sorted().map(String.init).joined(separator: ","))) AND e.status = 'open'
          AND e.blocked IS NULL AND e.channel IN ('phone', 'visit') AND e.due BETWEEN ? AND ?
          AND e.customer_id NOT IN (\(ids.map(String.init).joined(separator: ",")))
        """
    }
}

extension Store {
    /// The rep's working day on or after `day` (the customer's rep when a customer is
    /// given): where the days a form offers land, so a rep is never offered a Sunday.
    public func nextWorkingDay(onOrAfter day: Day, customerID: Int64? = nil, repID: Int64? = nil,
                               settings: Settings) -> Day {
        (try? pool.read { db in
            let rep = try repID ?? customerID.flatMap {
                try Int64.fetchOne(db, sql: "SELECT rep_id FROM customer WHERE id = ?", arguments: [$0])
            }
            return try Store.workCalendar(db, from: day, to: day.adding(days: 60), settings: settings)
                .workingDay(onOrAfter: day, rep: rep)
        }) ?? day.weekdayOrNextMonday
    }
}
