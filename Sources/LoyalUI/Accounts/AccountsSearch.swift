import Foundation
import LoyalCore
import LoyalStore

/// `/` search in the accounts list: the number, name or city contains the text (the
/// list component does the rest); the position of a far match is counted in the background.
extension AccountsScreen {
    static func matches(_ row: AccountRow, _ pattern: String) -> Bool {
        let p = SearchKey.fold(pattern)
        if p.isEmpty { return true }
        let text = row.searchKey.isEmpty ? SearchKey.forCustomer(number: row.number, name: row.name, city: row.city)
                                         : row.searchKey
        return text.contains(p)
    }

    var isSearchable: Bool { true }
    mutating func beginSearch() { list.beginSearch() }
    mutating func restoreSearchOrigin() { list.restoreSearchOrigin() }
    mutating func endSearch(keep: Bool) { list.endSearch(keep: keep) }

    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool, env: Environment) throws -> SearchOutcome {
        let outcome = try list.search(pattern, forward: forward, includeCurrent: includeCurrent)
        countPosition(env)
        return outcome
    }

    /// A window around `row`, its position counted in the background.
    mutating func jump(to row: AccountRow, _ env: Environment) throws {
        try list.load(around: row)
        countPosition(env)
    }

    /// Where the loaded rows start in the whole list, when a jump left it unknown.
    func countPosition(_ env: Environment) {
        guard list.start == nil, let first = list.rows.first else { return }
        let store = env.store, query = self.query, id = first.id, cursor = first.cursor
        env.background.run({ try? store.accountPosition(query, of: cursor) }) { state, position in
            state.update(AccountsScreen.self) { screen in
                guard screen.query == query, let position, let index = screen.list.rows.firstIndex(where: { $0.id == id }),
                      screen.list.start == nil else { return }
                screen.list.start = position - index
            }
        }
    }
}
