import LoyalCore
import LoyalStore

/// A rep with `reps_see = "all"` sees the other reps' customers but may not change them
/// (the store refuses). The interface does not offer what would be refused: edit keys
/// leave the key line and help, and pressing one says why in the status line instead of
/// showing the store's error after the work is done.
enum ReadOnlyAccess {
    /// Why the user may not change a customer of rep `repID` (shown as `repLabel`); nil when they may.
    static func reason(repID: Int64?, repLabel: String?, scope: AccessScope) -> String? {
        guard scope.guardsWrites else { return nil }
        if let own = scope.repID, repID == own { return nil }
        return Text.tr("access.read_only", repLabel ?? Text.tr("access.no_rep"))
    }
}

extension AccountDetailScreen {
    /// The detail's keys that change the customer.
    static let editActions: Set<DetailAction> = [.editSoftFacts, .contacts, .merge, .undo]

    static let readOnlyKeyHelp = KeyHelp(title: keyHelp.title, actions.filter { !editActions.contains($0.action) })

    static func readOnlyReason(_ detail: AccountDetail, env: Environment) -> String? {
        ReadOnlyAccess.reason(repID: detail.customer.repID, repLabel: detail.repName ?? detail.repCode, scope: env.store.scope)
    }

    func readOnlyReason(_ env: Environment) -> String? { readOnly }
}

extension AccountsScreen {
    /// The selected account, when it is another rep's (for `v`).
    func readOnlyReason(_ env: Environment) -> String? {
        let scope = env.store.scope
        guard scope.guardsWrites, let row = list.selected else { return nil }
        let own = scope.repID.flatMap { id in (try? env.store.reps())?.first { $0.id == id }?.code }
        if let own, row.repCode == own { return nil }
        return Text.tr("access.read_only", row.repCode.map { repName[$0] ?? $0 } ?? Text.tr("access.no_rep"))
    }
}

extension GlobalKeys {
    /// The keys of every screen but those that change the customer on screen.
    static let readOnlyKeyHelp = KeyHelp(title: keyHelp.title, actions.filter { $0.action != .logVisit } + terminalKeys)

    static func keyHelp(readOnly: Bool) -> KeyHelp { readOnly ? readOnlyKeyHelp : keyHelp }
}
