import LoyalCore
import LoyalTerminal

/// Draws a frame: tab bar, the screen on top of the active tab, overlays and the status bar.
extension App {
    public func frame(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: max(1, width), height: max(1, height))
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            drawTooSmall(&buffer, width: width, height: height)
            return buffer
        }
        let (tabBar, area, statusBar) = Self.layout(width: width, height: height)
        drawTabBar(&buffer, tabBar)
        // Drawing never changes the state: the layout is worked out on a copy (the app
        // keeps the same layout in its state after each key, see `arrangeScreen`).
        var screen = state.screen
        screen.arrange(area, env: env)
        var cursor = screen.render(into: &buffer, area: area,
                                   context: RenderContext(env: env, search: state.search?.field.text ?? state.lastSearch))
        switch state.overlay {
        case .help(let h): h.render(into: &buffer, area: area); cursor = nil
        case .picker(let p): p.render(into: &buffer, area: area); cursor = nil
        case .confirm(let c):
            let width = min(area.width - 4, min(64, TextWidth.columns(of: c.question)) + 6)
            let lines = Wrap.lines(c.question, width: width - 4)
            let box = area.centered(width: width, height: lines.count + 4)
            Box.draw(into: &buffer, box, title: Text.tr("app.please_confirm"))
            for (i, line) in lines.enumerated() {
                buffer.put(row: box.row + 1 + i, col: box.col + 2, line, role: .popup, maxWidth: box.width - 4)
            }
            buffer.put(row: box.bottom - 2, col: box.col + 2, Text.tr("app.yes_no"), role: .helpKey, maxWidth: box.width - 4)
            cursor = nil
        case nil: break
        }
        if let c = drawStatusBar(&buffer, statusBar) { cursor = c }
        buffer.cursor = cursor
        return buffer
    }

    /// Tab bar, the screen's area, status bar.
    static func layout(width: Int, height: Int) -> (tabBar: Rect, area: Rect, statusBar: Rect) {
        let full = Rect(row: 0, col: 0, width: width, height: height)
        let (tabBar, rest) = full.top(1)
        let (area, statusBar) = rest.bottom(1)
        return (tabBar, area, statusBar)
    }

    /// The layout step: fits the top screen's scroll position to the terminal it is
    /// shown on (after every key, so the next key pages by what the user sees).
    func arrangeScreen() {
        let area = Self.layout(width: state.size.width, height: state.size.height).area
        guard area.width > 0, area.height > 0, !state.tabs[state.activeTab].stack.isEmpty else { return }
        state.screen.arrange(area, env: env)
    }

    private func drawTooSmall(_ buffer: inout ScreenBuffer, width: Int, height: Int) {
        let lines = [Text.tr("app.too_small", width, height), Text.tr("app.needs_size", Self.minimumWidth, Self.minimumHeight),
                     Text.tr("app.enlarge")]
        let top = max(0, height / 2 - 1)
        for (i, line) in lines.enumerated() where top + i < height {
            let w = TextWidth.columns(of: line)
            buffer.put(row: top + i, col: max(0, (width - w) / 2), line, role: i == 0 ? .warning : .normal)
        }
    }

    private func drawTabBar(_ buffer: inout ScreenBuffer, _ bar: Rect) {
        buffer.fill(row: bar.row, col: bar.col, width: bar.width, role: .tabInactive)
        let right = (state.live.refreshing ? Text.tr("live.refreshing_tab") + " · " : "")
            + Text.tr("app.as_of") + Format(display: env.display).day(env.today) + " "
        let crumbs = state.tabs[state.activeTab].stack.dropFirst().map(\.title)
        let trail = crumbs.isEmpty ? "" : "› " + crumbs.joined(separator: " › ")
        let tabs = state.tabs.reduce(0) { $0 + TextWidth.columns(of: $1.title) + 2 }
        // With five tabs the name gives way when the trail would not fit beside them:
        // where the user is matters more than the name of the program.
        let brand = " Loyal "
        let showBrand = trail.isEmpty
            || TextWidth.columns(of: brand) + tabs + TextWidth.columns(of: trail) + 3 <= bar.width - TextWidth.columns(of: right)
        var x = bar.col
        if showBrand { x += buffer.put(row: bar.row, col: x, brand, role: .title) }
        for (i, tab) in state.tabs.enumerated() {
            x += buffer.put(row: bar.row, col: x, " \(tab.title) ", role: i == state.activeTab ? .tabActive : .tabInactive)
        }
        if !crumbs.isEmpty {
            let room = bar.right - TextWidth.columns(of: right) - x - 2
            // Where the user is matters more than where he came from: cut from the left.
            let text = TextWidth.truncateLeading(trail, to: room)
            buffer.put(row: bar.row, col: x + 1, text, role: .tabInactive, maxWidth: room)
        }
        buffer.put(row: bar.row, col: bar.right - TextWidth.columns(of: right), right, role: .tabInactive)
    }

    private func drawStatusBar(_ buffer: inout ScreenBuffer, _ bar: Rect) -> CursorPosition? {
        buffer.fill(row: bar.row, col: bar.col, width: bar.width, role: .statusBar)
        if let prompt = state.search {
            buffer.put(row: bar.row, col: bar.col, "/", role: .statusKey)
            let width = bar.width - 20
            let x = prompt.field.draw(into: &buffer, row: bar.row, col: bar.col + 1, width: width, role: .statusBar)
            if !prompt.found {
                buffer.put(row: bar.row, col: bar.right - 12, Text.tr("app.not_found_short"), role: .error)
            }
            return CursorPosition(row: bar.row, col: x)
        }
        if let m = state.message {
            let role: StyleRole = m.kind == .error ? .error : m.kind == .warning ? .warning : .statusBar
            buffer.put(row: bar.row, col: bar.col + 1, m.text, role: role, maxWidth: bar.width - 2)
            return nil
        }
        var x = bar.col + 1
        // A marked record stays in sight while the user goes to the other one.
        let mark = state.mergeMark.flatMap { $0.kind == state.screen.mergeSubject?.kind ? $0 : nil }
        let marked = mark.map { [(key: "m", label: Text.tr("app.merge_into", $0.label))] } ?? []
        let hints = marked + offeredKeys(state.screen).statusHints
            + GlobalKeys.keyHelp(readOnly: state.screen.readOnlyReason(env) != nil).statusHints(whileTyping: state.screen.capturesText)
        for hint in hints {
            let needed = TextWidth.columns(of: hint.key) + TextWidth.columns(of: hint.label) + 3
            if x + needed > bar.right { break }
            x += buffer.put(row: bar.row, col: x, hint.key, role: .statusKey)
            x += buffer.put(row: bar.row, col: x, " " + hint.label + "  ", role: .statusBar)
        }
        return nil
    }
}
