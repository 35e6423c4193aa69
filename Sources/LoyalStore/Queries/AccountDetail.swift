import GRDB
import LoyalCore

/// Everything the account detail screen shows about one customer.
public struct AccountDetail: Sendable {
    public var customer: Customer
    public var repCode: String?
    public var repName: String?
    public var stats: CustomerStats
    public var valueKnown: Bool
    /// Some of the customer's purchases carry a contribution margin: the value model then
    /// values margin (when `use_margin` is on), not revenue.
    public var hasMargins: Bool
    public var contacts: [ContactPerson]
    public var consents: [Consent]
    /// Revenue per calendar month, oldest first, ending with the as-of month.
    public var monthlyRevenue: [(month: Day, revenue: Money)]
    public var recentPurchases: [(purchase: Purchase, product: String?, category: String?)]
    public var purchaseCount: Int
    public var timeline: [(interaction: Interaction, feedback: Feedback?, repCode: String?)]
    public var complaints: [Complaint]
    public var signals: [ChurnSignal]
}

extension Store {
    public func accountDetail(id: Int64, asOf: Day, months: Int = 36, purchases: Int = 50,
                              interactions: Int = 50) throws -> AccountDetail? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, r.code AS rep_code, r.name AS rep_name FROM customer c
                LEFT JOIN rep r ON r.id = c.rep_id WHERE c.id = ?
                """, arguments: [id]) else { return nil }
            let customer = CustomerRecords.customer(row)
            let statsRow = try Row.fetchOne(db, sql: "SELECT * FROM customer_stats WHERE customer_id = ?", arguments: [id])
            let stats = statsRow.map(StatsRecords.stats) ?? CustomerStats(customerID: id, asOf: asOf)
            let contacts = try Row.fetchAll(db, sql: """
                SELECT * FROM contact_person WHERE customer_id = ? ORDER BY is_primary DESC, left_on IS NOT NULL, last_name, id
                """, arguments: [id]).map(CustomerRecords.contact)
            let consents = try Row.fetchAll(db, sql: "SELECT * FROM consent WHERE customer_id = ? ORDER BY channel",
                                            arguments: [id]).compactMap(CustomerRecords.consent)
            return AccountDetail(
                customer: customer, repCode: row["rep_code"], repName: row["rep_name"], stats: stats,
                valueKnown: statsRow.map { ($0["value_as_of"] as String?) != nil } ?? false,
                hasMargins: try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM purchase WHERE customer_id = ? AND margin_cents IS NOT NULL)
                    """, arguments: [id]) ?? false,
                contacts: contacts, consents: consents,
                monthlyRevenue: try monthly(db, id: id, asOf: asOf, months: months),
                recentPurchases: try recentPurchases(db, id: id, limit: purchases),
                purchaseCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM purchase WHERE customer_id = ?",
                                                arguments: [id]) ?? 0,
                timeline: try timeline(db, id: id, limit: interactions),
                complaints: try Row.fetchAll(db, sql: """
                    SELECT * FROM complaint WHERE customer_id = ? ORDER BY resolved_on IS NOT NULL, opened_on DESC LIMIT 50
                    """, arguments: [id]).map(ContactRecords.complaint),
                signals: try StatsRecords.activeSignals(db, customerID: id))
        }
    }

    private func monthly(_ db: Database, id: Int64, asOf: Day, months: Int) throws -> [(month: Day, revenue: Money)] {
        let last = Day(year: asOf.year, month: asOf.month, day: 1)!
        let first = last.adding(months: -(months - 1))
        var sums: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT substr(day, 1, 7) AS m, sum(amount_cents) AS s FROM purchase
            WHERE customer_id = ? AND day >= ? AND day <= ? GROUP BY m
            """, arguments: [id, first.iso, asOf.iso])
        while let r = try rows.next() { sums[r["m"]] = r["s"] }
        return (0..<months).map { i in
            let m = first.adding(months: i)
            return (m, Money(cents: sums[String(m.iso.prefix(7))] ?? 0))
        }
    }

    private func recentPurchases(_ db: Database, id: Int64, limit: Int)
        throws -> [(purchase: Purchase, product: String?, category: String?)] {
        try Row.fetchAll(db, sql: """
            SELECT p.*, pr.name AS product_name, pr.category AS product_category FROM purchase p
            LEFT JOIN product pr ON pr.id = p.product_id
            WHERE p.customer_id = ? ORDER BY p.day DESC, p.id DESC LIMIT ?
            """, arguments: [id, limit]).map { (CommerceRecords.purchase($0), $0["product_name"], $0["product_category"]) }
    }

    private func timeline(_ db: Database, id: Int64, limit: Int)
        throws -> [(interaction: Interaction, feedback: Feedback?, repCode: String?)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT i.*, r.code AS rep_code FROM interaction i LEFT JOIN rep r ON r.id = i.rep_id
            WHERE i.customer_id = ? ORDER BY i.day DESC, i.id DESC LIMIT ?
            """, arguments: [id, limit])
        // The contact persons and the feedback of all these interactions in one query
        // each, not two per interaction (most of the time opening an account took).
        let ids: [Int64] = rows.map { $0["id"] }
        var contacts: [Int64: [Int64]] = [:]
        var feedback: [Int64: Feedback] = [:]
        if !ids.isEmpty {
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT interaction_id, contact_person_id FROM interaction_contact WHERE interaction_id IN (\(marks))
                ORDER BY interaction_id, contact_person_id
                """, arguments: StatementArguments(ids))
            while let r = try cursor.next() { contacts[r[0], default: []].append(r[1]) }
            for f in try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE interaction_id IN (\(marks))",
                                      arguments: StatementArguments(ids)) {
                feedback[f["interaction_id"]] = ContactRecords.feedback(f)
            }
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            return (ContactRecords.interaction(row, contacts: contacts[id] ?? []), feedback[id], row["rep_code"])
        }
    }
}

enum StatsRecords {
    static func stats(_ row: Row) -> CustomerStats {
        CustomerStats(customerID: row["customer_id"], asOf: row.day("as_of") ?? Day(number: 0),
                      revenue12m: Money(cents: row["revenue_12m_cents"]),
                      revenuePrevious12m: Money(cents: row["revenue_prev_12m_cents"]),
                      firstPurchase: row.day("first_purchase"), lastPurchase: row.day("last_purchase"),
                      purchaseCount: row["purchase_count"],
                      computedClass: CustomerClass(rawValue: row["computed_class"]) ?? .c,
                      value: (row["value_as_of"] as String?) != nil ? Money(cents: row["value_cents"]) : nil,
                      pAlive: row["p_alive"], expectedPurchases: row["expected_purchases"], rfm: row["rfm"],
                      risk: row["risk"])
    }

    /// The evidence is kept as a key with arguments and read in the viewer's language.
    static func signal(_ row: Row) -> ChurnSignal {
        let stored: String = row["evidence"]
        var s = ChurnSignal(id: row["id"], customerID: row["customer_id"], kind: row["kind"],
                            evidence: StoredText.render(stored: stored),
                            evidenceKey: row["evidence_key"], weight: row["weight"],
                            status: SignalStatus(rawValue: row["status"]) ?? .open, openedOn: row.day("opened_on") ?? Day(number: 0),
                            snoozedUntil: row.day("snoozed_until"), reason: row["reason"], assignedRepID: row["assigned_rep_id"])
        s.storedEvidence = stored
        return s
    }

    /// A customer's open and snoozed signals, heaviest first, as the detail screens list them.
    static func activeSignals(_ db: Database, customerID: Int64) throws -> [ChurnSignal] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM signal WHERE customer_id = ? AND status IN ('open', 'snoozed') ORDER BY weight DESC
            """, arguments: [customerID]).map(signal)
    }
}
