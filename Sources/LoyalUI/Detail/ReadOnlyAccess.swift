import LoyalCore
import LoyalStore
import LoyalTerminal

/// A rep with `reps_see = "all"` sees the other reps' customers but may not change them
/// (the store refuses). The interface does not offer what would be refused: a screen names
/// its `editKeys` and, for what is selected, a `readOnlyReason`; the app then leaves those
/// keys out of the key line and help, and answers them with the reason in the status line
/// instead of the store's error after the work is done.
enum ReadOnlyAccess {
    /// Why the user may not change a customer of rep `repID` (shown as `repLabel`); nil when they may.
    static func reason(repID: Int64?, repLabel: String?, scope: AccessScope) -> String? {
        guard scope.guardsWrites else { return nil }
        if let own = scope.repID, repID == own { return nil }
        return Text.tr("access.read_only", repLabel ?? Text.tr("access.no_rep"))
    }

    /// The same for a customer known by its rep's code (list rows).
    static func reason(repCode: String?, env: Environment) -> String? {
        let scope = env.store.scope
        guard scope.guardsWrites else { return nil }
        let reps = (try? env.store.reps()) ?? []
        return reason(repID: repCode.flatMap { code in reps.first { $0.code == code }?.id }, repLabel: repCode, scope: scope)
    }

    /// The keys of some actions of a table.
    static func keys<A>(_ table: [ActionSpec<A>], _ actions: Set<A>) -> Set<Key> {
        Set(table.filter { actions.contains($0.action) }.flatMap(\.keys))
    }
}

extension KeyHelp {
    /// The table without the entries all of whose keys are in `keys`.
    func leavingOut(_ keys: Set<Key>) -> KeyHelp {
        guard !keys.isEmpty else { return self }
        let names = Set(keys.map(\.shownName))
        return KeyHelp(title: title, entries: entries.filter { !$0.keys.split(separator: " ").allSatisfy { names.contains(String($0)) } })
    }
}

extension App {
    /// A screen's keys as offered to this user on what is selected.
    func offeredKeys(_ screen: any LoyalScreen) -> KeyHelp {
        let edits = screen.editKeys
        guard !edits.isEmpty, screen.readOnlyReason(env) != nil else { return screen.keyHelp }
        return screen.keyHelp.leavingOut(edits)
    }
}

extension GlobalKeys {
    /// The keys of every screen but those that change the customer on screen.
    static let readOnlyKeyHelp = KeyHelp(title: keyHelp.title, actions.filter { $0.action != .logVisit } + terminalKeys)

    static func keyHelp(readOnly: Bool) -> KeyHelp { readOnly ? readOnlyKeyHelp : keyHelp }
}

// MARK: The screens that change customers

extension AccountDetailScreen {
    static func readOnlyReason(_ detail: AccountDetail, env: Environment) -> String? {
        ReadOnlyAccess.reason(repID: detail.customer.repID, repLabel: detail.repCode ?? detail.repName, scope: env.store.scope)
    }

    func readOnlyReason(_ env: Environment) -> String? { readOnly }
    var editKeys: Set<Key> { ReadOnlyAccess.keys(Self.actions, [.editSoftFacts, .editCustomer, .contacts, .merge, .undo]) }
}

extension AccountsScreen {
    /// The selected account, when it is another rep's (for `v`).
    func readOnlyReason(_ env: Environment) -> String? { ReadOnlyAccess.reason(repCode: list.selected?.repCode, env: env) }
}

extension EarlyWarningScreen {
    func readOnlyReason(_ env: Environment) -> String? {
        list.selected.flatMap { ReadOnlyAccess.reason(repCode: $0.repCode, env: env) }
    }
    var editKeys: Set<Key> { ReadOnlyAccess.keys(Self.actions, [.assign, .schedule, .playbook, .snooze, .dismiss, .lost]) }
}

extension RiskCaseScreen {
    func readOnlyReason(_ env: Environment) -> String? {
        guard env.store.scope.guardsWrites, let customer = try? env.store.customer(id: customerID) else { return nil }
        let code = customer.repID.flatMap { id in (try? env.store.reps())?.first { $0.id == id }?.code }
        return ReadOnlyAccess.reason(repID: customer.repID, repLabel: code, scope: env.store.scope)
    }
    var editKeys: Set<Key> {
        ReadOnlyAccess.keys(Self.ownActions, [.snoozeOne, .dismissOne])
            .union(ReadOnlyAccess.keys(Self.sharedActions, [.assign, .schedule, .playbook, .lost]))
    }
}

extension LostScreen {
    func readOnlyReason(_ env: Environment) -> String? {
        list.selected.flatMap { ReadOnlyAccess.reason(repCode: $0.repCode, env: env) }
    }
    var editKeys: Set<Key> { ReadOnlyAccess.keys(Self.actions, [.winback, .returned]) }
}

extension CalendarScreen {
    func readOnlyReason(_ env: Environment) -> String? {
        selected.flatMap { ReadOnlyAccess.reason(repCode: $0.repCode, env: env) }
    }
    var editKeys: Set<Key> { ReadOnlyAccess.keys(Self.actions, [.done, .skip, .move]) }
}
