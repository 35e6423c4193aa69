import LoyalCore
import LoyalTerminal

/// The overview's columns: what each shows of a row, and which go first when the
/// terminal is narrow. Widths follow the figures (a team of 8 reps with 300 customers
/// each needs far less room than one with 25000 each), so as much fits as can.
struct TeamColumn: Sendable {
    let title: String
    /// Lower goes first when not everything fits (the classes first: the bars show them).
    let keep: Int
    var alignRight = true
    let cell: @Sendable (TeamRow, Format) -> (String, StyleRole)

    static var all: [TeamColumn] { [
        TeamColumn(title: Text.tr("accounts.col_rep"), keep: 99, alignRight: false) { r, _ in (label(r), .normal) },
        TeamColumn(title: "A", keep: 3) { r, _ in ("\(r.accounts(.a))", .classA) },
        TeamColumn(title: "B", keep: 2) { r, _ in ("\(r.accounts(.b))", .classB) },
        TeamColumn(title: "C", keep: 1) { r, _ in ("\(r.accounts(.c))", .classC) },
        TeamColumn(title: Text.tr("accounts.col_revenue"), keep: 90) { r, f in
            (f.compact(r.revenue12m) + r.revenueTrend.mark, trendRole(r.revenueTrend == .up ? 1 : r.revenueTrend == .down ? -1 : 0))
        },
        TeamColumn(title: Text.tr("accounts.col_risk"), keep: 80) { r, _ in ("\(r.atRisk)", r.atRisk > 0 ? .riskHigh : .normal) },
        TeamColumn(title: Text.tr("team.col_stake"), keep: 85) { r, f in (f.compact(r.atStake), .normal) },
        TeamColumn(title: Text.tr("team.col_open"), keep: 40) { r, _ in ("\(r.planOpen)", .normal) },
        TeamColumn(title: Text.tr("calendar.overdue"), keep: 70) { r, _ in ("\(r.planOverdue)", r.planOverdue > 0 ? .overdue : .normal) },
        TeamColumn(title: Text.tr("team.col_visits"), keep: 60) { r, _ in against(r.visitsDone, r.visitsPlanned) },
        TeamColumn(title: Text.tr("team.col_calls"), keep: 50) { r, _ in against(r.callsDone, r.callsPlanned) },
        TeamColumn(title: "NPS", keep: 65) { r, _ in now(r.nps) { "\($0)" } },
        TeamColumn(title: "Δ", keep: 64) { r, _ in change(r.nps) { "\($0)" } },
        TeamColumn(title: Text.tr("team.col_sat"), keep: 45) { r, f in now(r.satisfaction) { tenths($0, f) } },
        TeamColumn(title: "Δ", keep: 44) { r, f in change(r.satisfaction) { tenths($0, f) } },
        TeamColumn(title: Text.tr("team.col_lost"), keep: 30) { r, _ in ("\(r.lost)", .normal) },
        TeamColumn(title: Text.tr("team.col_won"), keep: 20) { r, _ in ("\(r.wonBack)", .normal) },
    ] }

    /// The columns that fit in `width` with the widths their texts need, in display order;
    /// the rep column takes what is left (for the rep's name).
    static func fitting(_ lines: [TeamRow], width: Int, format: Format) -> (columns: [TeamColumn], layout: TableLayout) {
        var needed = all.map { c in
            lines.reduce(TextWidth.columns(of: c.title)) { max($0, TextWidth.columns(of: c.cell($1, format).0)) }
        }
        // The rep column needs the codes; the names fill what is left.
        needed[0] = codeWidth(lines)
        var shown = Array(all.indices)
        while shown.count > 1, shown.reduce(0, { $0 + needed[$1] }) + shown.count - 1 > width,
              let drop = shown.min(by: { all[$0].keep < all[$1].keep }) {
            shown.removeAll { $0 == drop }
        }
        let layout = TableLayout(shown.map { i in
            TableLayout.Column(title: all[i].title, width: needed[i], flex: i == 0 ? 1 : 0, alignRight: all[i].alignRight)
        }, width: width)
        return (shown.map { all[$0] }, layout)
    }

    /// Room for the longest code as shown (at most 10 columns: a code is data, and a
    /// hostile one must not push every figure off the screen).
    static func codeWidth(_ lines: [TeamRow]) -> Int {
        lines.reduce(4) { max($0, TextWidth.columns(of: Sanitizer.cleanPrefix(code($1), columns: 10))) }
    }

    /// "AB Anja Brandt", Text.tr("team.no_rep"), Text.tr("tab.team"); only the code where the name would
    /// be cut to a stub.
    static func label(_ r: TeamRow, width: Int = .max) -> String {
        let short = code(r)
        if width < TextWidth.columns(of: Sanitizer.cleanPrefix(short, columns: 10)) + 8 { return short }
        switch r.kind {
        case .rep: return code(r) + " " + r.repName
        case .unassigned: return Text.tr("team.no_rep")
        case .team: return Text.tr("tab.team")
        }
    }

    static func code(_ r: TeamRow) -> String {
        switch r.kind {
        case .rep: return r.repCode ?? ""
        case .unassigned: return Text.tr("detail.none")
        case .team: return Text.tr("tab.team")
        }
    }

    /// "12/15": done against planned; short of the plan in the warning role.
    static func against(_ done: Int, _ planned: Int) -> (String, StyleRole) {
        ("\(done)/\(planned)", done < planned ? .warning : .normal)
    }

    /// The figure of the last 90 days, "–" without answers.
    static func now(_ t: FigureTrend, _ text: (Int) -> String) -> (String, StyleRole) {
        t.now.map { (text($0), .normal) } ?? ("–", .dim)
    }

    /// Its change against the 90 days before: "▲5", "▼0,2", "=" (blank unless both have answers).
    static func change(_ t: FigureTrend, _ text: (Int) -> String) -> (String, StyleRole) {
        guard let change = t.change else { return ("", .normal) }
        return (change > 0 ? "▲" + text(change) : change < 0 ? "▼" + text(-change) : "=", trendRole(change))
    }

    static func tenths(_ t: Int, _ f: Format) -> String { Tenths.text(t, decimalSeparator: f.display.money.decimalSeparator) }

    static func trendRole(_ change: Int) -> StyleRole { change > 0 ? .trendUp : change < 0 ? .trendDown : .normal }
}
