import GRDB
import LoyalCore

/// Reads what the early-warning rules look at, for a batch of customers (streaming
/// their purchases once) or for a few (after a visit was saved).
enum SignalFactsLoader {
    /// How far back purchases, feedback and complaints matter to any default rule.
    static let historyDays = 3 * 366

    static func load(_ db: Database, asOf: Day, scope: CustomerScope) throws -> [CustomerSignalFacts] {
        func whereCustomer(_ column: String, _ prefix: String = "WHERE") -> String {
            "\(prefix) \(scope.condition(column))"
        }
        var facts: [Int64: CustomerSignalFacts] = [:]
        var order: [Int64] = []
        let customers = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.status, c.since, c.address_changed_on, s.revenue_12m_cents, s.revenue_prev_12m_cents,
                   s.p_alive, s.expected_purchases, s.p_no_purchase
            FROM customer c LEFT JOIN customer_stats s ON s.customer_id = c.id \(whereCustomer("c.id")) ORDER BY c.id
            """)
        while let r = try customers.next() {
            let id: Int64 = r["id"]
            order.append(id)
            facts[id] = CustomerSignalFacts(
                customerID: id, asOf: asOf, status: CustomerStatus(rawValue: r["status"]) ?? .active,
                customerSince: r.day("since"), revenue12m: Money(cents: r["revenue_12m_cents"] ?? 0),
                revenuePrevious12m: Money(cents: r["revenue_prev_12m_cents"] ?? 0), pAlive: r["p_alive"],
                expectedPurchasesNextYear: r["expected_purchases"], addressChangedOn: r.day("address_changed_on"))
            facts[id]!.forecastNoPurchase = r["p_no_purchase"]
        }
        let since = asOf.adding(days: -historyDays).iso
        try loadPurchases(db, into: &facts, asOf: asOf, filter: whereCustomer("p.customer_id", "AND"))
        let complaints = try Row.fetchCursor(db, sql: """
            SELECT id, customer_id, opened_on, resolved_on, category FROM complaint
            WHERE opened_on <= ? AND (resolved_on IS NULL OR resolved_on >= ?) \(whereCustomer("customer_id", "AND"))
            """, arguments: [asOf.iso, since])
        while let r = try complaints.next() {
            guard let opened = r.day("opened_on") else { continue }
            facts[r["customer_id"]]?.complaints.append(ComplaintFact(
                id: r["id"], openedOn: opened, resolvedOn: r.day("resolved_on"),
                category: ComplaintCategory(rawValue: r["category"]) ?? .other))
        }
        let feedback = try Row.fetchCursor(db, sql: """
            SELECT i.customer_id, i.day, f.nps, f.csat, f.ces, f.rep_sentiment, f.price_pressure, f.competitor, f.cancellation
            FROM feedback f JOIN interaction i ON i.id = f.interaction_id
            WHERE i.day > ? AND i.day <= ? \(whereCustomer("i.customer_id", "AND")) ORDER BY i.day
            """, arguments: [since, asOf.iso])
        // Columns by position: by name, GRDB searches them for every one of a million rows.
        var feedbackByCustomer: [Int64: [FeedbackFact]] = [:]
        while let r = try feedback.next() {
            guard let day = Day(iso: r[1] as String) else { continue }
            let id: Int64 = r[0]
            feedbackByCustomer[id, default: []].append(FeedbackFact(
                day: day, nps: r[2], csat: r[3], ces: r[4], sentiment: r[5],
                pricePressure: r[6], competitor: r[7], cancellation: r[8]))
        }
        for (id, list) in feedbackByCustomer { facts[id]?.feedback = list }
        // Only those who left: the rules look at no one else (`CustomerSignalFacts.contacts`).
        let contacts = try Row.fetchCursor(db, sql: """
            SELECT id, customer_id, first_name, last_name, role, left_on FROM contact_person
            \(whereCustomer("customer_id")) AND left_on IS NOT NULL
            """)
        while let r = try contacts.next() {
            let first: String = r[2], last: String = r[3]
            let name = first.isEmpty ? last : last.isEmpty ? first : first + " " + last
            facts[r[1]]?.contacts.append(ContactFact(id: r[0], name: name, role: r[4],
                                                     leftOn: (r[5] as String?).flatMap { Day(iso: $0) }))
        }
        return order.compactMap { facts[$0] }
    }

    /// One pass over the purchases: the last 50 purchase days, the discounts of the
    /// last 24 months and the categories bought.
    private static func loadPurchases(_ db: Database, into facts: inout [Int64: CustomerSignalFacts], asOf: Day,
                                      filter: String) throws {
        let discountSince = asOf.adding(months: -24)
        // Categories as small integers: hashing a name for each of millions of rows is slow.
        var categoryNames: [String] = [], categoryIndex: [String: Int] = [:], productCategory: [Int64: Int] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, category FROM product WHERE category <> ''") {
            let name: String = r[1]
            let index = categoryIndex[name] ?? { categoryNames.append(name); categoryIndex[name] = categoryNames.count - 1
                                                return categoryNames.count - 1 }()
            productCategory[r[0]] = index
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.customer_id, p.day, p.amount_cents, p.discount_cents, p.product_id FROM purchase p
            WHERE p.day <= ? \(filter) ORDER BY p.customer_id, p.day
            """, arguments: [asOf.iso])
        var current: Int64 = -1
        var days: [Day] = [], discounts: [DiscountFact] = [], bought: Set<Int> = []
        var lastText = "", lastDay: Day?
        func flush() {
            guard current >= 0, facts[current] != nil else { return }
            facts[current]!.purchaseDays = Array(days.suffix(50))
            facts[current]!.firstPurchase = days.first
            facts[current]!.purchaseDayCount = days.count
            facts[current]!.discounts = discounts
            facts[current]!.categories = bought.map { categoryNames[$0] }.sorted()
        }
        while let r = try rows.next() {
            let id: Int64 = r[0]
            if id != current { flush(); current = id; days = []; discounts = []; bought = []; lastText = "" }
            let text: String = r[1]
            if text != lastText { lastText = text; lastDay = Day(iso: text) }
            guard let day = lastDay else { continue }
            if days.last != day { days.append(day) }
            if day > discountSince {
                discounts.append(DiscountFact(day: day, amount: Money(cents: r[2]), discount: Money(cents: r[3] ?? 0)))
            }
            if let product: Int64 = r[4], let c = productCategory[product] { bought.insert(c) }
        }
        flush()
    }
}
