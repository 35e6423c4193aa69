import LoyalCore
import LoyalStore
import LoyalTerminal

/// The accounts list: every customer, filtered by class, rep and search, sorted
/// by any column, paged from the store.
struct AccountsScreen {
    var query = AccountQuery()
    var window = AccountsWindow()
    /// Count and sums of what the filter matches; nil while they are being counted.
    var totals: AccountTotals?
    /// Rows visible in the last frame, for paging.
    var visibleRows = 20
    /// Where the cursor was when a `/` search started, to go back on Esc.
    var searchOrigin: AccountsWindow?
    var repName: [String: String] = [:]

    static let sortColumns: [AccountSort] = [.number, .name, .city, .class, .value, .revenue, .lastPurchase, .risk, .rep]

    /// The list under `filter` (the Team tab opens a rep's accounts through the rep filter).
    init(environment env: Environment, filter: AccountFilter = AccountFilter()) throws {
        query = AccountQuery(filter: filter)
        window = try AccountsWindow.first(query, store: env.store)
        repName = Dictionary((try? env.store.reps())?.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { a, _ in a })
    }

    /// Fetches the totals for the current query off the keystroke path.
    func countTotals(_ env: Environment) {
        let query = self.query, store = env.store
        env.background.run({ try? store.accountTotals(query) }) { state, totals in
            state.updateAccounts { screen in
                if screen.query == query { screen.totals = totals }
            }
        }
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        guard let action: AccountsAction = Self.actions.action(for: key) else { return nil }
        let store = env.store
        switch action {
        case .down: try window.move(by: 1, query: query, store: store)
        case .up: try window.move(by: -1, query: query, store: store)
        case .pageDown: try window.move(by: visibleRows, query: query, store: store)
        case .pageUp: try window.move(by: -visibleRows, query: query, store: store)
        case .halfDown: try window.move(by: visibleRows / 2, query: query, store: store)
        case .halfUp: try window.move(by: -visibleRows / 2, query: query, store: store)
        case .top: window = try AccountsWindow.first(query, store: store)
        case .bottom: window = try AccountsWindow.last(query, store: store, total: totals?.count)
        case .open: return openSelected(env)
        case .classA: try setFilter(\.customerClass, .a, env)
        case .classB: try setFilter(\.customerClass, .b, env)
        case .classC: try setFilter(\.customerClass, .c, env)
        case .allClasses: try setFilter(\.customerClass, nil, env)
        case .rep: return .overlay(.picker(repPicker(env)))
        case .sort: return .overlay(.picker(sortPicker()))
        case .sortNext, .sortPrevious:
            let i = Self.sortColumns.firstIndex(of: query.sort) ?? 0
            let n = Self.sortColumns.count
            try setSort(Self.sortColumns[(i + (action == .sortNext ? 1 : n - 1)) % n], env)
        case .invert:
            query.descending.toggle()
            try reload(env)
        case .merge: return .mergeSelected
        case .undo: return .undoLast
        }
        return .stay
    }

    func openSelected(_ env: Environment) -> ScreenEffect {
        guard let row = window.selected else { return .message("No account selected", .warning) }
        do {
            return .push(.detail(try AccountDetailScreen(customerID: row.id, env: env)))
        } catch {
            return .message("Cannot open \(row.number): \(StoreError.message(for: error))", .error)
        }
    }

    mutating func setFilter<V: Equatable>(_ path: WritableKeyPath<AccountFilter, V>, _ value: V, _ env: Environment) throws {
        guard query.filter[keyPath: path] != value else { return }
        query.filter[keyPath: path] = value
        try reload(env)
    }

    mutating func setSort(_ sort: AccountSort, _ env: Environment) throws {
        if query.sort == sort { query.descending.toggle() } else { query = AccountQuery(filter: query.filter, sort: sort) }
        try reload(env)
    }

    /// Starts the list over for a changed query: first page now, totals in the background.
    mutating func reload(_ env: Environment) throws {
        window = try AccountsWindow.first(query, store: env.store)
        totals = nil
        countTotals(env)
    }

    /// Reloads after an edit elsewhere, keeping the cursor on the same account where it still is.
    mutating func refresh(_ env: Environment) throws {
        if let row = window.selected {
            let position = window.absoluteCursor
            var fresh = try AccountsWindow.around(row, query: query, store: env.store)
            fresh.start = fresh.start ?? position.map { $0 - fresh.cursor }
            window = fresh
        } else {
            window = try AccountsWindow.first(query, store: env.store)
        }
        totals = nil
        countTotals(env)
    }

    /// Puts the cursor on account `id` (the kept one after a merge); where the filter hides
    /// it, the list stays where it was.
    mutating func focus(on id: Int64, _ env: Environment) throws {
        guard let row = try env.store.account(id: id, in: query) else { return try refresh(env) }
        try jump(to: row, env)
        totals = nil
        countTotals(env)
    }

    func repPicker(_ env: Environment) -> Picker {
        TriagePickers.rep(current: query.filter.repCode, title: "Show accounts of", env: env) { screen, code, env in
            guard case .accounts(var s) = screen else { return .stay }
            do { try s.setFilter(\.repCode, code, env) } catch {
                return .message("\(StoreError.message(for: error))", .error)
            }
            screen = .accounts(s)
            return .stay
        }
    }

    func sortPicker() -> Picker {
        let items = Self.sortColumns.map { AccountsView.columnTitle($0) }
        let current = Self.sortColumns.firstIndex(of: query.sort) ?? 0
        return Picker(title: "Sort by", items: items, selected: current) { screen, index, env in
            guard case .accounts(var s) = screen else { return .stay }
            do { try s.setSort(Self.sortColumns[index], env) } catch { return .message("\(StoreError.message(for: error))", .error) }
            screen = .accounts(s)
            return .stay
        }
    }
}
