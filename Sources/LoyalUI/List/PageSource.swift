import LoyalCore
import LoyalStore

/// Where a list's rows come from: the store, a page at a time in the list's order,
/// by keyset (never the whole table, never OFFSET).
protocol PageSource {
    associatedtype Row
    /// Up to `limit` rows after `row` (backward: before it, still in list order); from
    /// the start (backward: the end) when `row` is nil. `row` itself is never included.
    func page(after row: Row?, direction: Store.PageDirection, limit: Int) throws -> [Row]
    /// What identifies a record across reloads.
    func id(of row: Row) -> Int64
    /// Whether a row matches the text of a `/` search.
    func matches(_ row: Row, _ pattern: String) -> Bool
    /// The first matching row after `row` in `direction` (from the edge when nil),
    /// asked of the store's search index; nil when none.
    func firstMatch(_ pattern: String, after row: Row?, direction: Store.PageDirection) throws -> Row?
    /// How many rows come before `row` (its 0-based position), counted by the store over the
    /// list's keyset, so a far jump shows "k of N"; nil when the source cannot count cheaply.
    func position(of row: Row) throws -> Int?
}

extension PageSource {
    func position(of row: Row) throws -> Int? { nil }
}

/// A list held in memory (a customer's contact persons, a case's signals): pages are
/// slices of the array, so it behaves like every other list.
struct ArraySource<Row>: PageSource {
    var rows: [Row]
    let identify: (Row) -> Int64
    let text: (Row) -> String

    func page(after row: Row?, direction: Store.PageDirection, limit: Int) throws -> [Row] {
        let index = row.flatMap { r in rows.firstIndex { identify($0) == identify(r) } }
        switch direction {
        case .forward:
            let from = index.map { $0 + 1 } ?? 0
            return Array(rows[min(from, rows.count)..<min(rows.count, from + limit)])
        case .backward:
            let to = index ?? rows.count
            return Array(rows[max(0, to - limit)..<to])
        }
    }

    func id(of row: Row) -> Int64 { identify(row) }
    func position(of row: Row) throws -> Int? { rows.firstIndex { identify($0) == identify(row) } }
    func matches(_ row: Row, _ pattern: String) -> Bool { ListSearch.matches(text(row), pattern) }

    func firstMatch(_ pattern: String, after row: Row?, direction: Store.PageDirection) throws -> Row? {
        let index = row.flatMap { r in rows.firstIndex { identify($0) == identify(r) } }
        let candidates: ArraySlice<Row> = direction == .forward ? rows[(index.map { $0 + 1 } ?? 0)...] : rows[..<(index ?? rows.count)]
        return direction == .forward ? candidates.first { matches($0, pattern) } : candidates.last { matches($0, pattern) }
    }
}

enum ListSearch {
    /// Case- and accent-blind containment, as the accounts search has always matched.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let p = SearchKey.fold(pattern)
        return p.isEmpty || SearchKey.fold(text).contains(p)
    }
}
