import LoyalCore
import LoyalStore
import LoyalTerminal

enum AuditAction: Hashable, Sendable { case open, user, customer }

/// The audit log for managers and admins (`A` on the Team tab): who changed what and when,
/// newest first, paged from the store like every list; `/` searches it, `u` and `c` keep
/// to one user or one customer, Enter shows each changed field's before and after.
/// A rep is not offered it; the store shows a rep only their own entries anyway.
struct AuditScreen: ListScreen {
    var list: PagedList<AuditSource>
    var filter: AuditFilter { list.source.filter }

    init(env: Environment, filter: AuditFilter = AuditFilter()) throws {
        list = try PagedList(AuditSource(store: env.store, filter: filter))
    }

    /// Who may open it: managers and admins (everyone on a single-user file).
    static func isOffered(to scope: AccessScope) -> Bool { scope.role >= .manager }

    /// The key that opens it from the Team tab.
    static func openAction<A>(_ action: A) -> ActionSpec<A> {
        ActionSpec(action, [.char("A")], Text.tr("audit_view.key_audit"), Text.tr("audit_view.key_audit_help"), status: true)
    }

    /// The audit on top of the Team tab, or why not.
    static func open(_ env: Environment) -> ScreenEffect {
        guard isOffered(to: env.store.scope) else { return .message(Text.tr("audit_view.managers_only"), .info) }
        do { return .push(try AuditScreen(env: env)) } catch {
            return .message(StoreError.message(for: error), .error)
        }
    }

    var title: String { Text.tr("audit_view.title") }

    static var actions: [ActionSpec<AuditAction>] { [
        ActionSpec(.open, [.enter, .right, .char("l")], Text.tr("audit_view.key_open"), Text.tr("audit_view.key_open_help"),
                   status: true),
        ActionSpec(.user, [.char("u")], Text.tr("audit_view.key_user"), Text.tr("audit_view.key_user_help"), status: true),
        ActionSpec(.customer, [.char("c")], Text.tr("audit_view.key_customer"), Text.tr("audit_view.key_customer_help"),
                   status: true),
    ] }

    static var keyHelp: KeyHelp {
        KeyHelp(title: Text.tr("audit_view.title"),
                entries: KeyHelp(title: "", ListKeys.actions("entry")).entries + KeyHelp(title: "", actions).entries)
    }
    var keyHelp: KeyHelp { Self.keyHelp }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        if let move = ListKeys.move(for: key) {
            try list.perform(move)
            return .stay
        }
        guard let action: AuditAction = Self.actions.action(for: key) else { return nil }
        guard let entry = list.selected else { return .message(Text.tr("audit_view.empty"), .info) }
        var narrowed = filter
        switch action {
        case .open: return .push(AuditEntryScreen(entry: entry))
        case .user: narrowed.user = filter.user == nil ? entry.user : nil
        case .customer:
            guard filter.customerNumber != nil || entry.customerNumber != nil else {
                return .message(Text.tr("audit_view.no_customer"), .info)
            }
            narrowed.customerNumber = filter.customerNumber == nil ? entry.customerNumber : nil
        }
        // Narrowing keeps the cursor on the entry it was on; widening too.
        try list.replaceSource(AuditSource(store: env.store, filter: narrowed))
        try list.load(around: entry)
        return .stay
    }

    mutating func reload(_ env: Environment) throws { try list.reload() }

    /// Below the title and the column header.
    static func listArea(_ area: Rect) -> Rect { area.top(2).1 }

    mutating func arrange(_ area: Rect, env: Environment) { list.arrange(height: Self.listArea(area).height) }

    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect? {
        guard list.click(line: row - Self.listArea(area).row), let entry = list.selected else { return .stay }
        return .push(AuditEntryScreen(entry: entry))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        let who = filter.user.map { Text.tr("audit_view.by_user", $0) } ?? Text.tr("audit_view.every_user")
        let about = filter.customerNumber.map { Text.tr("audit_view.about_customer", $0) } ?? Text.tr("audit_view.every_customer")
        let position = list.positionText(total: list.atStart && list.atEnd ? list.rows.count : nil)
        buffer.put(row: header.row, col: area.col + 1, "\(title) · \(who) · \(about)", role: .title,
                   maxWidth: area.width - TextWidth.columns(of: position) - 3)
        buffer.put(row: header.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)
        let layout = Self.layout(width: area.width - 2)
        layout.drawHeader(into: &buffer, row: body.row, col: area.col + 1, width: area.width - 2, highlight: nil, mark: "")
        if list.isEmpty {
            buffer.put(row: body.row + 2, col: area.col + 2, Text.tr("audit_view.empty"), role: .dim)
        }
        for (i, (index, e)) in list.visible.enumerated() {
            let r = body.row + 1 + i
            let role: StyleRole = index == list.cursor ? .selected : .normal
            buffer.fill(row: r, col: area.col, width: area.width, role: role)
            for (c, text) in Self.cells(e, dates: context.env.display.dateStyle).enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: r, col: area.col + 1, width: area.width - 2, role: role)
            }
        }
        return nil
    }

    static func layout(width: Int) -> TableLayout {
        TableLayout([
            .init(title: Text.tr("audit_view.at"), width: 19), .init(title: Text.tr("audit_view.user"), width: 10),
            .init(title: Text.tr("audit_view.action"), width: 12, flex: 2),
            .init(title: Text.tr("audit_view.record"), width: 14), .init(title: Text.tr("audit_view.customer"), width: 9),
            .init(title: Text.tr("audit_view.changes"), width: 12, flex: 3),
        ], width: width)
    }

    /// One line: when (UTC, in the date style of the language), who, what, which record, whose,
    /// and the changes in short; the action and the record in the language in use.
    static func cells(_ e: AuditEntry, dates: DateStyle) -> [String] {
        let changes = e.fieldChanges.map { "\($0.field): \($0.before) → \($0.after)" }.joined(separator: "; ")
        return [e.atText(dates), e.user, e.actionText, e.recordText, e.customerNumber ?? "", changes.isEmpty ? e.detail : changes]
    }
}
