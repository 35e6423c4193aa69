import LoyalCore
import LoyalStore
import LoyalTerminal

enum EarlyWarningView {
    static func layout(width: Int) -> TableLayout {
        TableLayout([
            // 79 columns at the least, so the rep still shows on an 80-column terminal; the
            // stage is wide enough for its longest name and the days in it ("plan in place 120d").
            .init(title: Text.tr("warning.col_customer"), width: 13, flex: 3),
            .init(title: Text.tr("accounts.col_class"), width: 2),
            .init(title: Text.tr("warning.col_at_stake"), width: 8, alignRight: true),
            .init(title: Text.tr("accounts.col_risk"), width: 10),
            .init(title: Text.tr("warning.col_stage"), width: 18),
            .init(title: Text.tr("warning.col_oldest"), width: 6, alignRight: true),
            .init(title: Text.tr("warning.col_signals"), width: 9, flex: 2),
            .init(title: Text.tr("accounts.col_rep"), width: 6),
        ], width: width)
    }

    /// Where the rows go: below the title and the column header.
    static func listArea(_ area: Rect) -> Rect { area.top(2).1 }

    static func render(_ screen: EarlyWarningScreen, into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let f = Format(display: env.display)
        let (titleRow, rest) = area.top(1)
        let (headerRow, list) = rest.top(1)
        buffer.fill(row: titleRow.row, col: area.col, width: area.width, role: .title)
        var parts = [Text.tr("tab.early_warning"), screen.filter.customerClass.map { Text.tr("accounts.class_filter", $0.rawValue) } ?? Text.tr("accounts.all_classes"),
                     screen.filter.repCode.map { Text.tr("calendar.rep", $0) } ?? Text.tr("accounts.all_reps")]
        if let k = screen.filter.signalKind { parts.append(Text.tr("warning.signal", SignalWords.name(k))) }
        parts.append(screen.filter.beyondPanel ? Text.tr("warning.everyone") : Text.tr("warning.panel"))
        parts.append(Text.tr("warning.most_to_lose"))
        buffer.put(row: titleRow.row, col: area.col + 1, parts.joined(separator: " · "), role: .title, maxWidth: area.width - 16)
        let position = screen.list.positionText(total: screen.total)
        buffer.put(row: titleRow.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)
        let layout = layout(width: area.width)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: nil, mark: "")
        if screen.list.isEmpty {
            buffer.put(row: list.row + 1, col: area.col + 2, screen.filter.beyondPanel
                       ? Text.tr("warning.empty_all")
                       : Text.tr("warning.empty_panel"), role: .dim)
        }
        for (i, (index, r)) in screen.list.visible.enumerated() {
            let selected = index == screen.list.cursor
            let base: StyleRole = selected ? .selected : .normal
            buffer.fill(row: list.row + i, col: area.col, width: area.width, role: base)
            let bandRole: StyleRole = selected ? .selected : r.band == .red ? .riskHigh : r.band == .amber ? .riskMedium : .riskLow
            let age = r.oldestSignal.map { Text.tr("warning.days_short", env.today - $0) } ?? ""
            let stage = r.stage.map { s in "\(s.label) \(r.stageSince.map { Text.tr("warning.days_compact", env.today - $0) } ?? "")" } ?? ""
            let classRole: StyleRole = selected ? .selected : [.a: .classA, .b: .classB, .c: .classC][r.customerClass]!
            let cells: [(String, StyleRole)] = [
                ("\(r.number) \(r.name)", base), (r.customerClass.rawValue, classRole), (f.compact(r.atStake), base),
                ("\(r.risk) % \(Text.tr("band.\(r.band.rawValue)"))", bandRole), (stage, base), (age, base),
                (r.kinds.map(SignalWords.name).joined(separator: ", "), selected ? .selected : .warning),
                ([r.repCode, r.assignedRepCode.map { "→\($0)" }].compactMap { $0 }.joined(), base),
            ]
            for (c, (text, role)) in cells.enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: list.row + i, col: area.col, width: area.width, role: role)
            }
        }
    }
}
