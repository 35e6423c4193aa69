import GRDB
import LoyalCore

/// A lost customer (or a returnee) and where his win-back stands.
public struct LostRow: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var name: String
    public var repCode: String?
    public var customerClass: CustomerClass
    public var lostOn: Day?
    public var reason: LostReason?
    public var returnedOn: Day?
    /// Net revenue of his last 12 active months (the 12 months up to his last purchase
    /// before he was lost), and its contribution margin where known: what the win-back
    /// matrix weighs, as the setting describes it.
    public var revenueBrought: Money
    public var marginBrought: Money?
    public var winback: WinbackCase?
}

extension Store {
    /// Lost customers and returnees, most recently lost first (returnees after the lost).
    /// Paged by keyset after `after` (backward: the rows before it, from the end when nil,
    /// still in list order); `offset` is for reports that read everything in turn.
    /// `matching` keeps those whose number, name or city contain its words.
    public func lostCustomers(repCode: String? = nil, customerClass: CustomerClass? = nil, includeReturnees: Bool = true,
                              after: LostRow? = nil, direction: PageDirection = .forward, matching search: String = "",
                              offset: Int = 0, limit: Int) throws -> [LostRow] {
        try pool.read { db in
            var (clauses, args) = Self.lostClauses(repCode: repCode, customerClass: customerClass,
                                                   includeReturnees: includeReturnees)
            let backward = direction == .backward
            if let after { Self.addLostKeyset(&clauses, &args, after, backward: backward) }
            let (words, wordArgs) = AccountSQL.searchClauses(search)
            clauses += words; args += wordArgs
            let order = backward ? "c.returned_on IS NOT NULL DESC, c.lost_on ASC, c.id DESC"
                                 : "c.returned_on IS NOT NULL, c.lost_on DESC, c.id"
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.number, c.name, c.lost_on, c.lost_reason, c.returned_on, r.code AS rep_code, s.class,
                       (SELECT ifnull(sum(amount_cents), 0) FROM purchase WHERE customer_id = c.id \(Self.lastActiveYear)) AS revenue,
                       (SELECT sum(margin_cents) FROM purchase WHERE customer_id = c.id \(Self.lastActiveYear)) AS margin,
                       (SELECT id FROM winback WHERE customer_id = c.id ORDER BY id DESC LIMIT 1) AS winback_id
                FROM customer c JOIN customer_stats s ON s.customer_id = c.id LEFT JOIN rep r ON r.id = c.rep_id
                WHERE \(clauses.joined(separator: " AND "))
                ORDER BY \(order) LIMIT \(limit) OFFSET \(offset)
                """, arguments: args)
            let page = try rows.map { r in
                LostRow(id: r["id"], number: r["number"], name: r["name"], repCode: r["rep_code"],
                        customerClass: CustomerClass(rawValue: r["class"]) ?? .c, lostOn: r.day("lost_on"),
                        reason: (r["lost_reason"] as String?).flatMap(LostReason.init(rawValue:)),
                        returnedOn: r.day("returned_on"), revenueBrought: Money(cents: r["revenue"]),
                        marginBrought: (r["margin"] as Int64?).map { Money(cents: $0) },
                        winback: try (r["winback_id"] as Int64?).flatMap { try WinbackRecords.find(db, id: $0) })
            }
            return backward ? page.reversed() : page
        }
    }

    /// How many the list holds; with `before`, how many come before that row (its 0-based
    /// position, for "k of N" after a far jump).
    public func lostCount(repCode: String? = nil, customerClass: CustomerClass? = nil, before row: LostRow? = nil) throws -> Int {
        try pool.read { db in
            var (clauses, args) = Self.lostClauses(repCode: repCode, customerClass: customerClass, includeReturnees: true)
            if let row { Self.addLostKeyset(&clauses, &args, row, backward: true) }
            return try Int.fetchOne(db, sql: """
                SELECT count(*) FROM customer c JOIN customer_stats s ON s.customer_id = c.id LEFT JOIN rep r ON r.id = c.rep_id
                WHERE \(clauses.joined(separator: " AND "))
                """, arguments: args) ?? 0
        }
    }

    /// A purchase condition: within the 12 months up to the customer's last purchase on or
    /// before the day he was lost.
    static let lastActiveYear = """
        AND day <= (SELECT max(day) FROM purchase WHERE customer_id = c.id AND day <= ifnull(c.lost_on, '9999-12-31'))
        AND day > date((SELECT max(day) FROM purchase WHERE customer_id = c.id AND day <= ifnull(c.lost_on, '9999-12-31')),
                       '-12 months')
        """

    /// The rows after `row` in list order (backward: before it). The order is (returned?,
    /// lost_on descending, id): the keyset compares each in its direction.
    static func addLostKeyset(_ clauses: inout [String], _ args: inout StatementArguments, _ row: LostRow, backward: Bool) {
        let returned = row.returnedOn == nil ? 0 : 1, lost = row.lostOn?.iso ?? ""
        clauses.append(backward
            ? "((c.returned_on IS NOT NULL) < ? OR ((c.returned_on IS NOT NULL) = ? AND (ifnull(c.lost_on, '') > ? OR (ifnull(c.lost_on, '') = ? AND c.id < ?))))"
            : "((c.returned_on IS NOT NULL) > ? OR ((c.returned_on IS NOT NULL) = ? AND (ifnull(c.lost_on, '') < ? OR (ifnull(c.lost_on, '') = ? AND c.id > ?))))")
        args += [returned, returned, lost, lost, row.id]
    }

    /// The filters the lost list and its count share.
    static func lostClauses(repCode: String?, customerClass: CustomerClass?,
                            includeReturnees: Bool) -> ([String], StatementArguments) {
        var clauses = [includeReturnees ? "c.lost_on IS NOT NULL" : "c.status = 'lost'"]
        var args = StatementArguments()
        if let repCode { clauses.append("r.code = ? COLLATE NOCASE"); args += [repCode] }
        if let customerClass { clauses.append("s.class = ?"); args += [customerClass.rawValue] }
        return (clauses, args)
    }
}
