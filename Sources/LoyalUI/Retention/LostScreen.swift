import LoyalCore
import LoyalStore
import LoyalTerminal

enum LostAction: Hashable, Sendable { case down, up, pageDown, pageUp, top, winback, account, returned, classA, classB, classC, allClasses, undo }

/// Lost customers and returnees: when and why they left (our side or theirs),
/// what they brought, and their win-back case.
struct LostScreen {
    var customerClass: CustomerClass?
    var rows: [LostRow] = []
    var cursor = 0
    var top = 0
    var visibleRows = 20
    var total = 0

    static let pageSize = 300

    /// Loads the next page when the cursor comes near the end of what is loaded.
    mutating func loadMore(_ env: Environment) throws {
        guard cursor >= rows.count - 5, rows.count < total else { return }
        rows += try env.store.lostCustomers(customerClass: customerClass, offset: rows.count, limit: Self.pageSize)
    }

    static let actions: [ActionSpec<LostAction>] = [
        ActionSpec(.down, [.down, .char("j")], "down", "Next customer"),
        ActionSpec(.up, [.up, .char("k")], "up", "Previous customer"),
        ActionSpec(.pageDown, [.pageDown, .ctrl("f"), .char(" ")], "page down", "One screen down"),
        ActionSpec(.pageUp, [.pageUp, .ctrl("b")], "page up", "One screen up"),
        ActionSpec(.top, [.home, .char("g")], "first", "The most recently lost customer"),
        ActionSpec(.winback, [.enter, .char("w")], "win-back", "Open or edit the win-back case: approach, offer, conditions, score", status: true),
        ActionSpec(.account, [.char("o")], "account", "Open the account's detail", status: true),
        ActionSpec(.returned, [.char("R")], "returned", "Mark the customer as come back (a returnee)", status: true),
        ActionSpec(.classA, [.char("a")], "A", "Only class A"),
        ActionSpec(.classB, [.char("b")], "B", "Only class B"),
        ActionSpec(.classC, [.char("c")], "C", "Only class C"),
        ActionSpec(.allClasses, [.char("*"), .char("0")], "all", "Every class"),
        ActionSpec(.undo, [.char("u")], "undo", "Take back the last action"),
    ]

    static let keyHelp = KeyHelp(title: "Lost customers and win-back", actions)

    init(env: Environment) throws { try reload(env) }

    var selected: LostRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    mutating func reload(_ env: Environment) throws {
        let id = selected?.id
        total = try env.store.lostCount(customerClass: customerClass)
        rows = try env.store.lostCustomers(customerClass: customerClass, limit: max(Self.pageSize, rows.count))
        cursor = id.flatMap { i in rows.firstIndex { $0.id == i } } ?? min(cursor, max(0, rows.count - 1))
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        guard let action: LostAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .down: try loadMore(env); cursor = min(max(0, rows.count - 1), cursor + 1)
        case .up: cursor = max(0, cursor - 1)
        case .pageDown:
            cursor = min(max(0, rows.count - 1), cursor + visibleRows)
            try loadMore(env)
        case .pageUp: cursor = max(0, cursor - visibleRows)
        case .top: cursor = 0
        case .classA, .classB, .classC, .allClasses:
            customerClass = [.classA: CustomerClass.a, .classB: .b, .classC: .c][action]
            cursor = 0; top = 0
            try reload(env)
        case .undo: return .undoLast
        case .winback:
            guard let r = selected else { return .stay }
            return .push(.form(WinbackForm.make(r, env: env)))
        case .account:
            guard let r = selected else { return .stay }
            return .push(.detail(try AccountDetailScreen(customerID: r.id, env: env)))
        case .returned:
            guard let r = selected else { return .stay }
            guard r.returnedOn == nil else { return .message("\(r.number) has come back already", .info) }
            return .confirm("Mark \(r.number) \(r.name) as come back today?",
                            .runTriage(.markReturned(customerID: r.id, on: env.today)))
        }
        return .stay
    }

    mutating func render(into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let f = Format(display: env.display)
        let (titleRow, rest) = area.top(1)
        let (headerRow, list) = rest.top(1)
        buffer.fill(row: titleRow.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: titleRow.row, col: area.col + 1, "Lost customers and win-back · " + (customerClass.map { "class \($0.rawValue)" } ?? "all classes"),
                   role: .title, maxWidth: area.width - 14)
        let position = rows.isEmpty ? "0" : "\(cursor + 1) of \(total)"
        buffer.put(row: titleRow.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)
        let layout = TableLayout([
            .init(title: "Customer", width: 20, flex: 3), .init(title: "Cl", width: 2), .init(title: "Lost on", width: 10),
            .init(title: "Reason", width: 18), .init(title: "Brought", width: 8, alignRight: true),
            .init(title: "Win-back", width: 14, flex: 1),
        ], width: area.width)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: nil, mark: "")
        visibleRows = max(1, list.height)
        if cursor < top { top = cursor }
        if cursor >= top + list.height { top = cursor - list.height + 1 }
        if rows.isEmpty { buffer.put(row: list.row + 1, col: area.col + 2, "No lost customers.", role: .dim) }
        for i in 0..<list.height {
            let index = top + i
            guard index < rows.count else { break }
            let r = rows[index]
            let selected = index == cursor
            let base: StyleRole = selected ? .selected : (r.returnedOn != nil ? .success : .normal)
            buffer.fill(row: list.row + i, col: area.col, width: area.width, role: base)
            let reason = r.reason.map { "\($0.label) (\($0.isCompanyRelated ? "ours" : "theirs"))" } ?? "–"
            let status = r.returnedOn.map { "↺ back \(f.day($0))" }
                ?? r.winback.map { "\($0.scoreClass) · \($0.outcome.rawValue)" + ($0.followUpOn.map { " · \(f.day($0))" } ?? "") }
                ?? "–"
            let cells = ["\(r.number) \(r.name)", r.customerClass.rawValue, f.day(r.lostOn), reason, f.compact(r.revenueBrought), status]
            for (c, text) in cells.enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: list.row + i, col: area.col, width: area.width, role: base)
            }
        }
    }
}
