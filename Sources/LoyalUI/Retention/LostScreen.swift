import LoyalCore
import LoyalStore
import LoyalTerminal

enum LostAction: Hashable, Sendable { case winback, account, returned, classA, classB, classC, allClasses, undo }

/// Lost customers and returnees: when and why they left (our side or theirs),
/// what they brought, and their win-back case.
struct LostScreen: ListScreen {
    var customerClass: CustomerClass?
    var list: PagedList<LostSource>
    var total = 0

    static var actions: [ActionSpec<LostAction>] { [
        ActionSpec(.winback, [.enter, .right, .char("l")], Text.tr("keys.winback"), Text.tr("lost.winback_help"), status: true),
        ActionSpec(.account, [.char("o")], Text.tr("keys.account"), Text.tr("accounts.open_help"), status: true),
        ActionSpec(.returned, [.char("R")], Text.tr("keys.returned"), Text.tr("lost.returned_help"), status: true),
        ActionSpec(.classA, [.char("a")], "A", Text.tr("lost.class_a_help")),
        ActionSpec(.classB, [.char("b")], "B", Text.tr("lost.class_b_help")),
        ActionSpec(.classC, [.char("c")], "C", Text.tr("lost.class_c_help")),
        ActionSpec(.allClasses, [.char("*"), .char("0")], Text.tr("keys.all"), Text.tr("warning.every_class")),
        ActionSpec(.undo, [.char("u")], Text.tr("keys.undo"), Text.tr("lost.undo_help")),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("lost.help_title"),
                                 entries: KeyHelp(title: "", ListKeys.actions("customer")).entries + KeyHelp(title: "", actions).entries) }
    var keyHelp: KeyHelp { Self.keyHelp }
    var title: String { Text.tr("tab.winback") }

    init(env: Environment) throws {
        list = try PagedList(LostSource(customerClass: nil, store: env.store))
        total = try env.store.lostCount(customerClass: nil)
    }

    var selected: LostRow? { list.selected }

    /// After an edit: the same customer stays selected (or the next one).
    mutating func reload(_ env: Environment) throws {
        total = try env.store.lostCount(customerClass: customerClass)
        try list.reload()
    }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        if let move = ListKeys.move(for: key) {
            try list.perform(move, total: total)
            return .stay
        }
        guard let action: LostAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .classA, .classB, .classC, .allClasses:
            customerClass = [.classA: CustomerClass.a, .classB: .b, .classC: .c][action]
            try list.replaceSource(LostSource(customerClass: customerClass, store: env.store))
            total = try env.store.lostCount(customerClass: customerClass)
        case .undo: return .undoLast
        case .winback:
            guard let r = selected else { return .stay }
            return .push(WinbackForm.make(r, env: env))
        case .account:
            guard let r = selected else { return .stay }
            return .push(try AccountDetailScreen(customerID: r.id, env: env))
        case .returned:
            guard let r = selected else { return .stay }
            guard r.returnedOn == nil else { return .message(Text.tr("lost.back_already", r.number), .info) }
            return .confirm(Text.tr("lost.confirm_returned", r.number, r.name),
                            .runTriage(.markReturned(customerID: r.id, on: env.today)))
        }
        return .stay
    }

    /// Where the rows go: below the title and the column header.
    static func listArea(_ area: Rect) -> Rect { area.top(2).1 }

    mutating func arrange(_ area: Rect, env: Environment) { list.arrange(height: Self.listArea(area).height) }

    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect? {
        guard list.click(line: row - Self.listArea(area).row), let r = selected else { return .stay }
        return .push(WinbackForm.make(r, env: env))
    }

    func currentCustomer(_ env: Environment) -> CustomerSummary? {
        selected.flatMap { try? env.store.customerSummary(id: $0.id) }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let env = context.env
        let f = Format(display: env.display)
        let (titleRow, rest) = area.top(1)
        let (headerRow, _) = rest.top(1)
        buffer.fill(row: titleRow.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: titleRow.row, col: area.col + 1, Text.tr("lost.title") + (customerClass.map { Text.tr("accounts.class_filter", $0.rawValue) } ?? Text.tr("accounts.all_classes")),
                   role: .title, maxWidth: area.width - 14)
        let position = list.positionText(total: total)
        buffer.put(row: titleRow.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)
        let layout = TableLayout([
            .init(title: Text.tr("warning.col_customer"), width: 20, flex: 3), .init(title: Text.tr("accounts.col_class"), width: 2), .init(title: Text.tr("lost.col_lost_on"), width: 10),
            .init(title: Text.tr("calendar.reason"), width: 20), .init(title: Text.tr("lost.col_brought"), width: 8, alignRight: true),
            .init(title: Text.tr("tab.winback"), width: 14, flex: 1),
        ], width: area.width)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: nil, mark: "")
        let rowsArea = Self.listArea(area)
        if self.list.isEmpty { buffer.put(row: rowsArea.row + 1, col: area.col + 2, Text.tr("lost.empty"), role: .dim) }
        for (i, (index, r)) in self.list.visible.enumerated() {
            let selected = index == self.list.cursor
            let base: StyleRole = selected ? .selected : (r.returnedOn != nil ? .success : .normal)
            buffer.fill(row: rowsArea.row + i, col: area.col, width: area.width, role: base)
            let reason = r.reason.map { Words.lostReason($0) + " " + Text.tr($0.isCompanyRelated ? "winback.ours" : "winback.theirs") } ?? "–"
            let status = r.returnedOn.map { Text.tr("lost.back", f.day($0)) }
                ?? r.winback.map { "\($0.scoreClass) · \(Words.outcome($0.outcome))" + ($0.followUpOn.map { " · \(f.day($0))" } ?? "") }
                ?? "–"
            let cells = ["\(r.number) \(r.name)", r.customerClass.rawValue, f.day(r.lostOn), reason, f.compact(r.revenueBrought), status]
            for (c, text) in cells.enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: rowsArea.row + i, col: area.col, width: area.width, role: base)
            }
        }
        return nil
    }
}
