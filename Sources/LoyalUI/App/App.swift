import LoyalCore
import LoyalStore
import LoyalTerminal

/// The event loop: reads keys, lets the screen (or overlay, or search prompt)
/// handle them, applies what background work finished, and draws a frame.
public final class App {
    public internal(set) var state: AppState
    let env: Environment
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(environment: Environment) throws {
        env = environment
        let accounts = try AccountsScreen(environment: environment)
        // The other tabs are built when first visited, so the first frame only waits
        // for the accounts list.
        state = AppState(tabs: [
            AppState.Tab(title: "Accounts", stack: [.accounts(accounts)]),
            AppState.Tab(title: "Calendar", stack: []),
            AppState.Tab(title: "Early warning", stack: []),
            AppState.Tab(title: "Win-back", stack: []),
            AppState.Tab(title: "Team", stack: []),
        ], activeTab: 0)
        accounts.countTotals(environment)
        offerDrafts()
    }

    public var isFinished: Bool { state.quitRequested }

    /// A message in the status bar of the next frame.
    public func showMessage(_ text: String, warning: Bool = false) {
        state.message = StatusMessage(text: text, kind: warning ? .warning : .info)
    }

    /// Runs until the user quits. Waits for keys without spinning; while
    /// background work is pending it wakes up often enough to show the result.
    public func run(on terminal: Terminal) {
        terminal.present(frame(width: terminal.width, height: terminal.height))
        while !state.quitRequested {
            let timeout = env.background.isBusy ? 40 : -1
            if let event = terminal.nextEvent(timeoutMilliseconds: timeout) { handle(event, terminal: terminal) }
            applyFinishedWork()
            terminal.present(frame(width: terminal.width, height: terminal.height))
        }
    }

    /// Handles every queued event and finished background work, then draws once
    /// (for tests and the benchmark, with a MemoryTerminal).
    public func drain(_ terminal: Terminal) {
        while let event = terminal.nextEvent(timeoutMilliseconds: 0) {
            handle(event, terminal: terminal)
            applyFinishedWork()
            if state.quitRequested { break }
        }
        applyFinishedWork()
        terminal.present(frame(width: terminal.width, height: terminal.height))
    }

    func applyFinishedWork() {
        for apply in env.background.takeFinished() { apply(&state) }
    }

    public func handle(_ event: InputEvent, terminal: Terminal? = nil) {
        switch event {
        case .key(let key): handle(key, terminal: terminal)
        case .resize: break
        case .mouse(let m): handleMouse(m, width: terminal?.width ?? 80, height: terminal?.height ?? 24)
        }
    }

    func handle(_ key: Key, terminal: Terminal?) {
        state.message = nil
        if handleOverlay(key) { return }
        if state.search != nil { handleSearchKey(key); return }
        var screen = state.screen
        let effect: ScreenEffect?
        do {
            effect = try ScreenDispatch.handle(&screen, key, env: env)
        } catch {
            state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
            return
        }
        state.screen = screen
        if let effect {
            apply(effect)
        } else if !(screen.capturesText && key.isPrintable) {
            // In a form a stray letter must never quit or search.
            handleGlobal(key, terminal: terminal)
        }
    }

    private func handleOverlay(_ key: Key) -> Bool {
        guard let overlay = state.overlay else { return false }
        // Ctrl-C quits from help and pickers as from anywhere; on a question it means no.
        if key == .ctrl("c") {
            state.overlay = nil
            if case .confirm = overlay { return true }
            requestQuit()
            return true
        }
        switch overlay {
        case .help(var help):
            state.overlay = help.handle(key) ? .help(help) : nil
        case .picker(var picker):
            switch picker.handle(key) {
            case .stay: state.overlay = .picker(picker)
            case .cancelled: state.overlay = nil
            case .chosen(let index):
                state.overlay = nil
                var screen = state.screen
                let effect = picker.apply(&screen, index, env)
                state.screen = screen
                apply(effect)
            }
        case .confirm(let c):
            switch key {
            case .char("y"), .char("Y"), .char("j"), .char("J"):
                state.overlay = nil
                apply(c.onYes)
            case .char("n"), .char("N"), .escape, .char("q"):
                state.overlay = nil
            default: break
            }
        }
        return true
    }

    private func handleGlobal(_ key: Key, terminal: Terminal?) {
        guard let action: GlobalAction = GlobalKeys.actions.action(for: key) else { return }
        switch action {
        case .help:
            state.overlay = .help(HelpOverlay(tables: [state.screen.keyHelp, GlobalKeys.keyHelp]))
        case .search:
            state.search = SearchPrompt()
            ScreenDispatch.beginSearch(&state.screen)
        case .searchNext, .searchPrevious:
            guard let pattern = state.lastSearch else {
                state.message = StatusMessage(text: "No search yet: press / to search", kind: .info)
                return
            }
            runSearch(pattern, forward: action == .searchNext, includeCurrent: false)
        case .back:
            if state.tabs[state.activeTab].stack.count > 1 { apply(state.screen.backEffect) } else {
                state.message = StatusMessage(text: "Press q to quit", kind: .info)
            }
        case .quit: requestQuit()
        case .tab1, .tab2, .tab3, .tab4, .tab5:
            let index = [GlobalAction.tab1, .tab2, .tab3, .tab4, .tab5].firstIndex(of: action)!
            if index < state.tabs.count {
                if state.tabs[index].stack.isEmpty {
                    do {
                        state.tabs[index].stack = [try rootScreen(of: index)]
                    } catch {
                        state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
                        return
                    }
                    state.activeTab = index
                } else {
                    state.activeTab = index
                    // What was done on another tab (a visit, a triage action) shows at once.
                    reloadScreen()
                }
            }
        case .repaint: terminal?.repaintAll()
        case .logVisit:
            // One report at a time: F2 in the form must not stack a second one on it.
            if case .visit = state.screen { return }
            apply(.push(.visit(VisitForm(customer: currentCustomer(), env: env))))
        }
    }

    func apply(_ effect: ScreenEffect) {
        switch effect {
        case .stay: break
        case .push(let screen): state.tabs[state.activeTab].stack.append(screen)
        case .pop, .popAndReload:
            guard state.tabs[state.activeTab].stack.count > 1 else { return }
            state.tabs[state.activeTab].stack.removeLast()
            if case .popAndReload = effect { reloadScreen() }
        case .message(let text, let kind): state.message = StatusMessage(text: text, kind: kind)
        case .overlay(let overlay): state.overlay = overlay
        case .confirm(let question, let onYes): state.overlay = .confirm(Confirmation(question: question, onYes: onYes))
        case .quit: requestQuit()
        case .quitDiscarding: state.quitRequested = true
        case .undoable(let undo):
            state.lastUndo = .triage(undo)
            state.message = StatusMessage(text: "Done: \(undo.description) — u undoes", kind: .info)
            reloadScreen()
        case .undoLast:
            guard let undo = state.lastUndo else {
                state.message = StatusMessage(text: "Nothing to undo", kind: .info)
                return
            }
            do {
                try undo.run(env)
                state.lastUndo = nil
                state.message = StatusMessage(text: "Undone: \(undo.description)", kind: .info)
                reloadScreen()
            } catch {
                state.message = StatusMessage(text: "Cannot undo: \(StoreError.message(for: error))", kind: .error)
            }
        case .reloadTop:
            reloadScreen()
        case .runTriage(let action):
            apply(TriageActions.run(action, env: env))
        case .discardDraft(let kind, let subject):
            try? env.store.deleteDraft(kind: kind, subject: subject)
            apply(.pop)
        case .mergeSelected: startMerge()
        case .markForMerge(let subject): mark(subject)
        case .merged(let outcome): finishMerge(outcome)
        case .both(let a, let b): apply(a); apply(b)
        }
    }
}

extension App {
    /// The screen a tab starts with.
    func rootScreen(of tab: Int) throws -> Screen {
        switch tab {
        case 1: return .calendar(try CalendarScreen(env: env))
        case 2: return .earlyWarning(try EarlyWarningScreen(env: env))
        case 3: return .lost(try LostScreen(env: env))
        case 4: return .team(TeamScreen(env: env))
        default: return .accounts(try AccountsScreen(environment: env))
        }
    }

    /// Reloads the screen on top after a change made elsewhere.
    func reloadScreen() {
        var screen = state.screen
        do { try ScreenDispatch.reload(&screen, env: env) } catch {
            state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
        }
        state.screen = screen
    }

    /// The customer the user is looking at, for forms opened from anywhere.
    func currentCustomer() -> CustomerSummary? {
        for screen in state.tabs[state.activeTab].stack.reversed() {
            switch screen {
            case .detail(let d):
                let c = d.detail.customer
                return CustomerSummary(id: d.customerID, number: c.number, name: c.name, city: c.city)
            case .contacts(let c): return try? env.store.customerSummary(id: c.customerID)
            case .accounts(let a):
                return a.window.selected.map { CustomerSummary(id: $0.id, number: $0.number, name: $0.name, city: $0.city) }
            case .earlyWarning(let e):
                return e.selected.flatMap { try? env.store.customerSummary(id: $0.id) }
            case .riskCase(let r): return r.summary
            case .lost(let l): return l.selected.flatMap { try? env.store.customerSummary(id: $0.id) }
            case .calendar(let c): return c.selected.flatMap { try? env.store.customerSummary(id: $0.entry.customerID) }
            default: continue
            }
        }
        return nil
    }

    /// Quitting never throws a changed form away unasked.
    func requestQuit() {
        if let title = state.tabs.flatMap(\.stack).compactMap(\.unsavedForm).first {
            state.overlay = .confirm(Confirmation(question: "Quit and throw away the changes to \(title)? n goes back to it",
                                                  onYes: .quitDiscarding))
            return
        }
        state.quitRequested = true
    }

    /// Offers to resume a form left unsaved by a crash, a kill or a lost connection.
    func offerDrafts() {
        guard let draft = (try? env.store.drafts(kind: "visit"))?.first else { return }
        let values = VisitFormValues.decoded(draft.payload)
        let who = values?.customerLabel.isEmpty == false ? " for \(values!.customerLabel)" : ""
        let when = draft.updatedAt.replacing("T", with: " ").replacing("Z", with: " UTC")
        state.overlay = .confirm(Confirmation(
            question: "Resume the unsaved visit report\(who) (last typed \(when))? n keeps it for later",
            onYes: .push(.visit(VisitForm(draft: draft, env: env)))))
    }
}

extension AppState {
    /// Updates the accounts list wherever it is in the stacks (for background results).
    mutating func updateAccounts(_ change: (inout AccountsScreen) -> Void) {
        for t in tabs.indices {
            for s in tabs[t].stack.indices {
                if case .accounts(var a) = tabs[t].stack[s] {
                    change(&a)
                    tabs[t].stack[s] = .accounts(a)
                }
            }
        }
    }
}
