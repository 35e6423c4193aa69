import LoyalCore
import LoyalStore
import LoyalTerminal

/// The event loop: reads keys, lets the screen (or overlay, or search prompt)
/// handle them, applies what background work finished, and draws a frame.
public final class App {
    public internal(set) var state: AppState
    let env: Environment
    /// Others' writes and the day, watched from the input loop.
    let live: LiveWatch
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// The tabs in order (the number keys go to them): a title and how to build the first screen.
    static var standardTabs: [(title: String, root: (Environment) throws -> any LoyalScreen)] { [
        (Text.tr("tab.accounts"), { env in
            let accounts = try AccountsScreen(environment: env)
            accounts.countTotals(env)
            return accounts
        }),
        (Text.tr("tab.calendar"), { try CalendarScreen(env: $0) }),
        (Text.tr("tab.early_warning"), { try EarlyWarningScreen(env: $0) }),
        (Text.tr("tab.winback"), { try LostScreen(env: $0) }),
        (Text.tr("tab.team"), { TeamScreen(env: $0) }),
    ] }

    public convenience init(environment: Environment) throws {
        try self.init(environment: environment, tabs: Self.standardTabs)
    }

    /// An app with its own tabs (a test registers a screen type here).
    init(environment: Environment, tabs: [(title: String, root: (Environment) throws -> any LoyalScreen)]) throws {
        env = environment
        live = LiveWatch(changes: try? environment.store.watchChanges(), clock: environment.clock)
        // Only the first tab is built now, so the first frame only waits for it.
        state = AppState(tabs: tabs.map { AppState.Tab(title: $0.title, stack: [], root: $0.root) }, activeTab: 0)
        state.tabs[0].stack = [try tabs[0].root(environment)]
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
        state.size = (terminal.width, terminal.height)
        arrangeScreen()
        terminal.present(frame(width: terminal.width, height: terminal.height))
        while !state.quitRequested {
            let busy = env.background.isBusy
            // Never waits for ever: others' writes and a new day show without a key press.
            let event = terminal.nextEvent(timeoutMilliseconds: busy ? 40 : LiveWatch.pollMilliseconds)
            if let event { handle(event, terminal: terminal) }
            applyFinishedWork()
            let changed = (live.isDue || state.live.refreshed) && tick()
            // An idle poll that found nothing draws nothing.
            if event != nil || busy || changed { terminal.present(frame(width: terminal.width, height: terminal.height)) }
        }
    }

    /// Handles every queued event and finished background work, then draws once
    /// (for tests and the benchmark, with a MemoryTerminal).
    public func drain(_ terminal: Terminal) {
        state.size = (terminal.width, terminal.height)
        arrangeScreen()
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
        arrangeScreen()
    }

    public func handle(_ event: InputEvent, terminal: Terminal? = nil) {
        if let terminal { state.size = (terminal.width, terminal.height) }
        switch event {
        case .key(let key): handle(key, terminal: terminal)
        case .resize: break
        case .mouse(let m): handleMouse(m, width: state.size.width, height: state.size.height)
        }
        arrangeScreen()
    }

    func handle(_ key: Key, terminal: Terminal?) {
        state.message = nil
        if handleOverlay(key) { return }
        if state.search != nil { handleSearchKey(key); return }
        var screen = state.screen
        if screen.editKeys.contains(key), let reason = screen.readOnlyReason(env) {
            state.message = StatusMessage(text: reason, kind: .warning)
            return
        }
        let effect: ScreenEffect?
        do {
            effect = try screen.handle(key, env: env)
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
            case .chosen(let choice):
                state.overlay = nil
                var screen = state.screen
                do {
                    let effect = try screen.choose(choice, env: env)
                    state.screen = screen
                    apply(effect)
                } catch {
                    state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
                }
            }
        case .confirm(let c):
            switch key {
            // `y` in English, `j` in German (the box says which); never both, so a German
            // `j` typed into English Loyal cannot say yes by accident.
            case .char(let typed) where typed.lowercased() == Text.tr("app.yes_key"):
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
            let readOnly = state.screen.readOnlyReason(env) != nil
            state.overlay = .help(HelpOverlay(tables: [offeredKeys(state.screen), GlobalKeys.keyHelp(readOnly: readOnly)],
                                              terminalWidth: state.size.width))
        case .search:
            guard state.screen.isSearchable else {
                state.message = StatusMessage(text: Text.tr("app.nothing_to_search"), kind: .info)
                return
            }
            state.search = SearchPrompt()
            state.screen.beginSearch()
        case .searchNext, .searchPrevious:
            guard let pattern = state.lastSearch else {
                state.message = StatusMessage(text: Text.tr("app.no_search_yet"), kind: .info)
                return
            }
            runSearch(pattern, forward: action == .searchNext, includeCurrent: false)
        case .back:
            if state.tabs[state.activeTab].stack.count > 1 { apply(state.screen.backEffect) } else {
                state.message = StatusMessage(text: Text.tr("app.press_q"), kind: .info)
            }
        case .quit: requestQuit()
        case .tab1, .tab2, .tab3, .tab4, .tab5:
            let index = [GlobalAction.tab1, .tab2, .tab3, .tab4, .tab5].firstIndex(of: action)!
            if index < state.tabs.count {
                if state.tabs[index].stack.isEmpty {
                    do {
                        state.tabs[index].stack = [try state.tabs[index].root(env)]
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
            if state.screen is VisitForm { return }
            if let reason = state.screen.readOnlyReason(env) {
                state.message = StatusMessage(text: reason, kind: .warning)
                return
            }
            apply(.push(VisitForm(customer: currentCustomer(), env: env)))
        }
    }

    func apply(_ effect: ScreenEffect) {
        switch effect {
        case .stay: break
        case .push(let screen): state.tabs[state.activeTab].stack.append(screen)
        case .pop, .popAndReload:
            guard state.tabs[state.activeTab].stack.count > 1 else { return }
            state.tabs[state.activeTab].stack.removeLast()
            if case .popAndReload = effect { reloadScreen() } else { reloadIfStale() }
        case .popAndFocus(let id):
            guard state.tabs[state.activeTab].stack.count > 1 else { return }
            state.tabs[state.activeTab].stack.removeLast()
            var screen = state.screen
            do { try screen.focus(on: id, env) } catch {
                state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
            }
            state.screen = screen
        case .message(let text, let kind): state.message = StatusMessage(text: text, kind: kind)
        case .overlay(let overlay): state.overlay = overlay
        case .confirm(let question, let onYes): state.overlay = .confirm(Confirmation(question: question, onYes: onYes))
        case .quit: requestQuit()
        case .quitDiscarding: state.quitRequested = true
        case .undoable(let undo):
            state.lastUndo = .triage(undo)
            state.message = StatusMessage(text: Text.tr("app.done_undo", undo.description), kind: .info)
            reloadScreen()
        case .undoLast:
            guard let undo = state.lastUndo else {
                state.message = StatusMessage(text: Text.tr("app.nothing_to_undo"), kind: .info)
                return
            }
            do {
                try undo.run(env)
                state.lastUndo = nil
                state.message = StatusMessage(text: Text.tr("app.undone", undo.description), kind: .info)
                reloadScreen()
            } catch {
                state.message = StatusMessage(text: Text.tr("app.cannot_undo", StoreError.message(for: error)), kind: .error)
            }
        case .reloadTop:
            reloadScreen()
        case .runTriage(let action):
            apply(TriageActions.run(action, env: env))
        case .discardDraft(let kind, let subject):
            try? env.store.deleteDraft(kind: kind, subject: subject)
            apply(.pop)
        case .mergeSelected: startMerge()
        case .openMerge(let keep, let other, let kind): apply(MergeScreen.open(keep: keep, other: other, kind: kind, env: env))
        case .markForMerge(let subject): mark(subject)
        case .merged(let outcome): finishMerge(outcome)
        case .both(let a, let b): apply(a); apply(b)
        }
    }
}

extension App {
    /// Reloads the screen on top after a change made elsewhere.
    func reloadScreen() {
        var screen = state.screen
        do { try screen.reload(env) } catch {
            state.message = StatusMessage(text: "\(StoreError.message(for: error))", kind: .error)
        }
        state.screen = screen
    }

    /// The customer the user is looking at, for forms opened from anywhere.
    func currentCustomer() -> CustomerSummary? {
        for screen in state.tabs[state.activeTab].stack.reversed() {
            if let customer = screen.currentCustomer(env) { return customer }
        }
        return nil
    }
    /// Quitting never throws a changed form away unasked.
    func requestQuit() {
        if let title = state.tabs.flatMap(\.stack).compactMap(\.unsavedForm).first {
            state.overlay = .confirm(Confirmation(question: Text.tr("app.quit_discarding", title),
                                                  onYes: .quitDiscarding))
            return
        }
        state.quitRequested = true
    }

    /// Offers to resume a form left unsaved by a crash, a kill or a lost connection.
    func offerDrafts() {
        guard let draft = (try? env.store.drafts(kind: "visit"))?.first else { return }
        let values = VisitFormValues.decoded(draft.payload)
        let who = values?.customerLabel.isEmpty == false ? Text.tr("app.draft_for", values!.customerLabel) : ""
        let when = draft.updatedAt.replacing("T", with: " ").replacing("Z", with: " UTC")
        state.overlay = .confirm(Confirmation(
            question: Text.tr("app.resume_draft", who, when),
            onYes: .push(VisitForm(draft: draft, env: env))))
    }
}

