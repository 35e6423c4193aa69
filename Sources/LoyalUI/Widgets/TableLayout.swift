import LoyalTerminal

/// Column positions for a table: fixed columns keep their width, flexible ones
/// share what is left (by weight), so a wider terminal shows longer names.
struct TableLayout {
    struct Column {
        var title: String
        var width: Int
        var flex: Int = 0
        var alignRight = false
    }

    let columns: [Column]
    /// Start column and width of each column, for the given total width.
    let spans: [(col: Int, width: Int)]

    init(_ columns: [Column], width: Int, gap: Int = 1) {
        // A column is never narrower than its title: German titles are longer, and a cut
        // title ("Risi") reads as a mistake where a cut value does not.
        let columns = columns.map { c in
            var c = c
            c.width = max(c.width, TextWidth.columns(of: c.title))
            return c
        }
        self.columns = columns
        let fixed = columns.reduce(0) { $0 + $1.width } + gap * max(0, columns.count - 1)
        let spare = max(0, width - fixed)
        let weights = columns.reduce(0) { $0 + $1.flex }
        var x = 0, given = 0
        var spans: [(Int, Int)] = []
        let lastFlex = columns.lastIndex { $0.flex > 0 }
        for (i, c) in columns.enumerated() {
            var w = c.width
            if c.flex > 0, weights > 0 {
                let extra = i == lastFlex ? spare - given : spare * c.flex / weights
                w += extra; given += extra
            }
            spans.append((x, w))
            x += w + gap
        }
        self.spans = spans
    }

    func drawHeader(into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int, highlight: Int?, mark: String) {
        buffer.fill(row: row, col: col, width: width, role: .header)
        for (i, c) in columns.enumerated() {
            let span = spans[i]
            // The sort mark goes beside the title where it fits; the title itself is never cut.
            let marked = i == highlight && TextWidth.columns(of: c.title + mark) <= span.width
            let title = marked ? c.title + mark : c.title
            buffer.put(row: row, col: col + span.col,
                       TextWidth.pad(title, to: span.width, alignment: c.alignRight ? .right : .left),
                       role: .header, maxWidth: min(span.width, width - span.col))
        }
    }

    func drawCell(_ text: String, column i: Int, into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int,
                  role: StyleRole) {
        let span = spans[i]
        guard span.col < width else { return }
        buffer.put(row: row, col: col + span.col,
                   TextWidth.pad(Sanitizer.cleanPrefix(text, columns: span.width), to: span.width, alignment: columns[i].alignRight ? .right : .left),
                   role: role, maxWidth: min(span.width, width - span.col))
    }

    /// The column under a screen column (for clicks on the header).
    func column(at x: Int) -> Int? {
        spans.firstIndex { x >= $0.col && x < $0.col + $0.width }
    }
}
