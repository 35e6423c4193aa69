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
        var shown = Sanitizer.clean(String(text.prefix(cursor)))
        let after = Sanitizer.clean(String(text.dropFirst(cursor)))
        while !shown.isEmpty && TextWidth.columns(of: shown) > max(0, width - 1) { shown.removeFirst() }
        buffer.fill(row: row, col: col, width: width, role: role)
        buffer.put(row: row, col: col, shown + after, role: role, maxWidth: width)
        return col + TextWidth.columns(of: shown)
    }
}
