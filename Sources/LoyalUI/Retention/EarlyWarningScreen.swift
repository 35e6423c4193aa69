import LoyalCore
import LoyalStore
import LoyalTerminal

enum PanelAction: Hashable, Sendable {
    case down, up, pageDown, pageUp, top, bottom, open, account
    case classA, classB, classC, allClasses, rep, kind, beyondPanel
    case assign, schedule, playbook, snooze, dismiss, lost, undo
}

/// The early-warning panel: the customers most likely to stop buying, what we stand
/// to lose first, capped to what a team can triage (`w` shows everyone with open
/// signals), with the triage actions a manager needs every morning.
struct EarlyWarningScreen {
    var filter = PanelFilter()
    var rows: [PanelRow] = []
    var atEnd = false
    var cursor = 0
    var top = 0
    var visibleRows = 20
    var total: Int?

    static let pageSize = 200

    static let actions: [ActionSpec<PanelAction>] = [
        ActionSpec(.down, [.down, .char("j")], "down", "Next customer"),
        ActionSpec(.up, [.up, .char("k")], "up", "Previous customer"),
        ActionSpec(.pageDown, [.pageDown, .ctrl("f"), .char(" ")], "page down", "One screen down"),
        ActionSpec(.pageUp, [.pageUp, .ctrl("b")], "page up", "One screen up"),
        ActionSpec(.top, [.home, .char("g")], "first", "The customer with the most to lose"),
        ActionSpec(.bottom, [.end, .char("G")], "last", "The last customer in the list"),
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

    static let keyHelp = KeyHelp(title: "Early warning", actions)

    var selected: PanelRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    init(env: Environment) throws {
        try reload(env)
    }

    mutating func reload(_ env: Environment) throws {
        let id = selected?.id
        rows = try env.store.riskPanel(filter, limit: Self.pageSize)
        atEnd = rows.count < Self.pageSize
        cursor = id.flatMap { i in rows.firstIndex { $0.id == i } } ?? min(cursor, max(0, rows.count - 1))
        total = try env.store.riskPanelCount(filter)
    }

    mutating func move(by delta: Int, env: Environment) throws {
        var target = cursor + delta
        while target >= rows.count - 1 && !atEnd, let last = rows.last {
            let more = try env.store.riskPanel(filter, after: last, limit: Self.pageSize)
            atEnd = more.count < Self.pageSize
            rows += more
            if more.isEmpty { break }
        }
        target = max(0, min(rows.count - 1, target))
        cursor = target
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        guard let action: PanelAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .down: try move(by: 1, env: env)
        case .up: try move(by: -1, env: env)
        case .pageDown: try move(by: visibleRows, env: env)
        case .pageUp: try move(by: -visibleRows, env: env)
        case .top: cursor = 0
        case .bottom:
            while !atEnd { try move(by: Self.pageSize, env: env) }
            cursor = max(0, rows.count - 1)
        case .classA, .classB, .classC, .allClasses:
            filter.customerClass = [.classA: CustomerClass.a, .classB: .b, .classC: .c][action]
            cursor = 0; top = 0
            try reload(env)
        case .rep: return .overlay(.picker(TriagePickers.rep(current: filter.repCode, env: env) { screen, code, env in
            guard case .earlyWarning(var s) = screen else { return .stay }
            s.filter.repCode = code; s.cursor = 0; s.top = 0
            do { try s.reload(env) } catch { return .message("\(StoreError.message(for: error))", .error) }
            screen = .earlyWarning(s)
            return .stay
        }))
        case .kind: return .overlay(.picker(TriagePickers.kind(current: filter.signalKind, env: env)))
        case .beyondPanel:
            filter.beyondPanel.toggle()
            cursor = 0; top = 0
            try reload(env)
        case .undo: return .undoLast
        default:
            guard let row = selected else { return .message("No customer at risk here", .info) }
            return try TriageActions.effect(action, customerID: row.id, label: "\(row.number) \(row.name)", env: env)
        }
        return .stay
    }
}
