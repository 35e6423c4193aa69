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
        buffer.put(row: header.row, col: area.col + 1, Text.tr("merge.header", p.other.label, p.other.name, p.keep.label, p.keep.name),
                   role: .title, maxWidth: area.width - 2)
        let textWidth = area.width - 4
        var r = body.row + 1
        let moved = MergeWords.moved(p.moving)
        var intro = Wrap.lines(moved.isEmpty ? Text.tr("merge.nothing_else", p.keep.label) : Text.tr("merge.moves_to", p.keep.label, moved),
                               width: textWidth).prefix(2).map { ($0, StyleRole.normal) }
        if !p.filled.isEmpty {
            intro.append((Text.tr("merge.filled_in", p.other.label, p.keep.label)
                          + p.filled.map { MergeWords.label($0).lowercased() }.joined(separator: ", "), .normal))
        }
        intro.append((Text.tr("merge.removed_note", p.other.label), .dim))
        for (line, role) in intro {
            buffer.put(row: r, col: area.col + 2, line, role: role, maxWidth: textWidth)
            r += 1
        }
        r += 1
        guard !p.conflicts.isEmpty else {
            buffer.put(row: r, col: area.col + 2, Text.tr("merge.no_difference"), role: .dim, maxWidth: textWidth)
            return
        }
        let layout = TableLayout([
            .init(title: Text.tr("merge.col_field"), width: 20), .init(title: Text.tr("merge.col_kept", p.keep.label), width: 20, flex: 1),
            .init(title: Text.tr("merge.col_removed", p.other.label), width: 20, flex: 1),
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
