import LoyalTerminal

/// Single-line text editing with the keys people expect from a shell:
/// arrows, Home/End, Ctrl-A/E, Backspace/Delete, Ctrl-U/K/W.
struct TextField: Hashable {
    var text: String = ""
    /// Cursor position in graphemes.
    var cursor: Int = 0

    init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Returns true when the key edited or moved (so the caller need not look further).
    mutating func handle(_ key: Key) -> Bool {
        var chars = Array(text)
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor); cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1); cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left, .ctrl("b"): cursor = max(0, cursor - 1); return true
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1); return true
        case .home, .ctrl("a"): cursor = 0; return true
        case .end, .ctrl("e"): cursor = chars.count; return true
        case .ctrl("u"): chars.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): chars.removeSubrange(cursor..<chars.count)
        case .ctrl("w"):
            var i = cursor
            while i > 0, chars[i - 1] == " " { i -= 1 }
            while i > 0, chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor); cursor = i
        default:
            return false
        }
        text = String(chars)
        return true
    }

    /// Draws the text into `width` columns, scrolled so the cursor stays visible,
    /// and returns the cursor's column.
    func draw(into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int, role: StyleRole) -> Int {
        // Walk back from the cursor only as far as the field is wide, and forward only
        // to its edge: a pasted megabyte must not be cleaned and measured per key.
        let cursorIndex = text.index(text.startIndex, offsetBy: cursor, limitedBy: text.endIndex) ?? text.endIndex
        let room = max(0, width - 1)
        var shownParts: [String] = []
        var used = 0
        for grapheme in text[..<cursorIndex].reversed() {
            let cleaned = Sanitizer.clean(String(grapheme))
            let w = TextWidth.columns(of: cleaned)
            if used + w > room { break }
            shownParts.append(cleaned)
            used += w
        }
        let shown = shownParts.reversed().joined()
        let after = Sanitizer.cleanPrefix(String(text[cursorIndex...]), columns: width)
        buffer.fill(row: row, col: col, width: width, role: role)
        buffer.put(row: row, col: col, shown + after, role: role, maxWidth: width)
        return col + TextWidth.columns(of: shown)
    }
}
