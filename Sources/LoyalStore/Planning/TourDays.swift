import GRDB
import LoyalCore

/// One rep's visits on one day and the postal regions they go to.
public struct TourDay: Hashable, Sendable {
    public var repCode: String
    public var day: Day
    /// Region (first two digits of the postal code, "??" when there are none) → visits.
    public var regions: [String: Int]
    public var visits: Int { regions.values.reduce(0, +) }
}

extension Store {
    /// Open, unblocked visits per rep and day in `from...to`, with their postal regions.
    public func tourDays(from: Day, to: Day, repCode: String? = nil) throws -> [TourDay] {
        try pool.read { db in
            var sql = """
                SELECT r.code, e.due, c.postal_code FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                JOIN rep r ON r.id = e.rep_id
                WHERE e.channel = 'visit' AND e.status = 'open' AND e.blocked IS NULL AND e.due BETWEEN ? AND ?
                """
            var args: StatementArguments = [from.iso, to.iso]
            if let repCode { sql += " AND r.code = ? COLLATE NOCASE"; args += [repCode] }
            var days: [String: [Day: [String: Int]]] = [:]
            for r in try Row.fetchAll(db, sql: sql, arguments: args) {
                guard let day = Day(iso: r[1] as String) else { continue }
                let region = LevelItem.region(ofPostalCode: r[2])
                let name = region < 0 ? "??" : (region < 10 ? "0\(region)" : "\(region)")
                days[r[0], default: [:]][day, default: [:]][name, default: 0] += 1
            }
            return days.flatMap { rep, byDay in byDay.map { TourDay(repCode: rep, day: $0.key, regions: $0.value) } }
                .sorted { ($0.repCode, $0.day) < ($1.repCode, $1.day) }
        }
    }
}
