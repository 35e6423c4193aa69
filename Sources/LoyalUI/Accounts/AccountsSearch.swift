import Foundation
import LoyalCore
import LoyalStore

/// `/` search in the accounts list: jump to the next account whose number, name
/// or city contains the text, looking in the loaded rows first and asking the
/// store (through the search index) only beyond them.
extension AccountsScreen {
    enum SearchDirection { case forward, backward }

    /// Pages read beyond the loaded rows before asking the search index.
    static let searchPages = 2

    static func matches(_ row: AccountRow, _ pattern: String) -> Bool {
        let p = SearchKey.fold(pattern)
        if p.isEmpty { return true }
        let text = row.searchKey.isEmpty ? SearchKey.forCustomer(number: row.number, name: row.name, city: row.city)
                                         : row.searchKey
        return text.contains(p)
    }

    /// Moves to a match; `includeCurrent` for the incremental search while typing.
    /// Returns false when nothing matches anywhere.
    mutating func search(_ pattern: String, direction: SearchDirection, includeCurrent: Bool,
                         env: Environment) throws -> SearchOutcome {
        guard !pattern.trimmingCharacters(in: .whitespaces).isEmpty else { return .found }
        let step = direction == .forward ? 1 : -1
        var i = window.cursor + (includeCurrent ? 0 : step)
        // The loaded rows first, then up to two more pages: reading a page costs what
        // scrolling does, while the search index sorts every match there is (a tenth
        // of a second for a common name among 200000 accounts).
        for pagesRead in 0...Self.searchPages {
            while window.rows.indices.contains(i) {
                if Self.matches(window.rows[i], pattern) {
                    window.cursor = i
                    window.trim()
                    return .found
                }
                i += step
            }
            guard pagesRead < Self.searchPages else { break }
            let added = try window.extend(forward: direction == .forward, query: query, store: env.store)
            if added == 0 { break }
            if direction == .backward { i += added }
        }
        window.trim()
        let rows = window.rows
        var q = query
        q.filter.search = (q.filter.search + " " + pattern).trimmingCharacters(in: .whitespaces)
        let edge = direction == .forward ? (window.atEnd ? nil : rows.last) : (window.atStart ? nil : rows.first)
        if let edge, let hit = try env.store.accounts(q, from: edge.cursor,
                                                       direction: direction == .forward ? .forward : .backward,
                                                       limit: 1).first {
            try jump(to: hit, env)
            return .found
        }
        // Wrap around, as vi does.
        guard let hit = try env.store.accounts(q, direction: direction == .forward ? .forward : .backward,
                                               limit: 1).first else { return .notFound }
        if let index = window.rows.firstIndex(where: { $0.id == hit.id }) {
            window.cursor = index
        } else {
            try jump(to: hit, env)
        }
        return .wrapped
    }

    /// A window around `row`, its position counted in the background.
    mutating func jump(to row: AccountRow, _ env: Environment) throws {
        window = try AccountsWindow.around(row, query: query, store: env.store)
        let store = env.store, query = self.query, id = row.id, cursor = row.cursor
        env.background.run({ try? store.accountPosition(query, of: cursor) }) { state, position in
            state.updateAccounts { screen in
                guard screen.query == query, let position, let index = screen.window.rows.firstIndex(where: { $0.id == id }),
                      screen.window.start == nil else { return }
                screen.window.start = position - index
            }
        }
    }
}

enum SearchOutcome { case found, wrapped, notFound }
