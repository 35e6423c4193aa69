import LoyalCore
import LoyalStore
import LoyalTerminal

/// The `/` prompt: every keystroke searches again from where the search began;
/// Enter keeps the match, Esc returns to where the search began.
extension App {
    func handleSearchKey(_ key: Key) {
        guard var prompt = state.search else { return }
        switch key {
        case .enter:
            state.search = nil
            let text = prompt.field.text
            if !text.isEmpty { state.lastSearch = text }
            state.screen.endSearch(keep: true)
            if !prompt.found { state.message = StatusMessage(text: Text.tr("app.not_found", text), kind: .warning) }
        case .escape, .ctrl("c"), .ctrl("g"):
            state.search = nil
            state.screen.endSearch(keep: false)
        default:
            guard prompt.field.handle(key) else { return }
            state.screen.restoreSearchOrigin()
            state.search = prompt
            let outcome = runSearch(prompt.field.text, forward: true, includeCurrent: true, quiet: true)
            prompt.found = outcome != .notFound
            state.search = prompt
        }
    }

    @discardableResult
    func runSearch(_ pattern: String, forward: Bool, includeCurrent: Bool, quiet: Bool = false) -> SearchOutcome {
        var screen = state.screen
        let outcome: SearchOutcome
        do {
            outcome = try screen.search(pattern, forward: forward, includeCurrent: includeCurrent, env: env)
        } catch {
            state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
            return .notFound
        }
        state.screen = screen
        if !quiet {
            switch outcome {
            case .found: break
            case .wrapped:
                state.message = StatusMessage(text: forward ? Text.tr("app.wrapped_top")
                                                            : Text.tr("app.wrapped_end"), kind: .info)
            case .notFound: state.message = StatusMessage(text: Text.tr("app.not_found", pattern), kind: .warning)
            }
        }
        return outcome
    }
}
