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
        let window = try orderedSelect(db, q, filter: unsearched, cursor: cursor, direction: direction, limit: commonWordWindow)
        // The window is read as a co-routine in its order; the outer query keeps that order
        // and stops at the page's last match.
        var args = window.args
        for word in words { args += [likePattern(word)] }
        let sql = """
            SELECT * FROM (\(window.sql)) AS c
            WHERE \(words.map { _ in likeClause }.joined(separator: " AND ")) LIMIT \(limit)
            """
        let page = try rows(db, (sql, args, window.keyCount), direction: direction)
        return page.count == limit ? page : nil
    }
}
