import GRDB
import LoyalCore

extension Store {
    /// One account as the list under `query` shows it, with its place in the order, or nil
    /// when the filter leaves it out: to put the cursor on a record after a change (a merge).
    public func account(id: Int64, in query: AccountQuery) throws -> AccountRow? {
        try pool.read { db in
            var (whereSQL, args) = try AccountSQL.filter(db, query.filter, sort: query.sort)
            whereSQL += (whereSQL.isEmpty ? "WHERE " : " AND ") + "c.id = ?"
            args += [id]
            let keys = query.sort.keyExpressions
            let keyColumns = keys.enumerated().map { "\($0.element) AS k\($0.offset)" }.joined(separator: ", ")
            let row = try Row.fetchOne(db, sql: """
                SELECT \(AccountSQL.selectColumns), \(keyColumns)
                FROM customer c JOIN customer_stats s ON s.customer_id = c.id LEFT JOIN rep r ON r.id = c.rep_id
                \(whereSQL)
                """, arguments: args)
            return row.map { AccountSQL.account($0, keyCount: keys.count) }
        }
    }
}
