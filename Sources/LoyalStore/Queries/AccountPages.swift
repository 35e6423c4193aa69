import GRDB
import LoyalCore

extension Store {
    public enum PageDirection: Sendable { case forward, backward }

    /// A page of the accounts list: the first page when `after` is nil, else the rows
    /// following (or, backward, preceding) the cursor. Uses keyset paging over the
    /// sort order's index, so page 4000 costs what page 1 costs.
    public func accounts(_ query: AccountQuery, from cursor: AccountCursor? = nil,
                         direction: PageDirection = .forward, limit: Int) throws -> [AccountRow] {
        try pool.read { db in try AccountSQL.page(db, query, cursor: cursor, direction: direction, limit: limit) }
    }

    public func accountTotals(_ query: AccountQuery) throws -> AccountTotals {
        try pool.read { db in
            let (whereSQL, args) = try AccountSQL.filter(db, query.filter)
            // Every statistics row belongs to a customer (and the list shows only customers
            // with one), so without a filter on customer columns the small statistics
            // table alone gives the totals, without reading every customer row.
            let f = query.filter
            let needsCustomer = f.repCode != nil || f.status != nil || !SearchKey.fold(f.search).split(separator: " ").isEmpty
            let from = needsCustomer ? "customer c JOIN customer_stats s ON s.customer_id = c.id" : "customer_stats s"
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS n, ifnull(sum(s.revenue_12m_cents), 0) AS revenue,
                       sum(CASE WHEN s.value_as_of IS NOT NULL THEN s.value_cents END) AS value
                FROM \(from) \(whereSQL)
                """, arguments: args)
            return AccountTotals(count: row?["n"] ?? 0, revenue12m: Money(cents: row?["revenue"] ?? 0),
                                 value: (row?["value"] as Int64?).map { Money(cents: $0) })
        }
    }

    /// How many rows come before `cursor` in the query's order (its 0-based position).
    public func accountPosition(_ query: AccountQuery, of cursor: AccountCursor) throws -> Int {
        try pool.read { db in
            var (whereSQL, args) = try AccountSQL.filter(db, query.filter)
            AccountSQL.addKeyset(&whereSQL, &args, keys: query.sort.keyExpressions, cursor: cursor,
                                 descending: !query.descending)
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM customer c JOIN customer_stats s ON s.customer_id = c.id \(whereSQL)
                """, arguments: args) ?? 0
        }
    }

    public func reps() throws -> [Rep] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM rep ORDER BY code").map(CommerceRecords.rep) }
    }
}

enum AccountSQL {
    static let selectColumns = """
        c.id, c.number, c.name, c.city, c.class_override, c.potential_cents, c.status, c.returned_on, s.class, s.value_cents,
        s.value_as_of, s.p_alive, s.revenue_12m_cents, s.revenue_prev_12m_cents, s.last_purchase, s.risk, r.code AS rep_code,
        c.search_key
        """

    /// The WHERE clause of a filter; `sort` when it is for a page in that order.
    static func filter(_ db: Database, _ f: AccountFilter, sort: AccountSort? = nil) throws -> (String, StatementArguments) {
        var clauses: [String] = []
        var args = StatementArguments()
        if let c = f.customerClass {
            if sort?.isCustomerColumn == true {
                // Sorted by a customer column, SQLite would otherwise collect the whole
                // class through the class index and sort it for every page (or first
                // build a Bloom filter over all statistics). Asked per row like this, it
                // walks the sort order's index and skips the other classes.
                clauses.append("(SELECT class FROM customer_stats WHERE customer_id = c.id) = ?")
            } else {
                // Sorted by a figure: the (class, figure, id) indexes serve both.
                clauses.append("s.class = ?")
            }
            args += [c.rawValue]
        }
        if let code = f.repCode {
            clauses.append("c.rep_id = (SELECT id FROM rep WHERE code = ? COLLATE NOCASE)"); args += [code]
        }
        if let status = f.status { clauses.append("c.status = ?"); args += [status.rawValue] }
        let (words, wordArgs) = searchClauses(f.search)
        clauses += words; args += wordArgs
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }

    /// Customers (table alias `c`) whose number, name or city contain every word of `text`.
    static func searchClauses(_ text: String) -> ([String], StatementArguments) {
        var clauses: [String] = []
        var args = StatementArguments()
        for word in SearchKey.fold(text).split(separator: " ").map(String.init) {
            if word.count >= 3 {
                // The trigram index finds substrings; quotes make the word a phrase.
                clauses.append("c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)")
                args += ["\"" + word.replacing("\"", with: "\"\"") + "\""]
            } else {
                clauses.append(likeClause); args += [likePattern(word)]
            }
        }
        return (clauses, args)
    }

    static let likeClause = "c.search_key LIKE ? ESCAPE '\\'"

    /// `word` anywhere in a search key, as a LIKE pattern.
    static func likePattern(_ word: String) -> String {
        "%" + word.replacing("\\", with: "\\\\").replacing("%", with: "\\%").replacing("_", with: "\\_") + "%"
    }

    static func page(_ db: Database, _ q: AccountQuery, cursor: AccountCursor?, direction: Store.PageDirection,
                     limit: Int) throws -> [AccountRow] {
        if let page = try commonWordPage(db, q, cursor: cursor, direction: direction, limit: limit) { return page }
        return try indexedPage(db, q, cursor: cursor, direction: direction, limit: limit)
    }

    static func indexedPage(_ db: Database, _ q: AccountQuery, cursor: AccountCursor?, direction: Store.PageDirection,
                            limit: Int) throws -> [AccountRow] {
        let select = try orderedSelect(db, q, filter: q.filter, cursor: cursor, direction: direction, limit: limit)
        return try rows(db, select, direction: direction)
    }

    /// The accounts matching `filter` after the cursor in the query's order (reversed when
    /// walking backward), at most `limit`, with the sort keys as columns k0, k1, ….
    static func orderedSelect(_ db: Database, _ q: AccountQuery, filter f: AccountFilter, cursor: AccountCursor?,
                              direction: Store.PageDirection, limit: Int) throws -> (sql: String, args: StatementArguments, keyCount: Int) {
        var (whereSQL, args) = try filter(db, f, sort: q.sort)
        let keys = q.sort.keyExpressions
        // Walking backward means reading the order reversed, then flipping the page.
        let descending = q.descending != (direction == .backward)
        if let cursor { addKeyset(&whereSQL, &args, keys: keys, cursor: cursor, descending: descending) }
        let order = keys.map { $0 + (descending ? " DESC" : "") }.joined(separator: ", ")
        let keyColumns = keys.enumerated().map { "\($0.element) AS k\($0.offset)" }.joined(separator: ", ")
        let sql = """
            SELECT \(selectColumns), \(keyColumns)
            FROM customer c JOIN customer_stats s ON s.customer_id = c.id LEFT JOIN rep r ON r.id = c.rep_id
            \(whereSQL) ORDER BY \(order) LIMIT \(max(0, limit))
            """
        return (sql, args, keys.count)
    }

    /// The rows of a select in screen order.
    static func rows(_ db: Database, _ select: (sql: String, args: StatementArguments, keyCount: Int),
                     direction: Store.PageDirection) throws -> [AccountRow] {
        var rows = try Row.fetchAll(db, sql: select.sql, arguments: select.args).map { account($0, keyCount: select.keyCount) }
        if direction == .backward { rows.reverse() }
        return rows
    }

    /// Adds "comes after the cursor in this direction" as one row-value comparison,
    /// which SQLite answers from the sort order's index.
    static func addKeyset(_ whereSQL: inout String, _ args: inout StatementArguments, keys: [String],
                          cursor: AccountCursor, descending: Bool) {
        let tuple = "(" + keys.joined(separator: ", ") + ")"
        let marks = "(" + Array(repeating: "?", count: keys.count).joined(separator: ", ") + ")"
        whereSQL += (whereSQL.isEmpty ? "WHERE " : " AND ") + "\(tuple) \(descending ? "<" : ">") \(marks)"
        for v in cursor.values {
            switch v {
            case .int(let i): args += [i]
            case .text(let t): args += [t]
            case .real(let d): args += [d]
            case .null: args += [nil as String?]
            }
        }
    }

    static func account(_ row: Row, keyCount: Int) -> AccountRow {
        let override = (row["class_override"] as String?).flatMap(CustomerClass.init(rawValue:))
        var values: [AccountCursor.Value] = []
        for i in 0..<keyCount {
            let v: DatabaseValue = row["k\(i)"]
            switch v.storage {
            case .int64(let n): values.append(.int(n))
            case .string(let s): values.append(.text(s))
            case .double(let d): values.append(.real(d))
            default: values.append(.null)
            }
        }
        let valueKnown = (row["value_as_of"] as String?) != nil
        return AccountRow(
            id: row["id"], number: row["number"], name: row["name"], city: row["city"],
            customerClass: CustomerClass(rawValue: row["class"]) ?? .c, classOverridden: override != nil,
            value: valueKnown ? Money(cents: row["value_cents"]) : nil, pAlive: row["p_alive"],
            potential: row.money("potential_cents"),
            revenue12m: Money(cents: row["revenue_12m_cents"]), revenuePrevious12m: Money(cents: row["revenue_prev_12m_cents"]),
            lastPurchase: row.day("last_purchase"), risk: row["risk"], repCode: row["rep_code"],
            status: CustomerStatus(rawValue: row["status"]) ?? .active, isReturnee: (row["returned_on"] as String?) != nil,
            cursor: AccountCursor(values: values), searchKey: row["search_key"] ?? "")
    }
}

/// How much the database holds, for summaries.
public struct DatabaseCounts: Sendable {
    public var customers = 0, reps = 0, products = 0, purchases = 0, interactions = 0, feedback = 0,
               complaints = 0, contacts = 0
}

extension Store {
    public func counts() throws -> DatabaseCounts {
        try pool.read { db in
            func n(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            return DatabaseCounts(customers: try n("customer"), reps: try n("rep"), products: try n("product"),
                                  purchases: try n("purchase"), interactions: try n("interaction"),
                                  feedback: try n("feedback"), complaints: try n("complaint"),
                                  contacts: try n("contact_person"))
        }
    }
}
