import LoyalCore
import LoyalStore
import LoyalTerminal

/// The flow around the merge dialog: `m` with a record marked opens the dialog at once,
/// else the finder's candidates come up in a picker; after the merge the screens that
/// showed the removed record show the kept one, and `u` can take it back.
extension App {
    func startMerge() {
        guard let subject = state.screen.mergeSubject else {
            state.message = StatusMessage(text: "Nothing selected to merge", kind: .warning)
            return
        }
        if let mark = state.mergeMark, mark.kind == subject.kind {
            state.mergeMark = nil
            if mark.id == subject.id {
                state.message = StatusMessage(text: "\(mark.label) is no longer marked for a merge", kind: .info)
            } else {
                apply(MergeScreen.open(keep: mark.id, other: subject.id, kind: subject.kind, env: env))
            }
            return
        }
        // Reading every record to compare takes a moment on a big database: off the keystroke path.
        state.message = StatusMessage(text: "Looking for likely duplicates of \(subject.name)…", kind: .info)
        let store = env.store
        env.background.run({ () -> Result<[DuplicatePair], any Error> in
            Result {
                subject.kind == .customer ? try store.duplicateCandidates(customer: subject.id)
                    : try store.duplicateCandidates(contact: subject.id)
            }
        }) { state, result in
            // Only while the user is still on that record with nothing else open.
            guard state.overlay == nil, state.screen.mergeSubject == subject else { return }
            switch result {
            case .success(let pairs):
                state.message = nil
                state.overlay = .picker(DuplicatePicker.make(for: subject, pairs))
            case .failure(let error):
                state.message = StatusMessage(text: "Cannot look for duplicates: \(StoreError.message(for: error))", kind: .error)
            }
        }
    }

    func mark(_ subject: MergeSubject) {
        state.mergeMark = subject
        let other = subject.kind == .customer ? "account" : "person"
        state.message = StatusMessage(
            text: "\(subject.label) marked: go to the other \(other) and press m to merge it into \(subject.label) (m here unmarks)",
            kind: .info)
    }

    func finishMerge(_ outcome: MergeOutcome) {
        let kept = outcome.preview.keep, removed = outcome.preview.other
        // Customers go by number; people by name (their CUSTOMER/ID label means little to a user).
        let (keptName, removedName) = outcome.preview.kind == .customer ? (kept.label, removed.label) : (kept.name, removed.name)
        state.mergeMark = nil
        if state.screen is MergeScreen, state.tabs[state.activeTab].stack.count > 1 {
            state.tabs[state.activeTab].stack.removeLast()
        }
        if outcome.preview.kind == .customer {
            let env = self.env
            for t in state.tabs.indices {
                state.tabs[t].stack = state.tabs[t].stack.enumerated().compactMap { index, screen in
                    index == 0 ? screen : screen.afterMerge(removed: removed.id, kept: kept.id, env: env)
                }
            }
            state.update(AccountsScreen.self) { accounts in
                do { try accounts.focus(on: kept.id, env) } catch { try? accounts.reload(env) }
            }
        }
        if !(state.screen is AccountsScreen) { reloadScreen() }
        if var c = state.screen as? ContactsScreen {
            c.select(contact: kept.id)
            state.screen = c
        }
        state.lastUndo = .merge(id: outcome.summary.undoID, description: "the merge of \(removedName) into \(keptName)")
        let moved = MergeWords.moved(outcome.summary.moved)
        state.message = StatusMessage(text: "Merged \(removedName) into \(keptName) (u undoes; later loyal merge --undo): "
                                          + (moved.isEmpty ? "nothing else moved" : "moved \(moved)"), kind: .info)
    }
}
