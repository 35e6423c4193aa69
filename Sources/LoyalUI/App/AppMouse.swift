import LoyalStore
import LoyalTerminal

/// Mouse: the wheel scrolls, a click selects (a second click opens), a click on a
/// column title sorts by it, a click on a tab switches to it.
extension App {
    func handleMouse(_ m: MouseEvent, width: Int, height: Int) {
        guard state.overlay == nil, state.search == nil else { return }
        switch m.kind {
        case .wheelUp: for _ in 0..<3 { handle(.up, terminal: nil) }
        case .wheelDown: for _ in 0..<3 { handle(.down, terminal: nil) }
        case .leftClick: click(row: m.row, col: m.col)
        default: break
        }
    }

    private func click(row: Int, col: Int) {
        let area = Self.layout(width: state.size.width, height: state.size.height).area
        var screen = state.screen
        do {
            let effect = try screen.click(row: row, col: col, area: area, env: env)
            state.screen = screen
            if let effect { apply(effect) }
        } catch {
            state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
        }
    }
}

extension PagedList {
    /// A click on screen line `line` of the list (0 = its first row): selects that row;
    /// true when it was selected already (a second click opens it).
    mutating func click(line: Int) -> Bool {
        let index = top + line
        guard line >= 0, line < visibleRows, rows.indices.contains(index) else { return false }
        if index == cursor { return true }
        cursor = index
        return false
    }
}
