import Foundation
import LoyalCore
import LoyalStore

/// `/` search in the accounts list: jump to the next account whose number, name
/// or city contains the text, looking in the loaded rows first and asking the
/// store (through the search index) only beyond them.
extension AccountsScreen {
    enum SearchDirection { case forward, backward }

    static func matches(_ row: AccountRow, _ pattern: String) -> Bool {
        let p = SearchKey.fold(pattern)
        if p.isEmpty { return true }
        let text = SearchKey.forCustomer(number: row.number, name: row.name, city: row.city)
        return text.contains(p)
    }

    /// Moves to a match; `includeCurrent` for the incremental search while typing.
    /// Returns false when nothing matches anywhere.
    mutating func search(_ pattern: String, direction: SearchDirection, includeCurrent: Bool,
                         env: Environment) throws -> SearchOutcome {
        guard !pattern.trimmingCharacters(in: .whitespaces).isEmpty else { return .found }
        let rows = window.rows
        let step = direction == .forward ? 1 : -1
        var i = window.cursor + (includeCurrent ? 0 : step)
        while rows.indices.contains(i) {
            if Self.matches(rows[i], pattern) { window.cursor = i; return .found }
            i += step
        }
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

    private mutating func jump(to row: AccountRow, _ env: Environment) throws {
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
