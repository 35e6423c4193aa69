import LoyalCore
import LoyalStore

/// The one list of Loyal: the slice of a long list held in memory (a few pages around
/// the cursor), read by keyset from its source as the cursor moves both ways, so
/// 200000 rows scroll as fast as 200. Every list screen keeps one; cursor keys,
/// `/` search, `g`/`G`, PgUp/PgDn and Home/End behave the same on all of them.
struct PagedList<Source: PageSource> {
    static var pageSize: Int { 100 }
    static var maxRows: Int { 400 }

    var source: Source
    var rows: [Source.Row] = []
    /// Absolute position of `rows[0]` in the whole list, when known.
    var start: Int? = 0
    /// Index into `rows` of the selected row.
    var cursor = 0
    /// Index into `rows` of the first visible row (set by the layout step).
    var top = 0
    /// Rows that fit on screen (set by the layout step), for paging.
    var visibleRows = 20
    var atStart = true
    var atEnd = true
    /// Where the cursor was when a `/` search started, to go back on Esc.
    var searchOrigin: Snapshot?

    struct Snapshot {
        var rows: [Source.Row], start: Int?, cursor: Int, top: Int, atStart: Bool, atEnd: Bool
    }

    init(_ source: Source) throws {
        self.source = source
        try loadFirst()
    }

    var selected: Source.Row? { rows.indices.contains(cursor) ? rows[cursor] : nil }
    var absoluteCursor: Int? { start.map { $0 + cursor } }
    var isEmpty: Bool { rows.isEmpty }

    // MARK: Loading

    /// The first page.
    mutating func loadFirst() throws {
        let page = try source.page(after: nil, direction: .forward, limit: Self.pageSize + 1)
        rows = Array(page.prefix(Self.pageSize))
        atStart = true; atEnd = page.count <= Self.pageSize
        start = 0; cursor = 0; top = 0
    }

    /// The last page, read backward from the end (for `G`): the whole list is never read.
    mutating func loadLast(total: Int?) throws {
        let page = try source.page(after: nil, direction: .backward, limit: Self.pageSize + 1)
        atStart = page.count <= Self.pageSize
        rows = Array(page.suffix(Self.pageSize))
        atEnd = true
        cursor = max(0, rows.count - 1)
        top = max(0, rows.count - visibleRows)
        start = atStart ? 0 : total.map { $0 - rows.count }
    }

    /// Rows around `row` (found by search, or the selected one after a change): some before
    /// it, then from it on. The cursor lands on the same record, or where it used to be
    /// when it left the list (the next one).
    mutating func load(around row: Source.Row) throws {
        let id = source.id(of: row)
        let before = try source.page(after: row, direction: .backward, limit: Self.pageSize / 2 + 1)
        let head = Array(before.suffix(Self.pageSize / 2))
        let after = try source.page(after: head.last, direction: .forward, limit: Self.pageSize + 1)
        atStart = before.count <= Self.pageSize / 2
        atEnd = after.count <= Self.pageSize
        rows = head + after.prefix(Self.pageSize)
        cursor = rows.firstIndex { source.id(of: $0) == id } ?? min(head.count, max(0, rows.count - 1))
        start = atStart ? 0 : try rows.first.flatMap(source.position(of:))
        top = max(0, cursor - visibleRows / 2)
    }

    /// Reads the list afresh after a change, keeping the cursor on the same record (or
    /// the next one, when it left the list) and where it was on the screen.
    mutating func reload() throws {
        guard let row = selected else { return try loadFirst() }
        let line = cursor - top
        try load(around: row)
        top = max(0, cursor - line)
    }

    /// Replaces the source (a changed filter or sort) and starts at the top.
    mutating func replaceSource(_ source: Source) throws {
        self.source = source
        try loadFirst()
    }

    // MARK: Moving

    /// Moves the cursor by `delta` rows, reading neighbouring pages as needed.
    mutating func move(by delta: Int) throws {
        var target = cursor + delta
        while target >= rows.count - 1, try extend(forward: true) > 0 {}
        while target < 0 {
            let added = try extend(forward: false)
            if added == 0 { break }
            target += added
        }
        cursor = max(0, min(rows.count - 1, target))
        trim()
    }

    mutating func perform(_ move: ListMove, total: Int? = nil) throws {
        switch move {
        case .down: try self.move(by: 1)
        case .up: try self.move(by: -1)
        case .pageDown: try self.move(by: visibleRows)
        case .pageUp: try self.move(by: -visibleRows)
        case .halfDown: try self.move(by: max(1, visibleRows / 2))
        case .halfUp: try self.move(by: -max(1, visibleRows / 2))
        case .first: if atStart { cursor = 0 } else { try loadFirst() }
        case .last: if atEnd { cursor = max(0, rows.count - 1) } else { try loadLast(total: total) }
        }
    }

    /// Reads one more page after the last row (or before the first) without moving the
    /// cursor; returns how many rows came in (0 at the end of the list).
    @discardableResult
    mutating func extend(forward: Bool) throws -> Int {
        if forward {
            guard !atEnd, let last = rows.last else { return 0 }
            let more = try source.page(after: last, direction: .forward, limit: Self.pageSize + 1)
            atEnd = more.count <= Self.pageSize
            rows += more.prefix(Self.pageSize)
            return min(more.count, Self.pageSize)
        }
        guard !atStart, let first = rows.first else { return 0 }
        let more = try source.page(after: first, direction: .backward, limit: Self.pageSize + 1)
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
        let front = min(max(0, min(cursor, top) - Self.pageSize), rows.count - Self.maxRows)
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

    /// Puts the cursor on a loaded row.
    mutating func select(id: Int64) -> Bool {
        guard let index = rows.firstIndex(where: { source.id(of: $0) == id }) else { return false }
        cursor = index
        return true
    }

    // MARK: Layout

    /// The layout step: `height` rows fit; keeps the cursor in view, scrolling as little as possible.
    mutating func arrange(height: Int) {
        visibleRows = max(1, height)
        if cursor < top { top = cursor }
        if cursor >= top + visibleRows { top = cursor - visibleRows + 1 }
        top = max(0, min(top, max(0, rows.count - visibleRows)))
        if cursor < top { top = cursor }
    }

    /// The rows on screen, with their index into `rows`.
    var visible: [(index: Int, row: Source.Row)] {
        guard top < rows.count else { return [] }
        return (top..<min(rows.count, top + visibleRows)).map { ($0, rows[$0]) }
    }

    /// "12 of 3400" for a title line.
    func positionText(total: Int?) -> String {
        let count = total.map(String.init) ?? "…"
        guard !rows.isEmpty else { return Text.tr("list.position_empty", count) }
        return Text.tr("list.position", absoluteCursor.map { String($0 + 1) } ?? "?", count)
    }
}
