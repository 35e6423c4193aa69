import LoyalCore
import LoyalStore
import LoyalTerminal

/// The flow around the merge dialog: `m` with a record marked opens the dialog at once,
/// else the finder's candidates come up in a picker; after the merge the screens that
/// showed the removed record show the kept one, and `u` can take it back.
extension App {
    func startMerge() {
        guard let subject = state.screen.mergeSubject else {
            state.message = StatusMessage(text: Text.tr("merge.nothing_selected"), kind: .warning)
            return
        }
        if let mark = state.mergeMark, mark.kind == subject.kind {
            state.mergeMark = nil
            if mark.id == subject.id {
                state.message = StatusMessage(text: Text.tr("merge.unmarked", mark.label), kind: .info)
            } else {
                apply(MergeScreen.open(keep: mark.id, other: subject.id, kind: subject.kind, env: env))
            }
            return
        }
        // Reading every record to compare takes a moment on a big database: off the keystroke path.
        state.message = StatusMessage(text: Text.tr("merge.looking", subject.name), kind: .info)
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
                state.message = StatusMessage(text: Text.tr("merge.cannot_look", StoreError.message(for: error)), kind: .error)
            }
        }
    }

    func mark(_ subject: MergeSubject) {
        state.mergeMark = subject
        let other = Text.tr(subject.kind == .customer ? "merge.account" : "merge.person")
        state.message = StatusMessage(
            text: Text.tr("merge.marked", subject.label, other, subject.label),
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
        state.lastUndo = .merge(id: outcome.summary.undoID, description: Text.tr("merge.undo_description", removedName, keptName))
        let moved = MergeWords.moved(outcome.summary.moved)
        state.message = StatusMessage(text: Text.tr("merge.merged", removedName, keptName)
                                          + (moved.isEmpty ? Text.tr("merge.nothing_moved") : Text.tr("merge.moved", moved)), kind: .info)
    }
}
