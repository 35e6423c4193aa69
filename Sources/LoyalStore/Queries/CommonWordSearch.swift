import GRDB
import LoyalCore

extension AccountSQL {
    /// How many rows of the sort order a search reads before it asks the trigram index.
    static let commonWordWindow = 3000

    /// A page for a search whose words are common ("gmbh" is in most names): the trigram
    /// index would hand over every one of tens of thousands of matches before the first
    /// page could be sorted (about 200 ms at 200,000 customers), while walking the sort
    /// order and testing each row's search key fills the page within a few hundred rows.
    /// The walk stops after `commonWordWindow` rows; the matches it found there are the
    /// first ones in the order, so they are the page when they fill it. Otherwise (a rare
    /// word) nil: the trigram index answers.
    static func commonWordPage(_ db: Database, _ q: AccountQuery, cursor: AccountCursor?, direction: Store.PageDirection,
                               limit: Int) throws -> [AccountRow]? {
        let words = SearchKey.fold(q.filter.search).split(separator: " ").map(String.init)
        guard words.contains(where: { $0.count >= 3 }), limit > 0 else { return nil }
        var unsearched = q.filter
        unsearched.search = ""
        var (whereSQL, args) = try filter(db, unsearched, sort: q.sort)
        let keys = q.sort.keyExpressions
        let descending = q.descending != (direction == .backward)
        if let cursor { addKeyset(&whereSQL, &args, keys: keys, cursor: cursor, descending: descending) }
        let order = keys.map { $0 + (descending ? " DESC" : "") }.joined(separator: ", ")
        let keyColumns = keys.enumerated().map { "\($0.element) AS k\($0.offset)" }.joined(separator: ", ")
        // The window is read as a co-routine in its order; the outer query keeps that order
        // and stops at the page's last match.
        let sql = """
            SELECT * FROM (
                SELECT \(selectColumns), \(keyColumns)
                FROM customer c JOIN customer_stats s ON s.customer_id = c.id LEFT JOIN rep r ON r.id = c.rep_id
                \(whereSQL) ORDER BY \(order) LIMIT \(commonWordWindow)
            ) AS c WHERE \(words.map { _ in likeClause }.joined(separator: " AND ")) LIMIT \(limit)
            """
        for word in words { args += [likePattern(word)] }
        var rows = try Row.fetchAll(db, sql: sql, arguments: args).map { row in account(row, keyCount: keys.count) }
        guard rows.count == limit else { return nil }
        if direction == .backward { rows.reverse() }
        return rows
    }
}
