import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

extension NcursesTerminal {
    public func present(_ buffer: ScreenBuffer) {
        guard isLive else { return }
        let window = loyal_stdscr()
        let full = needsFullRepaint || previous == nil
        if full { werase(window) }
        for (row, cols) in ScreenDiff.columnsToWrite(from: full ? nil : previous, to: buffer) where row < height {
            for col in cols where col < width {
                if let cell = buffer.cell(atRow: row, col: col) { draw(cell, row: row, col: col) }
            }
        }
        placeCursor(buffer.cursor)
        wrefresh(window)
        previous = buffer
        needsFullRepaint = false
    }

    public func repaintAll() {
        guard isLive else { return }
        clearok(loyal_curscr(), true)
        needsFullRepaint = true
        if let previous {
            present(previous)
        } else {
            wrefresh(loyal_stdscr())
        }
    }

    private func placeCursor(_ cursor: CursorPosition?) {
        let window = loyal_stdscr()
        if let cursor, cursor.row >= 0, cursor.row < height, cursor.col >= 0, cursor.col < width {
            wmove(window, Int32(cursor.row), Int32(cursor.col))
            setCursorVisibility(1)
        } else {
            setCursorVisibility(0)
        }
    }

    private func setCursorVisibility(_ visibility: Int32) {
        guard TerminalRestorer.cursorVisibility.exchange(visibility, ordering: .relaxed) != visibility else { return }
        curs_set(visibility)
    }

    /// Writes one cell (a wide character covers the next column too). The
    /// buffer measured widths with our own tables, ncurses measures with the
    /// C library's wcwidth; where they disagree we write something both agree
    /// on, because a disagreement would shift the rest of the row.
    private func draw(_ cell: Cell, row: Int, col: Int) {
        let cells = cell.isWide ? 2 : 1
        guard col + cells <= width else { return }
        let style = cursesStyle(for: cell.role)
        var characters = spacingAndMarks(of: cell.text)
        let libcWidth = characters.first.map { Int(loyal_wcwidth($0)) } ?? -1
        var padWithSpace = false
        if libcWidth != cells {
            if cells == 2, libcWidth == 1, let pair = regionalIndicatorPair(cell.text) {
                // A flag: ncurses counts each letter as one column. Written as
                // two cells, a terminal that joins them shows the flag in the
                // same two columns; one that does not shows two letters.
                put([pair.0], style: style, row: row, col: col)
                put([pair.1], style: style, row: row, col: col + 1)
                return
            }
            if cells == 2, libcWidth == 1 {
                // Emoji by variation selector (❤️): draw the text form plus a space.
                characters = Array(characters.prefix(1))
                padWithSpace = true
            } else {
                characters = [wchar_t(UInt8(ascii: "?"))]
                padWithSpace = cells == 2
            }
        }
        put(characters, style: style, row: row, col: col)
        if padWithSpace { put([wchar_t(UInt8(ascii: " "))], style: style, row: row, col: col + 1) }
    }

    private func put(_ characters: [wchar_t], style: (attributes: attr_t, pair: Int32), row: Int, col: Int) {
        var cchar = cchar_t()
        var pair = style.pair
        let terminated = characters + [0]
        terminated.withUnsafeBufferPointer { chars in
            _ = setcchar(&cchar, chars.baseAddress, style.attributes, 0, &pair)
        }
        // At the bottom-right corner ncurses reports ERR (the cursor cannot
        // advance) but has drawn the character, so the result is not checked.
        _ = mvwadd_wch(loyal_stdscr(), Int32(row), Int32(col), &cchar)
    }

    private func regionalIndicatorPair(_ text: String) -> (wchar_t, wchar_t)? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) else { return nil }
        return (wchar_t(bitPattern: scalars[0].value), wchar_t(bitPattern: scalars[1].value))
    }

    /// The grapheme as ncurses wants it in a cchar_t: one spacing character
    /// followed by at most four zero-width ones. Zero-width-joiner sequences
    /// (👨‍👩‍👧) keep only their first emoji, which has the same width: ncurses
    /// cannot put several spacing characters in one cell.
    private func spacingAndMarks(of text: String) -> [wchar_t] {
        var result: [wchar_t] = []
        for scalar in text.unicodeScalars {
            if scalar.value == 0x200D { break }
            let c = wchar_t(bitPattern: scalar.value)
            if result.isEmpty {
                result.append(c)
            } else if loyal_wcwidth(c) == 0, result.count < Int(CCHARW_MAX) {
                result.append(c)
            } else {
                break
            }
        }
        return result.isEmpty ? [wchar_t(UInt8(ascii: " "))] : result
    }

    /// Attributes and colour pair for a role, worked out on first use.
    func cursesStyle(for role: StyleRole) -> (attributes: attr_t, pair: Int32) {
        if let cached = styles[role] { return cached }
        let resolved = theme.style(for: role, mode: colorMode)
        var attributes = loyal_a_normal()
        let map: [(TextAttributes, attr_t)] = [
            (.bold, loyal_a_bold()), (.dim, loyal_a_dim()), (.underline, loyal_a_underline()),
            (.reverse, loyal_a_reverse()), (.italic, loyal_a_italic()),
        ]
        for (attribute, bits) in map where resolved.attributes.contains(attribute) { attributes |= bits }
        var pair: Int32 = 0
        if colorMode != .none {
            let fg = CursesColor.number(resolved.fg, mode: colorMode, foreground: true,
                                        defaultColorsAvailable: defaultColorsAvailable)
            let bg = CursesColor.number(resolved.bg, mode: colorMode, foreground: false,
                                        defaultColorsAvailable: defaultColorsAvailable)
            let allocation = pairs.pair(fg: fg, bg: bg)
            pair = allocation.number
            if allocation.isNew, init_extended_pair(pair, fg, bg) == ERR { pair = 0 }
        }
        styles[role] = (attributes, pair)
        return (attributes, pair)
    }
}
