import LoyalCore
import LoyalStore

/// `/` search in a list: the next row (or previous, `N`) that matches, looking in the
/// loaded rows first, then a couple of pages further, and only then asking the source's
/// search index, so a match anywhere in 200000 rows is found without reading them all.
extension PagedList {
    /// Pages read beyond the loaded rows before asking the search index.
    static var searchPages: Int { 2 }

    /// Moves to a match; `includeCurrent` for the incremental search while typing.
    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool) throws -> SearchOutcome {
        guard !SearchKey.isBlank(pattern) else { return .found }
        let step = forward ? 1 : -1
        var i = cursor + (includeCurrent ? 0 : step)
        for pagesRead in 0...Self.searchPages {
            while rows.indices.contains(i) {
                if source.matches(rows[i], pattern) {
                    cursor = i
                    trim()
                    return .found
                }
                i += step
            }
            guard pagesRead < Self.searchPages else { break }
            let added = try extend(forward: forward)
            if added == 0 { break }
            if !forward { i += added }
        }
        trim()
        let direction: Store.PageDirection = forward ? .forward : .backward
        let edge = forward ? (atEnd ? nil : rows.last) : (atStart ? nil : rows.first)
        if let edge, let hit = try source.firstMatch(pattern, after: edge, direction: direction) {
            try load(around: hit)
            return .found
        }
        // Wrap around, as vi does.
        guard let hit = try source.firstMatch(pattern, after: nil, direction: direction) else { return .notFound }
        if !select(id: source.id(of: hit)) { try load(around: hit) }
        return .wrapped
    }

    mutating func beginSearch() {
        searchOrigin = Snapshot(rows: rows, start: start, cursor: cursor, top: top, atStart: atStart, atEnd: atEnd)
    }

    mutating func restoreSearchOrigin() {
        guard let o = searchOrigin else { return }
        rows = o.rows; start = o.start; cursor = o.cursor; top = o.top; atStart = o.atStart; atEnd = o.atEnd
    }

    mutating func endSearch(keep: Bool) {
        if !keep { restoreSearchOrigin() }
        searchOrigin = nil
    }
}

extension SearchKey {
    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}
