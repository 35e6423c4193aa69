import LoyalCore
import LoyalStore
import LoyalTerminal

enum EarlyWarningView {
    static func layout(width: Int) -> TableLayout {
        TableLayout([
            // 79 columns at the least, so the rep still shows on an 80-column terminal; the
            // stage is wide enough for its longest name and the days in it ("plan in place 120d").
            .init(title: "Customer", width: 13, flex: 3),
            .init(title: "Cl", width: 2),
            .init(title: "At stake", width: 8, alignRight: true),
            .init(title: "Risk", width: 10),
            .init(title: "Stage", width: 18),
            .init(title: "Oldest", width: 6, alignRight: true),
            .init(title: "Signals", width: 9, flex: 2),
            .init(title: "Rep", width: 6),
        ], width: width)
    }

    /// Where the rows go: below the title and the column header.
    static func listArea(_ area: Rect) -> Rect { area.top(2).1 }

    static func render(_ screen: EarlyWarningScreen, into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let f = Format(display: env.display)
        let (titleRow, rest) = area.top(1)
        let (headerRow, list) = rest.top(1)
        buffer.fill(row: titleRow.row, col: area.col, width: area.width, role: .title)
        var parts = ["Early warning", screen.filter.customerClass.map { "class \($0.rawValue)" } ?? "all classes",
                     screen.filter.repCode.map { "rep \($0)" } ?? "all reps"]
        if let k = screen.filter.signalKind { parts.append("signal \(SignalWords.name(k))") }
        parts.append(screen.filter.beyondPanel ? "everyone with open signals" : "panel")
        parts.append("most to lose first")
        buffer.put(row: titleRow.row, col: area.col + 1, parts.joined(separator: " · "), role: .title, maxWidth: area.width - 16)
        let position = screen.list.positionText(total: screen.total)
        buffer.put(row: titleRow.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)
        let layout = layout(width: area.width)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: nil, mark: "")
        if screen.list.isEmpty {
            buffer.put(row: list.row + 1, col: area.col + 2, screen.filter.beyondPanel
                       ? "No customer shows warning signs under this filter."
                       : "Nobody on the panel under this filter; w shows everyone with open signals.", role: .dim)
        }
        for (i, (index, r)) in screen.list.visible.enumerated() {
            let selected = index == screen.list.cursor
            let base: StyleRole = selected ? .selected : .normal
            buffer.fill(row: list.row + i, col: area.col, width: area.width, role: base)
            let bandRole: StyleRole = selected ? .selected : r.band == .red ? .riskHigh : r.band == .amber ? .riskMedium : .riskLow
            let age = r.oldestSignal.map { "\(env.today - $0) d" } ?? ""
            let stage = r.stage.map { s in "\(s.label) \(r.stageSince.map { "\(env.today - $0)d" } ?? "")" } ?? ""
            let classRole: StyleRole = selected ? .selected : [.a: .classA, .b: .classB, .c: .classC][r.customerClass]!
            let cells: [(String, StyleRole)] = [
                ("\(r.number) \(r.name)", base), (r.customerClass.rawValue, classRole), (f.compact(r.atStake), base),
                ("\(r.risk) % \(r.band.rawValue)", bandRole), (stage, base), (age, base),
                (r.kinds.map(SignalWords.name).joined(separator: ", "), selected ? .selected : .warning),
                ([r.repCode, r.assignedRepCode.map { "→\($0)" }].compactMap { $0 }.joined(), base),
            ]
            for (c, (text, role)) in cells.enumerated() {
                layout.drawCell(text, column: c, into: &buffer, row: list.row + i, col: area.col, width: area.width, role: role)
            }
        }
    }
}
