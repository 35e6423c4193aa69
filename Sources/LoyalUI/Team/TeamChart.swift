import LoyalCore
import LoyalTerminal

/// The overview's bars, one line per rep shown in the table: his accounts stacked by
/// class (█ A, ▓ B, ░ C, so they read without colour too) and what is at stake with
/// his customers at risk. Every rep is measured against the largest, all of them.
enum TeamChart {
    static let classGlyphs: [(String, StyleRole)] = [("█", .classA), ("▓", .classB), ("░", .classC)]

    static func render(reps: [TeamRow], shown: [Int], cursor: Int, into buffer: inout ScreenBuffer, area: Rect, format f: Format) {
        guard area.height >= 2, !shown.isEmpty else { return }
        let half = area.width / 2
        let left = Rect(row: area.row, col: area.col, width: half - 1, height: area.height)
        let right = Rect(row: area.row, col: area.col + half, width: area.width - half, height: area.height)
        let codeWidth = TeamColumn.codeWidth(shown.map { reps[$0] })

        var x = left.col + 1
        x += buffer.put(row: left.row, col: x, Text.tr("team.by_class"), role: .header, maxWidth: left.right - x)
        for (i, (glyph, role)) in classGlyphs.enumerated() where x < left.right {
            x += buffer.put(row: left.row, col: x, glyph, role: role)
            x += buffer.put(row: left.row, col: x, " \(CustomerClass.allCases[i].rawValue)  ", role: .header, maxWidth: left.right - x)
        }
        buffer.put(row: right.row, col: right.col, Text.tr("team.at_stake"), role: .header, maxWidth: right.width)

        let maxAccounts = reps.map(\.accountCount).max() ?? 0
        let maxStake = reps.map(\.atStake.cents).max() ?? 0
        for (i, index) in shown.enumerated() where i + 1 < area.height {
            let r = reps[index], row = area.row + 1 + i
            let codeRole: StyleRole = index == cursor ? .selected : .normal
            // Classes: code, bar, "A/B/C" counts.
            let counts = r.accounts.map(String.init).joined(separator: "/")
            let barWidth = max(1, left.width - codeWidth - TextWidth.columns(of: counts) - 3)
            var cx = left.col + 1
            buffer.put(row: row, col: cx, label(r, codeWidth), role: codeRole, maxWidth: codeWidth)
            cx += codeWidth + 1
            let cells = HorizontalBar.segments(r.accounts, of: maxAccounts, width: barWidth)
            for (k, n) in cells.enumerated() where n > 0 {
                cx += buffer.put(row: row, col: cx, String(repeating: classGlyphs[k].0, count: n), role: classGlyphs[k].1)
            }
            buffer.put(row: row, col: cx + 1, counts, role: .dim, maxWidth: left.right - cx - 1)
            // Value at stake: code, bar, amount.
            let amount = f.compact(r.atStake)
            let stakeWidth = max(1, right.width - codeWidth - TextWidth.columns(of: amount) - 3)
            var sx = right.col
            buffer.put(row: row, col: sx, label(r, codeWidth), role: codeRole, maxWidth: codeWidth)
            sx += codeWidth + 1
            sx += buffer.put(row: row, col: sx, HorizontalBar.bar(r.atStake.cents, of: maxStake, width: stakeWidth), role: .riskHigh)
            buffer.put(row: row, col: sx + 1, amount, role: .dim, maxWidth: right.right - sx - 1)
        }
    }

    /// The rep's code, cleaned and padded to the code column.
    static func label(_ r: TeamRow, _ width: Int) -> String {
        TextWidth.pad(Sanitizer.cleanPrefix(TeamColumn.code(r), columns: width), to: width)
    }
}
