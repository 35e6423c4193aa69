import GRDB
import LoyalCore

/// Reads what the contact planner needs, for a batch of customers or a few.
enum PlanFactsLoader {
    /// Sources a person (or the store) dated; the planner respects and counts them.
    static let givenSources: [CalendarEntrySource] = [.followUp, .triage, .winback, .manual]
    /// Sources the planner itself makes; re-planning replaces their open entries.
    static let plannedSources: [CalendarEntrySource] = [.plan, .birthday, .partnerBirthday, .postPurchase]

    static func load(_ db: Database, today: Day, rules: ContactPlanRules, scope: CustomerScope) throws -> [CustomerPlanFacts] {
        func filter(_ column: String, _ word: String = "AND") -> String { " \(word) \(scope.condition(column))" }
        var facts: [Int64: CustomerPlanFacts] = [:]
        var order: [Int64] = []
        let customers = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.rep_id, c.status, c.preferred_channel, c.high_season, c.busy_hours, s.class, c.kind,
                   ifnull(s.risk_priority, 0), c.postal_code
            FROM customer c LEFT JOIN customer_stats s ON s.customer_id = c.id\(filter("c.id", "WHERE")) ORDER BY c.id
            """)
        // The same few seasons and busy hours recur across a customer base: parse each text once.
        var seasons: [String: HighSeason] = [:], busy: [String: BusyHours] = [:]
        while let r = try customers.next() {
            let id: Int64 = r[0]
            order.append(id)
            let seasonText: String = r[4], busyText: String = r[5]
            let season = seasons[seasonText] ?? { let v = HighSeason(parsing: seasonText) ?? .none; seasons[seasonText] = v; return v }()
            let hours = busy[busyText] ?? { let v = BusyHours(parsing: busyText) ?? .none; busy[busyText] = v; return v }()
            facts[id] = CustomerPlanFacts(
                customerID: id, repID: r[1], customerClass: CustomerClass(rawValue: r[6] ?? "C") ?? .c,
                isLost: (r[2] as String) == "lost",
                preferredChannel: (r[3] as String?).flatMap(Channel.init(rawValue:)),
                highSeason: season, busyHours: hours,
                kind: CustomerKind(rawValue: r[7]) ?? .business)
            // The panel's priority is the risk score (0–100) × value in cents: a hundredth is the expected loss.
            facts[id]?.stake = (r[8] as Int64) / 100
            facts[id]?.postalRegion = LevelItem.region(ofPostalCode: r[9])
        }
        let consents = try Row.fetchCursor(db, sql: "SELECT * FROM consent WHERE 1\(filter("customer_id"))")
        while let r = try consents.next() {
            if let c = CustomerRecords.consent(r) { facts[c.customerID]?.consents.append(c) }
        }
        let contacts = try Row.fetchCursor(db, sql: "SELECT * FROM contact_person WHERE 1\(filter("customer_id"))")
        while let r = try contacts.next() {
            let p = CustomerRecords.contact(r)
            facts[p.customerID]?.contacts.append(p)
        }
        let last = try Row.fetchCursor(db, sql: """
            SELECT customer_id, kind, max(day) AS last FROM interaction WHERE day <= ?\(filter("customer_id"))
            GROUP BY customer_id, kind
            """, arguments: [today.iso])
        while let r = try last.next() {
            guard let kind = InteractionKind(rawValue: r["kind"]), let day = r.day("last") else { continue }
            facts[r["customer_id"] as Int64]?.noteContact(kind, on: day)
        }
        let since = today.adding(days: -rules.afterPurchaseLookbackDays)
        let purchases = try Row.fetchCursor(db, sql: """
            SELECT customer_id, day, sum(amount_cents) AS amount FROM purchase WHERE day > ? AND day <= ?\(filter("customer_id"))
            GROUP BY customer_id, day
            """, arguments: [since.iso, today.iso])
        while let r = try purchases.next() {
            guard let day = r.day("day") else { continue }
            facts[r["customer_id"]]?.purchases.append(PurchaseFact(day: day, amount: Money(cents: r["amount"])))
        }
        let given = try Row.fetchCursor(db, sql: """
            SELECT * FROM calendar_entry WHERE status = 'open' AND source IN (\(givenSources.map { "'\($0.rawValue)'" }.joined(separator: ",")))
            \(filter("customer_id"))
            """)
        while let r = try given.next() {
            let e = CalendarRecords.entry(r)
            facts[e.customerID]?.given.append(GivenEntry(key: String(e.id ?? 0), source: e.source, due: e.due,
                                                         time: (r["time"] as String?).flatMap(TimeOfDay.init(parsing:)),
                                                         channel: e.channel, reason: e.reason,
                                                         contactPersonID: e.contactPersonID))
        }
        let overrides = try Row.fetchCursor(db, sql: "SELECT * FROM contact_plan_override WHERE 1\(filter("customer_id"))")
        while let r = try overrides.next() {
            guard let channel = Channel(rawValue: r["channel"]), let cadence = Cadence(parsing: r["cadence"]) else { continue }
            let id: Int64 = r["customer_id"]
            facts[id]?.overrides.append(CadenceOverride(customerID: id, channel: channel, cadence: cadence))
        }
        return order.compactMap { facts[$0] }
    }
}
