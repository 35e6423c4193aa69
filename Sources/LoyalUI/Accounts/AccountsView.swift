import LoyalCore
import LoyalStore
import LoyalTerminal

/// Draws the accounts list: a title line with the filter, the table, a totals line.
enum AccountsView {
    static func columnTitle(_ sort: AccountSort) -> String {
        switch sort {
        case .number: return "Number"
        case .name: return "Name"
        case .city: return "City"
        case .class: return "Cl"
        case .value: return "Value"
        case .revenue: return "Rev 12m"
        case .lastPurchase: return "Last buy"
        case .risk: return "Risk"
        case .rep: return "Rep"
        }
    }

    /// Terminals at least this wide also show the rep-set potential.
    static let potentialWidth = 100

    static func layout(width: Int) -> TableLayout {
        TableLayout([
            .init(title: "Number", width: 8),
            .init(title: "Name", width: 14, flex: 3),
            .init(title: "City", width: 10, flex: 1),
            .init(title: "Cl", width: 2),
            .init(title: "Value", width: 7, alignRight: true),
            .init(title: "Rev 12m", width: 8, alignRight: true),
            .init(title: "Last buy", width: 10),
            .init(title: "Risk", width: 4, alignRight: true),
            .init(title: "Rep", width: 3),
        ] + (width >= potentialWidth ? [.init(title: "Potential", width: 9, alignRight: true)] : []), width: width)
    }

    /// Where the rows go: below the title and the column header, above the totals line.
    static func listArea(_ area: Rect) -> Rect { area.top(2).1.bottom(1).0 }

    static func render(_ screen: AccountsScreen, into buffer: inout ScreenBuffer, area: Rect,
                       env: Environment, search: String?) {
        let format = Format(display: env.display)
        let (titleRow, rest) = area.top(1)
        let (body, footer) = rest.bottom(1)
        let (headerRow, list) = body.top(1)

        buffer.fill(row: titleRow.row, col: area.col, width: area.width, role: .title)
        var filters: [String] = []
        filters.append(screen.query.filter.customerClass.map { "class \($0.rawValue)" } ?? "all classes")
        filters.append(screen.query.filter.repCode.map { code in "rep \(code)" + (screen.repName[code].map { " (\($0))" } ?? "") } ?? "all reps")
        filters.append("by \(columnTitle(screen.query.sort).lowercased()) \(screen.query.descending ? "▼" : "▲")")
        buffer.put(row: titleRow.row, col: area.col + 1, "Accounts · " + filters.joined(separator: " · "), role: .title,
                   maxWidth: area.width - 2)
        let position = positionText(screen, format)
        buffer.put(row: titleRow.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)

        let layout = layout(width: area.width)
        let sortIndex = AccountsScreen.sortColumns.firstIndex(of: screen.query.sort)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: sortIndex,
                          mark: screen.query.descending ? "▼" : "▲")

        let w = screen.list
        if w.rows.isEmpty {
            let text = screen.query.filter == AccountFilter() ? "No accounts yet: import customers (loyal import customers FILE) or create a demo (loyal demo)."
                : "No account matches this filter. Press * for all classes, r to choose another rep."
            buffer.put(row: list.row + 1, col: area.col + 2, text, role: .dim, maxWidth: area.width - 4)
        }
        for (i, (index, row)) in w.visible.enumerated() {
            drawRow(row, selected: index == w.cursor, layout: layout, buffer: &buffer,
                    row: list.row + i, area: area, format: format, search: search)
        }

        buffer.fill(row: footer.row, col: area.col, width: area.width, role: .statusBar)
        let totals = screen.totals.map { t in
            "\(t.count) accounts · revenue 12m \(format.money(t.revenue12m)) · value \(format.money(t.value))"
        } ?? "counting…"
        buffer.put(row: footer.row, col: area.col + 1, totals, role: .statusBar, maxWidth: area.width - 2)
    }

    static func positionText(_ screen: AccountsScreen, _ format: Format) -> String {
        screen.list.positionText(total: screen.totals?.count)
    }

    static func drawRow(_ r: AccountRow, selected: Bool, layout: TableLayout, buffer: inout ScreenBuffer, row: Int,
                        area: Rect, format: Format, search: String?) {
        let base: StyleRole = selected ? .selected : (r.status == .lost ? .dim : .normal)
        buffer.fill(row: row, col: area.col, width: area.width, role: base)
        let classRole: StyleRole = selected ? .selected : [.a: .classA, .b: .classB, .c: .classC][r.customerClass]!
        let trendRole: StyleRole = selected ? .selected : r.trend == .down ? .trendDown : r.trend == .up ? .trendUp : base
        let match = search.map { AccountsScreen.matches(r, $0) } ?? false
        let nameRole: StyleRole = match && !selected ? .searchMatch : base
        var name = r.name
        if r.status == .lost { name += " (lost)" } else if r.isReturnee { name += " ↺" }
        let cells: [(String, StyleRole)] = [
            (r.number, match && !selected ? .searchMatch : base), (name, nameRole), (r.city, base),
            (r.customerClass.rawValue + (r.classOverridden ? "*" : ""), classRole),
            (format.compact(r.value), base),
            (format.compact(r.revenue12m) + r.trend.mark, trendRole),
            (format.day(r.lastPurchase), base),
            (format.risk(r.risk), selected ? .selected : r.risk >= 0.6 ? .riskHigh : r.risk >= 0.3 ? .riskMedium : base),
            (r.repCode ?? "", base),
            (r.potential.map { format.compact($0) } ?? "", base),
        ]
        for (i, (text, role)) in cells.enumerated() where i < layout.columns.count {
            layout.drawCell(text, column: i, into: &buffer, row: row, col: area.col, width: area.width, role: role)
        }
    }
}
