import LoyalCore
import LoyalTerminal

/// The `?` screen: every binding of the current screen, then the global ones. Sentences
/// longer than the box wraps under their key (German ones are longer): never cut.
struct HelpOverlay {
    var tables: [KeyHelp]
    var top = 0
    /// The width of the terminal it was opened on, which scrolling measures the lines by.
    var terminalWidth = 80

    init(tables: [KeyHelp], terminalWidth: Int = 80) {
        self.tables = tables
        self.terminalWidth = terminalWidth
    }

    /// The lines with the help wrapped to `helpWidth` columns.
    func lines(helpWidth: Int) -> [(keys: String, help: String, isTitle: Bool)] {
        var out: [(String, String, Bool)] = []
        for t in tables {
            if !out.isEmpty { out.append(("", "", false)) }
            out.append((t.title, "", true))
            for e in t.entries {
                let parts = Wrap.lines(e.help, width: max(10, helpWidth))
                out.append((e.keys, parts.first ?? "", false))
                for part in parts.dropFirst() { out.append(("", part, false)) }
            }
        }
        return out
    }

    /// Key column, box and help width for a screen area.
    func geometry(_ area: Rect) -> (keyWidth: Int, box: Rect, helpWidth: Int) {
        let entries = tables.flatMap(\.entries)
        let keyWidth = min(24, (entries.map { TextWidth.columns(of: $0.keys) }.max() ?? 8) + 2)
        // As wide as the longest sentence needs, where the terminal has room for it.
        let longest = entries.map { TextWidth.columns(of: $0.help) }.max() ?? 40
        let width = min(area.width - 2, max(76, keyWidth + longest + 4))
        let helpWidth = width - 2 - keyWidth - 2
        let count = lines(helpWidth: helpWidth).count
        return (keyWidth, area.centered(width: width, height: min(area.height - 2, count + 3)), helpWidth)
    }

    mutating func handle(_ key: Key) -> Bool {
        let area = Rect(row: 0, col: 0, width: terminalWidth, height: 24)
        let count = lines(helpWidth: geometry(area).helpWidth).count
        switch key {
        case .down, .char("j"): top = min(max(0, count - 5), top + 1)
        case .up, .char("k"): top = max(0, top - 1)
        case .pageDown, .char(" "): top = min(max(0, count - 5), top + 10)
        case .pageUp: top = max(0, top - 10)
        case .escape, .char("q"), .char("?"), .function(1), .enter: return false
        default: break
        }
        return true
    }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let (keyWidth, box, helpWidth) = geometry(area)
        let all = lines(helpWidth: helpWidth)
        Box.draw(into: &buffer, box, title: Text.tr("app.help_title"))
        let inner = box.inset(1)
        for i in 0..<inner.height {
            let index = top + i
            guard index < all.count else { break }
            let line = all[index]
            if line.isTitle {
                buffer.put(row: inner.row + i, col: inner.col + 1, line.keys, role: .header, maxWidth: inner.width - 2)
            } else {
                buffer.put(row: inner.row + i, col: inner.col + 1, line.keys, role: .helpKey, maxWidth: keyWidth)
                buffer.put(row: inner.row + i, col: inner.col + 1 + keyWidth, line.help, role: .popup,
                           maxWidth: inner.width - keyWidth - 2)
            }
        }
    }
}
