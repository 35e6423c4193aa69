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

    static let actions: [ActionSpec<PanelAction>] = [
        ActionSpec(.open, [.enter, .right, .char("l")], "open", "The case: risk factors, trend, stages, each signal's evidence", status: true),
        ActionSpec(.account, [.char("o")], "account", "Open the account's detail"),
        ActionSpec(.classA, [.char("a")], "A", "Only class A customers"),
        ActionSpec(.classB, [.char("b")], "B", "Only class B customers"),
        ActionSpec(.classC, [.char("c")], "C", "Only class C customers"),
        ActionSpec(.allClasses, [.char("*"), .char("0")], "all", "Every class"),
        ActionSpec(.rep, [.char("r")], "rep", "Only the customers of (or assigned to) one rep"),
        ActionSpec(.kind, [.char("f")], "kind", "Only customers with a signal of one kind", status: true),
        ActionSpec(.beyondPanel, [.char("w")], "all signals",
                   "The panel (most to lose, capped) or everyone with an open signal", status: true),
        ActionSpec(.assign, [.char("A")], "assign", "Assign the customer's signals to a rep", status: true),
        ActionSpec(.schedule, [.char("S")], "schedule", "Schedule a call or visit (goes into the calendar)", status: true),
        ActionSpec(.playbook, [.char("P")], "playbook", "Apply the playbook of a signal kind: its steps fill the calendar", status: true),
        ActionSpec(.snooze, [.char("z")], "snooze", "Snooze the customer's signals until a date, with a reason"),
        ActionSpec(.dismiss, [.char("d")], "dismiss", "Dismiss as false alarm with a reason; it does not come back for the same evidence"),
        ActionSpec(.lost, [.char("L")], "lost", "Mark the customer lost with a reason"),
        ActionSpec(.undo, [.char("u")], "undo", "Take back the last triage action (or merge) right after it", status: true),
    ]

    static let keyHelp = KeyHelp(title: "Early warning", entries: KeyHelp(title: "", ListKeys.actions("customer")).entries
                                                                  + KeyHelp(title: "", actions).entries)
    var keyHelp: KeyHelp { Self.keyHelp }
    var title: String { "Early warning" }

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
            guard let row = selected else { return .message("No customer at risk here", .info) }
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
