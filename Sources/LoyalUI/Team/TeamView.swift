import LoyalCore
import LoyalTerminal

/// Draws the overview: a title with the windows, the table of reps with the team's line
/// under it, then the bars of the reps shown in the table.
enum TeamView {
    static func render(_ screen: TeamScreen, into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let f = Format(display: env.display)
        let (titleRow, rest) = area.top(1)
        let (headerRow, body) = rest.top(1)
        drawTitle(screen, into: &buffer, row: titleRow)

        let reps = screen.reps
        let (columns, layout) = TeamColumn.fitting(screen.lines, width: area.width, format: f)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: nil, mark: "")
        if let message = emptyMessage(screen) {
            buffer.put(row: body.row + 1, col: area.col + 2, message, role: screen.error == nil ? .dim : .error,
                       maxWidth: area.width - 4)
            return
        }
        let shown = Array(screen.top..<min(reps.count, screen.top + screen.visibleReps))
        for (i, index) in (shown + [reps.count]).enumerated() {
            drawLine(screen.lines[index], selected: index == screen.cursor, columns: columns, layout: layout,
                     buffer: &buffer, row: body.row + i, area: area, format: f)
        }
        let charts = Rect(row: body.row + shown.count + 2, col: area.col, width: area.width,
                          height: body.bottom - body.row - shown.count - 2)
        TeamChart.render(reps: reps, shown: shown, cursor: screen.cursor, into: &buffer, area: charts, format: f)
    }

    static func drawTitle(_ screen: TeamScreen, into buffer: inout ScreenBuffer, row: Rect) {
        buffer.fill(row: row.row, col: row.col, width: row.width, role: .title)
        // The windows the figures count in, as many as fit (the README gives the exact days).
        var title = Text.tr("tab.team")
        let room = row.width - 14
        for part in [Text.tr("team.window_visits"), Text.tr("team.window_nps"), Text.tr("team.window_lost")]
        where TextWidth.columns(of: title + " · " + part) <= room {
            title += " · " + part
        }
        buffer.put(row: row.row, col: row.col + 1, title, role: .title, maxWidth: room)
        let position = screen.loading ? Text.tr("accounts.counting") : screen.lines.isEmpty ? "" : Text.tr("team.position", screen.cursor + 1, screen.lines.count)
        buffer.put(row: row.row, col: row.right - TextWidth.columns(of: position) - 1, position, role: .title)
    }

    static func emptyMessage(_ screen: TeamScreen) -> String? {
        if let e = screen.error { return Text.tr("team.cannot_read", e) }
        if screen.overview == nil { return Text.tr("accounts.counting") }
        if screen.reps.isEmpty { return Text.tr("team.no_reps") }
        return nil
    }

    /// Keeps the selected rep among the reps shown; the team's line is always shown.
    /// The layout step: table rows and bar rows share the height (k reps, the team, a gap,
    /// the bars' title, k bars); the cursor's rep stays in view.
    static func arrange(_ screen: inout TeamScreen, area: Rect) {
        let body = area.top(2).1
        screen.visibleReps = max(1, min(screen.reps.count, (body.height - 3) / 2))
        let reps = screen.reps.count
        if screen.cursor < reps {
            if screen.cursor < screen.top { screen.top = screen.cursor }
            if screen.cursor >= screen.top + screen.visibleReps { screen.top = screen.cursor - screen.visibleReps + 1 }
        }
        screen.top = max(0, min(screen.top, reps - screen.visibleReps))
    }

    static func drawLine(_ r: TeamRow, selected: Bool, columns: [TeamColumn], layout: TableLayout, buffer: inout ScreenBuffer,
                         row: Int, area: Rect, format: Format) {
        let base: StyleRole = selected ? .selected : r.kind == .team ? .header : .normal
        buffer.fill(row: row, col: area.col, width: area.width, role: base)
        for (i, column) in columns.enumerated() {
            var (text, role) = column.cell(r, format)
            if i == 0 { text = TeamColumn.label(r, width: layout.spans[0].width) }
            layout.drawCell(text, column: i, into: &buffer, row: row, col: area.col, width: area.width,
                            role: selected || r.kind == .team || role == .normal ? base : role)
        }
    }
}

extension TeamScreen {
    mutating func arrange(_ area: Rect, env: Environment) { TeamView.arrange(&self, area: area) }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        TeamView.render(self, into: &buffer, area: area, env: context.env)
        return nil
    }
}
