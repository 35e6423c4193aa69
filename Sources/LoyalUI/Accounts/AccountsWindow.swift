import LoyalStore

/// The slice of the accounts list held in memory: a few pages around the
/// cursor, fetched by keyset from the store as the cursor moves, so 200000
/// accounts scroll as fast as 200.
struct AccountsWindow {
    static let pageSize = 100
    static let maxRows = 400

    var rows: [AccountRow] = []
    /// Absolute position of `rows[0]` in the whole list, when known.
    var start: Int? = 0
    /// Index into `rows` of the selected row.
    var cursor = 0
    /// Index into `rows` of the first visible row.
    var top = 0
    var atStart = true
    var atEnd = true

    var selected: AccountRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }
    var absoluteCursor: Int? { start.map { $0 + cursor } }

    /// The first page of a query.
    static func first(_ query: AccountQuery, store: Store) throws -> AccountsWindow {
        let rows = try store.accounts(query, limit: pageSize + 1)
        var w = AccountsWindow()
        w.rows = Array(rows.prefix(pageSize))
        w.atEnd = rows.count <= pageSize
        return w
    }

    /// The last page of a query (for `G`); its position is known once the total is.
    static func last(_ query: AccountQuery, store: Store, total: Int?) throws -> AccountsWindow {
        let rows = try store.accounts(query, direction: .backward, limit: pageSize + 1)
        var w = AccountsWindow()
        w.atStart = rows.count <= pageSize
        w.rows = Array(rows.suffix(pageSize))
        w.atEnd = true
        w.cursor = max(0, w.rows.count - 1)
        w.start = w.atStart ? 0 : total.map { $0 - w.rows.count }
        return w
    }

    /// A window around one row (found by search, or kept after an edit): some rows
    /// before it, then the row itself read afresh, then rows after.
    static func around(_ row: AccountRow, query: AccountQuery, store: Store) throws -> AccountsWindow {
        let before = try store.accounts(query, from: row.cursor, direction: .backward, limit: pageSize / 2 + 1)
        let head = Array(before.suffix(pageSize / 2))
        let after = try store.accounts(query, from: head.last?.cursor, limit: pageSize + 1)
        var w = AccountsWindow()
        w.atStart = before.count <= pageSize / 2
        w.atEnd = after.count <= pageSize
        w.rows = head + after.prefix(pageSize)
        w.cursor = min(head.count, max(0, w.rows.count - 1))
        w.start = w.atStart ? 0 : nil
        return w
    }

    /// Moves the cursor by `delta` rows, fetching neighbouring pages as needed.
    mutating func move(by delta: Int, query: AccountQuery, store: Store) throws {
        var target = cursor + delta
        while target >= rows.count - 1 && !atEnd, let last = rows.last {
            let more = try store.accounts(query, from: last.cursor, limit: Self.pageSize + 1)
            atEnd = more.count <= Self.pageSize
            rows += more.prefix(Self.pageSize)
            if rows.count > Self.maxRows { dropFront(rows.count - Self.maxRows, target: &target) }
            if more.isEmpty { break }
        }
        while target < 0 && !atStart, let first = rows.first {
            let more = try store.accounts(query, from: first.cursor, direction: .backward, limit: Self.pageSize + 1)
            atStart = more.count <= Self.pageSize
            let added = Array(more.suffix(Self.pageSize))
            rows = added + rows
            cursor += added.count; top += added.count; target += added.count
            start = start.map { $0 - added.count } ?? (atStart ? 0 : nil)
            if atStart { start = 0 }
            if rows.count > Self.maxRows { rows.removeLast(rows.count - Self.maxRows); atEnd = false }
            if more.isEmpty { break }
        }
        cursor = max(0, min(rows.count - 1, target))
    }

    /// Reads one more page after the last row (or before the first) without moving
    /// the cursor; returns how many rows came in (0 at the end of the list).
    mutating func extend(forward: Bool, query: AccountQuery, store: Store) throws -> Int {
        if forward {
            guard !atEnd, let last = rows.last else { return 0 }
            let more = try store.accounts(query, from: last.cursor, limit: Self.pageSize + 1)
            atEnd = more.count <= Self.pageSize
            rows += more.prefix(Self.pageSize)
            return min(more.count, Self.pageSize)
        }
        guard !atStart, let first = rows.first else { return 0 }
        let more = try store.accounts(query, from: first.cursor, direction: .backward, limit: Self.pageSize + 1)
        atStart = more.count <= Self.pageSize
        let added = Array(more.suffix(Self.pageSize))
        rows = added + rows
        cursor += added.count; top += added.count
        start = atStart ? 0 : start.map { $0 - added.count }
        return added.count
    }

    /// Drops rows far from the cursor until at most `maxRows` are held.
    mutating func trim() {
        guard rows.count > Self.maxRows else { return }
        let front = min(max(0, cursor - Self.pageSize), rows.count - Self.maxRows)
        if front > 0 {
            rows.removeFirst(front)
            cursor -= front; top = max(0, top - front)
            start = start.map { $0 + front }
            atStart = false
        }
        if rows.count > Self.maxRows {
            rows.removeLast(rows.count - Self.maxRows)
            atEnd = false
        }
    }

    private mutating func dropFront(_ n: Int, target: inout Int) {
        let n = min(n, max(0, cursor - 1), max(0, top))
        guard n > 0 else { return }
        rows.removeFirst(n)
        cursor -= n; top -= n; target -= n
        start = start.map { $0 + n }
        atStart = false
    }

    /// Keeps the cursor inside the `height` visible rows, scrolling as little as possible.
    mutating func scrollIntoView(height: Int) {
        guard height > 0 else { return }
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
        if cursor < top { top = cursor }
    }
}
