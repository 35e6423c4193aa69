import GRDB
import GRDBSQLite
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
        // Columns by position: by name, GRDB searches them for every row.
        while let r = try customers.next() {
            let id: Int64 = r[0]
            order.append(id)
            var f = CustomerSignalFacts(
                customerID: id, asOf: asOf, status: CustomerStatus(rawValue: r[1]) ?? .active,
                customerSince: (r[2] as String?).flatMap { Day(iso: $0) }, revenue12m: Money(cents: r[4] ?? 0),
                revenuePrevious12m: Money(cents: r[5] ?? 0), pAlive: r[6],
                expectedPurchasesNextYear: r[7], addressChangedOn: (r[3] as String?).flatMap { Day(iso: $0) })
            f.forecastNoPurchase = r[8]
            facts[id] = f
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
        // A million feedback rows at 200,000 customers: stepped off SQLite as the purchases are.
        let feedback = try db.makeStatement(sql: """
            SELECT i.customer_id, i.day, f.nps, f.csat, f.ces, f.rep_sentiment, f.price_pressure, f.competitor, f.cancellation
            FROM feedback f JOIN interaction i ON i.id = f.interaction_id
            WHERE i.day > ? AND i.day <= ? \(whereCustomer("i.customer_id", "AND")) ORDER BY i.day
            """)
        feedback.setUncheckedArguments([since, asOf.iso])
        var feedbackByCustomer: [Int64: [FeedbackFact]] = [:]
        try step(db, feedback) { h in
            guard let day = Day(isoBytes: UnsafeRawBufferPointer(start: sqlite3_column_text(h, 1),
                                                                count: Int(sqlite3_column_bytes(h, 1)))) else { return }
            func int(_ column: Int32) -> Int? {
                sqlite3_column_type(h, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(h, column))
            }
            let competitor = sqlite3_column_bytes(h, 7) == 0 ? "" : String(cString: sqlite3_column_text(h, 7))
            feedbackByCustomer[sqlite3_column_int64(h, 0), default: []].append(FeedbackFact(
                day: day, nps: int(2), csat: int(3), ces: int(4), sentiment: int(5),
                pricePressure: sqlite3_column_int64(h, 6) != 0, competitor: competitor,
                cancellation: sqlite3_column_int64(h, 8) != 0))
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

    /// Steps a statement to its end, calling `row` with the SQLite statement at each row.
    private static func step(_ db: Database, _ statement: Statement, _ row: (OpaquePointer) throws -> Void) throws {
        let h = statement.sqliteStatement
        while true {
            let code = sqlite3_step(h)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { return }
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            try row(h)
        }
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
        // And by product id in an array when the ids allow (they are row ids: dense, from 1).
        let maxProduct = productCategory.keys.max() ?? -1
        var categoryOf: [Int32] = []
        if maxProduct < 1 << 22 {
            categoryOf = [Int32](repeating: -1, count: Int(max(maxProduct, -1) + 1))
            for (id, c) in productCategory where id >= 0 { categoryOf[Int(id)] = Int32(c) }
        }
        func category(_ product: Int64) -> Int? {
            if maxProduct < 1 << 22 {
                guard product >= 0, product <= maxProduct else { return nil }
                let c = categoryOf[Int(product)]
                return c < 0 ? nil : Int(c)
            }
            return productCategory[product]
        }
        // Millions of rows pass here on every refresh: the loop steps SQLite itself and reads
        // plain column values (no Row, no String; a day's text is parsed only when it differs
        // from the row before), as `PurchaseSummaryReader` does.
        let statement = try db.makeStatement(sql: """
            SELECT p.customer_id, p.day, p.amount_cents, p.discount_cents, p.product_id FROM purchase p
            WHERE p.day <= ? \(filter) ORDER BY p.customer_id, p.day
            """)
        statement.setUncheckedArguments([asOf.iso])
        let h = statement.sqliteStatement
        var current: Int64 = -1
        var days: [Day] = [], discounts: [DiscountFact] = []
        var bought: [Int] = [], isBought = [Bool](repeating: false, count: categoryNames.count)
        // The previous row's day text (10 bytes, packed; (0, 0) when it was none) and its day.
        var lastText: (UInt64, UInt16) = (0, 0), lastDay: Day?
        func flush() {
            guard current >= 0, facts[current] != nil else { return }
            facts[current]!.purchaseDays = Array(days.suffix(50))
            facts[current]!.firstPurchase = days.first
            facts[current]!.purchaseDayCount = days.count
            facts[current]!.discounts = discounts
            facts[current]!.categories = bought.map { categoryNames[$0] }.sorted()
        }
        while true {
            let code = sqlite3_step(h)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) })
            }
            let id = sqlite3_column_int64(h, 0)
            if id != current {
                flush(); current = id; days.removeAll(keepingCapacity: true); discounts = []
                for c in bought { isBought[c] = false }
                bought.removeAll(keepingCapacity: true)
                lastText = (0, 0); lastDay = nil
            }
            let text = UnsafeRawBufferPointer(start: sqlite3_column_text(h, 1), count: Int(sqlite3_column_bytes(h, 1)))
            let packed = text.count == 10
                ? (text.loadUnaligned(as: UInt64.self), text.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) : (0, 0)
            if packed == (0, 0) || packed != lastText {
                lastText = packed
                lastDay = Day(isoBytes: text)
            }
            guard let day = lastDay else { continue }
            if days.last != day { days.append(day) }
            if day > discountSince {
                discounts.append(DiscountFact(day: day, amount: Money(cents: sqlite3_column_int64(h, 2)),
                                              discount: Money(cents: sqlite3_column_int64(h, 3))))
            }
            if sqlite3_column_type(h, 4) != SQLITE_NULL, let c = category(sqlite3_column_int64(h, 4)), !isBought[c] {
                isBought[c] = true
                bought.append(c)
            }
        }
        flush()
    }
}
