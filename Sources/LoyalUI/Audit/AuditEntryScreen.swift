import LoyalCore
import LoyalStore
import LoyalTerminal

enum AuditEntryAction: Hashable, Sendable { case down, up, back }

/// One audit entry: who, when, what, and a table of each changed field before and after.
struct AuditEntryScreen: LoyalScreen {
    let entry: AuditEntry
    var top = 0
    var visibleRows = 10

    var title: String { Text.tr("audit_view.entry_title", entry.id) }

    static var actions: [ActionSpec<AuditEntryAction>] { [
        ActionSpec(.down, [.down, .char("j")], "down", Text.tr("audit_view.key_scroll_help")),
        ActionSpec(.up, [.up, .char("k")], "up", Text.tr("audit_view.key_scroll_help")),
        ActionSpec(.back, [.left, .char("h")], Text.tr("audit_view.key_back"), Text.tr("audit_view.key_back_help"),
                   status: true),
    ] }
    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("audit_view.entry_title", "").trimmingCharacters(in: .whitespaces), actions) }
    var keyHelp: KeyHelp { Self.keyHelp }

    var changes: [AuditFieldChange] { entry.fieldChanges }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        guard let action: AuditEntryAction = Self.actions.action(for: key) else { return nil }
        switch action {
        case .down: top = min(max(0, changes.count - visibleRows), top + 1)
        case .up: top = max(0, top - 1)
        case .back: return .pop
        }
        return .stay
    }

    /// The facts above the table, as label and value.
    var facts: [(String, String)] { facts(dates: EvidenceFormat.current.dates) }

    func facts(dates: DateStyle) -> [(String, String)] {
        [(Text.tr("audit_view.at"), entry.atText(dates) + " UTC"),
         (Text.tr("audit_view.user"), entry.user), (Text.tr("audit_view.action"), entry.actionText),
         (Text.tr("audit_view.record"), entry.recordText),
         (Text.tr("audit_view.customer"), entry.customerNumber ?? "–"), (Text.tr("audit_view.detail"), entry.detail)]
    }

    mutating func arrange(_ area: Rect, env: Environment) {
        visibleRows = max(1, area.height - facts.count - 4)
        top = min(top, max(0, changes.count - visibleRows))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, title, role: .title, maxWidth: area.width - 2)
        let shown = facts(dates: context.env.display.dateStyle)
        let labelWidth = shown.map { TextWidth.columns(of: $0.0) }.max() ?? 0
        var r = body.row + 1
        for (label, value) in shown {
            buffer.put(row: r, col: area.col + 2, label, role: .dim)
            buffer.put(row: r, col: area.col + 4 + labelWidth, value, role: .normal, maxWidth: area.width - labelWidth - 6)
            r += 1
        }
        r += 1
        guard !changes.isEmpty else {
            buffer.put(row: r, col: area.col + 2, Text.tr("audit_view.no_fields"), role: .dim, maxWidth: area.width - 4)
            return nil
        }
        let layout = TableLayout([.init(title: Text.tr("audit_view.field"), width: 16, flex: 1),
                                  .init(title: Text.tr("audit_view.before"), width: 20, flex: 2),
                                  .init(title: Text.tr("audit_view.after"), width: 20, flex: 2)], width: area.width - 4)
        layout.drawHeader(into: &buffer, row: r, col: area.col + 2, width: area.width - 4, highlight: nil, mark: "")
        for change in changes.dropFirst(top).prefix(visibleRows) {
            r += 1
            guard r < area.bottom else { break }
            for (c, text) in [change.field, change.before, change.after].enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: r, col: area.col + 2, width: area.width - 4, role: .normal)
            }
        }
        return nil
    }
}
