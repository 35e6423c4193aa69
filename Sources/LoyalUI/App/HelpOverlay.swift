import LoyalCore
import LoyalTerminal

/// The `?` screen: every binding of the current screen, then the global ones.
struct HelpOverlay {
    var tables: [KeyHelp]
    var top = 0

    var lines: [(keys: String, help: String, isTitle: Bool)] {
        var out: [(String, String, Bool)] = []
        for t in tables {
            if !out.isEmpty { out.append(("", "", false)) }
            out.append((t.title, "", true))
            for e in t.entries { out.append((e.keys, e.help, false)) }
        }
        return out
    }

    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .down, .char("j"): top = min(max(0, lines.count - 5), top + 1)
        case .up, .char("k"): top = max(0, top - 1)
        case .pageDown, .char(" "): top = min(max(0, lines.count - 5), top + 10)
        case .pageUp: top = max(0, top - 10)
        case .escape, .char("q"), .char("?"), .function(1), .enter: return false
        default: break
        }
        return true
    }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let all = lines
        let keyWidth = min(24, (all.filter { !$0.isTitle }.map { TextWidth.columns(of: $0.keys) }.max() ?? 8) + 2)
        // As wide as the longest sentence needs, where the terminal has room for it.
        let helpWidth = all.filter { !$0.isTitle }.map { TextWidth.columns(of: $0.help) }.max() ?? 40
        let box = area.centered(width: min(area.width - 2, max(76, keyWidth + helpWidth + 4)),
                                height: min(area.height - 2, all.count + 3))
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
