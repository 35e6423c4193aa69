import LoyalTerminal

/// Scrollable styled text: the account detail is built as one of these and
/// drawn a screenful at a time.
struct Document {
    struct Span: Hashable {
        var text: String
        var role: StyleRole
        /// Fixed width (padded or cut), or nil for the text's own width.
        var width: Int?
        var alignRight = false
    }

    typealias Line = [Span]

    private(set) var lines: [Line] = []
    /// Line index of each section title, for jumping between sections.
    private(set) var sections: [(title: String, line: Int)] = []

    mutating func section(_ title: String) {
        if !lines.isEmpty { lines.append([]) }
        sections.append((title, lines.count))
        lines.append([Span(text: title, role: .header, width: nil)])
    }

    mutating func line(_ spans: Span...) { lines.append(spans) }
    mutating func line(_ spans: [Span]) { lines.append(spans) }
    mutating func text(_ text: String, _ role: StyleRole = .normal) { lines.append([Span(text: text, role: role, width: nil)]) }
    mutating func blank() { lines.append([]) }

    /// A "label  value" line with the label in a fixed column.
    mutating func field(_ label: String, _ value: String, _ role: StyleRole = .normal, labelWidth: Int = 18) {
        lines.append([Span(text: label, role: .dim, width: labelWidth), Span(text: value, role: role, width: nil)])
    }

    func draw(into buffer: inout ScreenBuffer, area: Rect, top: Int) {
        for i in 0..<area.height {
            let index = top + i
            guard index < lines.count else { break }
            var x = area.col + 1
            for span in lines[index] {
                let room = area.right - x
                guard room > 0 else { break }
                if let w = span.width {
                    let cell = TextWidth.pad(Sanitizer.cleanPrefix(span.text, columns: min(w, room)), to: min(w, room), alignment: span.alignRight ? .right : .left)
                    buffer.put(row: area.row + i, col: x, cell, role: span.role, maxWidth: room)
                    x += min(w, room) + 1
                } else {
                    x += buffer.put(row: area.row + i, col: x, span.text, role: span.role, maxWidth: room) + 1
                }
            }
        }
    }
}

extension Document.Span {
    static func t(_ text: String, _ role: StyleRole = .normal, _ width: Int? = nil, right: Bool = false) -> Document.Span {
        Document.Span(text: text, role: role, width: width, alignRight: right)
    }
}
