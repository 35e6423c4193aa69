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
        guard case .accounts(var s) = state.screen else { return }
        // Rows: 0 tab bar, 1 title, 2 column header, 3… the list, then the totals line and the status bar.
        do {
            if row == 2 {
                let layout = AccountsView.layout(width: state.lastWidth)
                if let column = layout.column(at: col), AccountsScreen.sortColumns.indices.contains(column) {
                    try s.setSort(AccountsScreen.sortColumns[column], env)
                }
            } else if row >= 3, row < 3 + s.visibleRows {
                let index = s.window.top + row - 3
                if index < s.window.rows.count {
                    if index == s.window.cursor {
                        state.screen = .accounts(s)
                        apply(s.openSelected(env))
                        return
                    }
                    s.window.cursor = index
                }
            }
        } catch {
            state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
        }
        state.screen = .accounts(s)
    }
}
