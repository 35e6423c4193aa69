import LoyalCore
import LoyalStore
import LoyalTerminal

/// Draws the merge dialog: what moves and what is filled in, then one line per conflicting
/// field with both values, ● on the one that stays.
enum MergeView {
    static func render(_ s: MergeScreen, into buffer: inout ScreenBuffer, area: Rect, env: Environment) {
        let format = Format(display: env.display)
        let p = s.preview
        let (header, body) = area.top(1)
        buffer.fill(row: header.row, col: area.col, width: area.width, role: .title)
        buffer.put(row: header.row, col: area.col + 1, "Merge \(p.other.label) \(p.other.name) into \(p.keep.label) \(p.keep.name)",
                   role: .title, maxWidth: area.width - 2)
        let textWidth = area.width - 4
        var r = body.row + 1
        let moved = MergeWords.moved(p.moving)
        var intro = Wrap.lines(moved.isEmpty ? "Nothing else moves to \(p.keep.label)." : "Moves to \(p.keep.label): \(moved).",
                               width: textWidth).prefix(2).map { ($0, StyleRole.normal) }
        if !p.filled.isEmpty {
            intro.append(("Filled in from \(p.other.label), empty in \(p.keep.label): "
                          + p.filled.map { MergeWords.label($0).lowercased() }.joined(separator: ", "), .normal))
        }
        intro.append(("\(p.other.label) is removed. Choose per field whose value stays; Enter merges, Esc cancels.", .dim))
        for (line, role) in intro {
            buffer.put(row: r, col: area.col + 2, line, role: role, maxWidth: textWidth)
            r += 1
        }
        r += 1
        guard !p.conflicts.isEmpty else {
            buffer.put(row: r, col: area.col + 2, "No field differs: there is nothing to choose.", role: .dim, maxWidth: textWidth)
            return
        }
        let layout = TableLayout([
            .init(title: "Field", width: 20), .init(title: "\(p.keep.label) (kept)", width: 20, flex: 1),
            .init(title: "\(p.other.label) (removed)", width: 20, flex: 1),
        ], width: area.width - 2)
        layout.drawHeader(into: &buffer, row: r, col: area.col + 1, width: area.width - 2, highlight: nil, mark: "")
        r += 1
        // The cursor's line stays in sight on a small terminal.
        let rows = max(1, body.bottom - r)
        let top = max(0, min(s.cursor - rows + 1, p.conflicts.count - rows))
        for (i, conflict) in p.conflicts.enumerated().dropFirst(top).prefix(rows) {
            let atCursor = i == s.cursor
            let keeps = s.chosen(conflict.field) == .keep
            if atCursor { buffer.fill(row: r, col: area.col, width: area.width, role: .selected) }
            func role(_ chosen: Bool) -> StyleRole { atCursor ? .selected : chosen ? .normal : .dim }
            layout.drawCell(MergeWords.label(conflict.field), column: 0, into: &buffer, row: r, col: area.col + 1,
                            width: area.width - 2, role: atCursor ? .selected : .header)
            layout.drawCell((keeps ? "● " : "○ ") + MergeWords.text(conflict.keep, format, today: env.today), column: 1,
                            into: &buffer, row: r, col: area.col + 1, width: area.width - 2, role: role(keeps))
            layout.drawCell((keeps ? "○ " : "● ") + MergeWords.text(conflict.other, format, today: env.today), column: 2,
                            into: &buffer, row: r, col: area.col + 1, width: area.width - 2, role: role(!keeps))
            r += 1
        }
    }
}
