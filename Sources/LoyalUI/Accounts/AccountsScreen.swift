import LoyalCore
import LoyalStore
import LoyalTerminal

/// The accounts list: every customer, filtered by class, rep and search, sorted
/// by any column, paged from the store.
struct AccountsScreen: ListScreen {
    var query = AccountQuery()
    var list: PagedList<AccountsSource>
    /// Count and sums of what the filter matches; nil while they are being counted.
    var totals: AccountTotals?
    var repName: [String: String] = [:]

    static let sortColumns: [AccountSort] = [.number, .name, .city, .class, .value, .revenue, .lastPurchase, .risk, .rep]

    /// The list under `filter` (the Team tab opens a rep's accounts through the rep filter).
    init(environment env: Environment, filter: AccountFilter = AccountFilter()) throws {
        query = AccountQuery(filter: filter)
        list = try PagedList(AccountsSource(query: query, store: env.store))
        repName = Dictionary((try? env.store.reps())?.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { a, _ in a })
    }

    var title: String { Text.tr("tab.accounts") }
    var keyHelp: KeyHelp { Self.keyHelp }

    /// Fetches the totals for the current query off the keystroke path.
    func countTotals(_ env: Environment) {
        let query = self.query, store = env.store
        env.background.run({ try? store.accountTotals(query) }) { state, totals in
            state.update(AccountsScreen.self) { screen in
                if screen.query == query { screen.totals = totals }
            }
        }
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        if let move = ListKeys.move(for: key) {
            try list.perform(move, total: totals?.count)
            return .stay
        }
        guard let action: AccountsAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .open: return openSelected(env)
        case .add: return .push(CustomerForm(existing: nil, env: env))
        case .classA: try setFilter(\.customerClass, .a, env)
        case .classB: try setFilter(\.customerClass, .b, env)
        case .classC: try setFilter(\.customerClass, .c, env)
        case .allClasses: try setFilter(\.customerClass, nil, env)
        case .rep: return .overlay(.picker(TriagePickers.rep(current: query.filter.repCode, title: Text.tr("accounts.show_of"), env: env)))
        case .sort: return .overlay(.picker(sortPicker()))
        case .sortNext, .sortPrevious:
            let i = Self.sortColumns.firstIndex(of: query.sort) ?? 0
            let n = Self.sortColumns.count
            try setSort(Self.sortColumns[(i + (action == .sortNext ? 1 : n - 1)) % n], env)
        case .invert:
            query.descending.toggle()
            try restart(env)
        case .merge: return .mergeSelected
        case .undo: return .undoLast
        }
        return .stay
    }

    mutating func choose(_ choice: PickerChoice, env: Environment) throws -> ScreenEffect {
        switch choice {
        case .rep(let code): try setFilter(\.repCode, code, env)
        case .sort(let sort): try setSort(sort, env)
        case .signalKind: break
        case .effect(let effect): return effect
        }
        return .stay
    }

    func openSelected(_ env: Environment) -> ScreenEffect {
        guard let row = list.selected else { return .message(Text.tr("accounts.none_selected"), .warning) }
        do {
            return .push(try AccountDetailScreen(customerID: row.id, env: env))
        } catch {
            return .message(Text.tr("accounts.cannot_open", row.number, StoreError.message(for: error)), .error)
        }
    }

    mutating func setFilter<V: Equatable>(_ path: WritableKeyPath<AccountFilter, V>, _ value: V, _ env: Environment) throws {
        guard query.filter[keyPath: path] != value else { return }
        query.filter[keyPath: path] = value
        try restart(env)
    }

    mutating func setSort(_ sort: AccountSort, _ env: Environment) throws {
        if query.sort == sort { query.descending.toggle() } else { query = AccountQuery(filter: query.filter, sort: sort) }
        try restart(env)
    }

    /// Starts the list over for a changed query: first page now, totals in the background.
    mutating func restart(_ env: Environment) throws {
        try list.replaceSource(AccountsSource(query: query, store: env.store))
        totals = nil
        countTotals(env)
    }

    /// Reloads after an edit elsewhere, keeping the cursor on the same account (or the next).
    mutating func reload(_ env: Environment) throws {
        let position = list.absoluteCursor
        try list.reload()
        if list.start == nil, let position { list.start = position - list.cursor }
        totals = nil
        countTotals(env)
    }

    /// Puts the cursor on account `id` (the kept one after a merge); where the filter hides
    /// it, the list stays where it was.
    mutating func focus(on id: Int64, _ env: Environment) throws {
        guard let row = try env.store.account(id: id, in: query) else { return try reload(env) }
        try jump(to: row, env)
        totals = nil
        countTotals(env)
    }

    func sortPicker() -> Picker {
        let items = Self.sortColumns.map { AccountsView.columnTitle($0) }
        let current = Self.sortColumns.firstIndex(of: query.sort) ?? 0
        return Picker(title: Text.tr("accounts.sort_by"), items: items, selected: current, choices: Self.sortColumns.map { .sort($0) })
    }

    mutating func arrange(_ area: Rect, env: Environment) { list.arrange(height: AccountsView.listArea(area).height) }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        AccountsView.render(self, into: &buffer, area: area, env: context.env, search: context.search)
        return nil
    }

    /// A click on a column title sorts by it; on a row selects it, and a second click opens it.
    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect? {
        let rows = AccountsView.listArea(area)
        if row == rows.row - 1 {
            let layout = AccountsView.layout(width: area.width)
            if let column = layout.column(at: col - area.col), Self.sortColumns.indices.contains(column) {
                try setSort(Self.sortColumns[column], env)
            }
            return .stay
        }
        return list.click(line: row - rows.row) ? openSelected(env) : .stay
    }

    func currentCustomer(_ env: Environment) -> CustomerSummary? {
        list.selected.map { CustomerSummary(id: $0.id, number: $0.number, name: $0.name, city: $0.city) }
    }

    var mergeSubject: MergeSubject? {
        list.selected.map { MergeSubject(kind: .customer, id: $0.id, label: $0.number, name: "\($0.number) \($0.name)") }
    }
}
