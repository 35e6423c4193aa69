import LoyalCore
import LoyalStore

/// The accounts list's rows: a query over the store, keyset-paged in the sort order.
struct AccountsSource: PageSource {
    let query: AccountQuery
    let store: Store

    func page(after row: AccountRow?, direction: Store.PageDirection, limit: Int) throws -> [AccountRow] {
        try store.accounts(query, from: row?.cursor, direction: direction, limit: limit)
    }

    func id(of row: AccountRow) -> Int64 { row.id }

    func matches(_ row: AccountRow, _ pattern: String) -> Bool { AccountsScreen.matches(row, pattern) }

    /// Through the search index: the query with the text added to its search filter.
    func firstMatch(_ pattern: String, after row: AccountRow?, direction: Store.PageDirection) throws -> AccountRow? {
        var q = query
        q.filter.search = (q.filter.search + " " + pattern).trimmingCharacters(in: .whitespaces)
        return try store.accounts(q, from: row?.cursor, direction: direction, limit: 1).first
    }
}
