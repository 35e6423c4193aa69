import LoyalCore
import LoyalStore
import LoyalTerminal

/// Draws the accounts list: a title line with the filter, the table, a totals line.
enum AccountsView {
    static func columnTitle(_ sort: AccountSort) -> String {
        switch sort {
        case .number: return Text.tr("accounts.col_number")
        case .name: return Text.tr("accounts.col_name")
        case .city: return Text.tr("accounts.col_city")
        case .class: return Text.tr("accounts.col_class")
        case .value: return Text.tr("accounts.col_value")
        case .revenue: return Text.tr("accounts.col_revenue")
        case .lastPurchase: return Text.tr("accounts.col_last_buy")
        case .risk: return Text.tr("accounts.col_risk")
        case .rep: return Text.tr("accounts.col_rep")
        }
    }

    /// Terminals at least this wide also show the rep-set potential.
    static let potentialWidth = 100

    static func layout(width: Int) -> TableLayout {
        TableLayout([
            .init(title: Text.tr("accounts.col_number"), width: 8),
            .init(title: Text.tr("accounts.col_name"), width: 14, flex: 3),
            .init(title: Text.tr("accounts.col_city"), width: 10, flex: 1),
            .init(title: Text.tr("accounts.col_class"), width: 2),
            .init(title: Text.tr("accounts.col_value"), width: 7, alignRight: true),
            .init(title: Text.tr("accounts.col_revenue"), width: 8, alignRight: true),
            .init(title: Text.tr("accounts.col_last_buy"), width: 10),
            .init(title: Text.tr("accounts.col_risk"), width: 4, alignRight: true),
            .init(title: Text.tr("accounts.col_rep"), width: 3),
        ] + (width >= potentialWidth ? [.init(title: Text.tr("accounts.col_potential"), width: 9, alignRight: true)] : []), width: width)
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
        filters.append(screen.query.filter.customerClass.map { Text.tr("accounts.class_filter", $0.rawValue) } ?? Text.tr("accounts.all_classes"))
        filters.append(screen.query.filter.repCode.map { code in Text.tr("accounts.rep_filter", code) + (screen.repName[code].map { " (\($0))" } ?? "") } ?? Text.tr("accounts.all_reps"))
        filters.append(Text.tr("accounts.by", columnTitle(screen.query.sort).lowercased(), screen.query.descending ? "▼" : "▲"))
        buffer.put(row: titleRow.row, col: area.col + 1, Text.tr("accounts.title") + filters.joined(separator: " · "), role: .title,
                   maxWidth: area.width - 2)
        let position = positionText(screen, format)
        buffer.put(row: titleRow.row, col: area.right - TextWidth.columns(of: position) - 1, position, role: .title)

        let layout = layout(width: area.width)
        let sortIndex = AccountsScreen.sortColumns.firstIndex(of: screen.query.sort)
        layout.drawHeader(into: &buffer, row: headerRow.row, col: area.col, width: area.width, highlight: sortIndex,
                          mark: screen.query.descending ? "▼" : "▲")

        let w = screen.list
        if w.rows.isEmpty {
            let text = screen.query.filter == AccountFilter() ? Text.tr("accounts.empty")
                : Text.tr("accounts.no_match")
            buffer.put(row: list.row + 1, col: area.col + 2, text, role: .dim, maxWidth: area.width - 4)
        }
        for (i, (index, row)) in w.visible.enumerated() {
            drawRow(row, selected: index == w.cursor, layout: layout, buffer: &buffer,
                    row: list.row + i, area: area, format: format, search: search)
        }

        buffer.fill(row: footer.row, col: area.col, width: area.width, role: .statusBar)
        let totals = screen.totals.map { t in
            Text.tr("accounts.totals", t.count, format.money(t.revenue12m), format.money(t.value))
        } ?? Text.tr("accounts.counting")
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
        if r.status == .lost { name += Text.tr("accounts.lost_mark") } else if r.isReturnee { name += " ↺" }
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
