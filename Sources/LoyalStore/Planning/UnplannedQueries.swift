import GRDB
import LoyalCore

/// A planned call or visit that found no room on its rep's days ("does not fit").
public struct UnplannedRow: Hashable, Sendable {
    public var uid: String
    public var customerNumber: String
    public var customerName: String
    public var repCode: String?
    /// The planner's day.
    public var due: Day
    public var channel: Channel
    public var reason: String
    /// Expected loss in cents that ranked it.
    public var stake: Int64
    public var window: ClosedRange<Day>?
}

extension Store {
    /// What the last refresh could not fit, per rep (by code) then most at stake first.
    public func unplanned(repCode: String? = nil, customerID: Int64? = nil, limit: Int = 5000) throws -> [UnplannedRow] {
        try pool.read { db in
            var clauses = ["1"]
            var args: StatementArguments = []
            if let repCode { clauses.append("r.code = ? COLLATE NOCASE"); args += [repCode] }
            if let customerID { clauses.append("u.customer_id = ?"); args += [customerID] }
            return try Row.fetchAll(db, sql: """
                SELECT u.uid, c.number, c.name, r.code, u.due, u.channel, u.reason, u.stake, u.window_from, u.window_to
                FROM calendar_unplanned u JOIN customer c ON c.id = u.customer_id LEFT JOIN rep r ON r.id = u.rep_id
                WHERE \(clauses.joined(separator: " AND ")) ORDER BY r.code, u.stake DESC, u.due, c.number LIMIT \(limit)
                """, arguments: args).map { r in
                let from = (r[8] as String?).flatMap(Day.init(iso:)), to = (r[9] as String?).flatMap(Day.init(iso:))
                return UnplannedRow(uid: r[0], customerNumber: r[1], customerName: r[2], repCode: r[3],
                                    due: Day(iso: r[4] as String) ?? Day(number: 0), channel: Channel(rawValue: r[5]) ?? .phone,
                                    reason: StoredText.render(stored: r[6]), stake: r[7], window: from.flatMap { f in to.map { f...max(f, $0) } })
            }
        }
    }

    /// "does not fit" per rep code, from the last refresh.
    public func unplannedCounts() throws -> [(repCode: String, count: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT ifnull(r.code, '-'), count(*) FROM calendar_unplanned u LEFT JOIN rep r ON r.id = u.rep_id
                GROUP BY u.rep_id ORDER BY 1
                """).map { ($0[0], $0[1]) }
        }
    }
}
