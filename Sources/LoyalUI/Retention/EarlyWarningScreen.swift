import LoyalCore
import LoyalStore
import LoyalTerminal

enum PanelAction: Hashable, Sendable {
    case open, account
    case classA, classB, classC, allClasses, rep, kind, beyondPanel
    case assign, schedule, playbook, snooze, dismiss, lost, undo
}

/// The early-warning panel: the customers most likely to stop buying, what we stand
/// to lose first, capped to what a team can triage (`w` shows everyone with open
/// signals), with the triage actions a manager needs every morning.
struct EarlyWarningScreen: ListScreen {
    var filter = PanelFilter()
    var list: PagedList<PanelSource>
    var total: Int?

    static var actions: [ActionSpec<PanelAction>] { [
        ActionSpec(.open, [.enter, .right, .char("l")], Text.tr("keys.open"), Text.tr("warning.open_help"), status: true),
        ActionSpec(.account, [.char("o")], Text.tr("keys.account"), Text.tr("accounts.open_help")),
        ActionSpec(.classA, [.char("a")], "A", Text.tr("warning.class_a_help")),
        ActionSpec(.classB, [.char("b")], "B", Text.tr("warning.class_b_help")),
        ActionSpec(.classC, [.char("c")], "C", Text.tr("warning.class_c_help")),
        ActionSpec(.allClasses, [.char("*"), .char("0")], Text.tr("keys.all"), Text.tr("warning.every_class")),
        ActionSpec(.rep, [.char("r")], Text.tr("keys.rep"), Text.tr("warning.rep_help")),
        ActionSpec(.kind, [.char("f")], Text.tr("keys.kind"), Text.tr("warning.kind_help"), status: true),
        ActionSpec(.beyondPanel, [.char("w")], Text.tr("keys.all_signals"),
                   Text.tr("warning.beyond_help"), status: true),
        ActionSpec(.assign, [.char("A")], Text.tr("keys.assign"), Text.tr("warning.assign_help"), status: true),
        ActionSpec(.schedule, [.char("S")], Text.tr("keys.schedule"), Text.tr("warning.schedule_help"), status: true),
        ActionSpec(.playbook, [.char("P")], Text.tr("keys.playbook"), Text.tr("warning.playbook_help"), status: true),
        ActionSpec(.snooze, [.char("z")], Text.tr("keys.snooze"), Text.tr("warning.snooze_help")),
        ActionSpec(.dismiss, [.char("d")], Text.tr("keys.dismiss"), Text.tr("warning.dismiss_help")),
        ActionSpec(.lost, [.char("L")], Text.tr("keys.lost"), Text.tr("warning.lost_help")),
        ActionSpec(.undo, [.char("u")], Text.tr("keys.undo"), Text.tr("warning.undo_help"), status: true),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("tab.early_warning"), entries: KeyHelp(title: "", ListKeys.actions("customer")).entries
                                                                  + KeyHelp(title: "", actions).entries) }
    var keyHelp: KeyHelp { Self.keyHelp }
    var title: String { Text.tr("tab.early_warning") }

    var selected: PanelRow? { list.selected }

    init(env: Environment) throws {
        list = try PagedList(PanelSource(filter: filter, store: env.store))
        total = try env.store.riskPanelCount(filter)
    }

    /// After a triage action: the same customer stays selected (or the next one).
    mutating func reload(_ env: Environment) throws {
        try list.reload()
        total = try env.store.riskPanelCount(filter)
    }

    /// A changed filter starts the list over.
    mutating func setFilter(_ change: (inout PanelFilter) -> Void, _ env: Environment) throws {
        change(&filter)
        try list.replaceSource(PanelSource(filter: filter, store: env.store))
        total = try env.store.riskPanelCount(filter)
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        if let move = ListKeys.move(for: key) {
            try list.perform(move, total: total)
            return .stay
        }
        guard let action: PanelAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .classA, .classB, .classC, .allClasses:
            try setFilter({ $0.customerClass = [.classA: CustomerClass.a, .classB: .b, .classC: .c][action] }, env)
        case .rep: return .overlay(.picker(TriagePickers.rep(current: filter.repCode, env: env)))
        case .kind: return .overlay(.picker(TriagePickers.kind(current: filter.signalKind, env: env)))
        case .beyondPanel: try setFilter({ $0.beyondPanel.toggle() }, env)
        case .undo: return .undoLast
        default:
            guard let row = selected else { return .message(Text.tr("warning.no_customer"), .info) }
            return try TriageActions.effect(action, customerID: row.id, label: "\(row.number) \(row.name)", env: env)
        }
        return .stay
    }

    mutating func choose(_ choice: PickerChoice, env: Environment) throws -> ScreenEffect {
        switch choice {
        case .rep(let code): try setFilter({ $0.repCode = code }, env)
        case .signalKind(let kind): try setFilter({ $0.signalKind = kind }, env)
        case .sort: break
        case .effect(let effect): return effect
        }
        return .stay
    }

    mutating func arrange(_ area: Rect, env: Environment) { list.arrange(height: EarlyWarningView.listArea(area).height) }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        EarlyWarningView.render(self, into: &buffer, area: area, env: context.env)
        return nil
    }

    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect? {
        guard list.click(line: row - EarlyWarningView.listArea(area).row), let r = selected else { return .stay }
        return try TriageActions.effect(.open, customerID: r.id, label: "\(r.number) \(r.name)", env: env)
    }

    func currentCustomer(_ env: Environment) -> CustomerSummary? {
        selected.flatMap { try? env.store.customerSummary(id: $0.id) }
    }
}
