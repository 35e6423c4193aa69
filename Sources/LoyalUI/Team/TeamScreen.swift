import LoyalCore
import LoyalStore
import LoyalTerminal

enum TeamAction: Hashable, Sendable { case down, up, top, bottom, open, audit }

/// The manager's overview: one line per rep with his accounts, revenue, risk, plan,
/// contacts, satisfaction and losses, the team's total, and bars of the classes and of
/// what is at stake. The figures are read in the background (on 200000 customers that
/// takes a good part of a second); until they come the last ones stay on screen.
struct TeamScreen: LoyalScreen {
    var overview: TeamOverview?
    /// Why the figures could not be read, if they could not.
    var error: String?
    var loading = false
    /// Index into `lines`: the reps (and unassigned), then the team.
    var cursor = 0
    /// First rep shown, when there are more than fit.
    var top = 0
    var visibleReps = 8

    static var actions: [ActionSpec<TeamAction>] { [
        ActionSpec(.down, [.down, .char("j")], "down", Text.tr("team.down_help")),
        ActionSpec(.up, [.up, .char("k")], "up", Text.tr("team.up_help")),
        ActionSpec(.top, [.home, .char("g")], "first", Text.tr("team.first_help")),
        ActionSpec(.bottom, [.end, .char("G")], Text.tr("keys.team"), Text.tr("team.total_help")),
        ActionSpec(.open, [.enter, .right, .char("l")], Text.tr("keys.accounts"),
                   Text.tr("team.open_help"), status: true),
        AuditScreen.openAction(.audit),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("tab.team"), actions) }
    /// A rep is not offered the audit (AuditScreen.isOffered).
    var offersAudit = true
    var keyHelp: KeyHelp { offersAudit ? Self.keyHelp : KeyHelp(title: Text.tr("tab.team"), Self.actions.filter { $0.action != .audit }) }
    var title: String { Text.tr("tab.team") }

    init(env: Environment) {
        offersAudit = AuditScreen.isOffered(to: env.store.scope)
        reload(env)
    }

    /// The rows in screen order: reps (and what has no rep), then the team.
    var lines: [TeamRow] { overview.map { $0.rows + [$0.team] } ?? [] }
    var reps: [TeamRow] { overview?.rows ?? [] }
    var selected: TeamRow? { lines.indices.contains(cursor) ? lines[cursor] : nil }

    /// Reads the figures afresh off the keystroke path.
    mutating func reload(_ env: Environment) {
        loading = true
        let store = env.store, today = env.today
        env.background.run({ Result { try store.teamOverview(today: today) } }) { state, result in
            state.update(TeamScreen.self) { $0.show(result) }
        }
    }

    /// Takes fresh figures, keeping the cursor on the same rep.
    mutating func show(_ result: Result<TeamOverview, any Error>) {
        loading = false
        switch result {
        case .success(let fresh):
            let current = selected.map { ($0.kind, $0.repCode) }
            overview = fresh
            error = nil
            cursor = current.flatMap { c in lines.firstIndex { $0.kind == c.0 && $0.repCode == c.1 } }
                ?? min(cursor, max(0, lines.count - 1))
        case .failure(let e):
            error = StoreError.message(for: e)
        }
    }

    mutating func handle(_ key: Key, env: Environment) -> ScreenEffect? {
        guard let action: TeamAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .down: cursor = min(max(0, lines.count - 1), cursor + 1)
        case .up: cursor = max(0, cursor - 1)
        case .top: cursor = 0
        case .bottom: cursor = max(0, lines.count - 1)
        case .open: return openAccounts(env)
        case .audit: return AuditScreen.open(env)
        }
        return .stay
    }

    /// The accounts list filtered to the selected rep, through the list's own rep filter.
    func openAccounts(_ env: Environment) -> ScreenEffect {
        guard let row = selected else { return .message(Text.tr("team.no_figures"), .info) }
        let filter: AccountFilter
        switch row.kind {
        case .rep: filter = AccountFilter(repCode: row.repCode)
        case .team: filter = AccountFilter()
        case .unassigned: return .message(Text.tr("team.unassigned"), .info)
        }
        do {
            let accounts = try AccountsScreen(environment: env, filter: filter)
            accounts.countTotals(env)
            return .push(accounts)
        } catch {
            return .message("\(StoreError.message(for: error))", .error)
        }
    }
}
