import LoyalCore
import LoyalTerminal

enum AccountsAction: Hashable, Sendable {
    case open, add, classA, classB, classC, allClasses, rep, sort, sortNext, sortPrevious, invert, merge, undo
}

extension AccountsScreen {
    static var actions: [ActionSpec<AccountsAction>] { [
        ActionSpec(.open, [.enter, .right, .char("l")], Text.tr("keys.open"), Text.tr("accounts.open_help"), status: true),
        ActionSpec(.add, [.char("+")], Text.tr("customer_form.key_new"), Text.tr("customer_form.key_new_help"), status: true),
        ActionSpec(.classA, [.char("a")], "A", Text.tr("accounts.class_a_help"), status: true),
        ActionSpec(.classB, [.char("b")], "B", Text.tr("accounts.class_b_help"), status: true),
        ActionSpec(.classC, [.char("c")], "C", Text.tr("accounts.class_c_help"), status: true),
        ActionSpec(.allClasses, [.char("*"), .char("0")], Text.tr("keys.all"), Text.tr("accounts.all_help"), status: true),
        ActionSpec(.rep, [.char("r")], Text.tr("keys.rep"), Text.tr("accounts.rep_help"), status: true),
        ActionSpec(.sort, [.char("s")], Text.tr("keys.sort"), Text.tr("accounts.sort_help"), status: true),
        ActionSpec(.sortNext, [.char(">")], Text.tr("keys.next_sort"), Text.tr("accounts.next_sort_help")),
        ActionSpec(.sortPrevious, [.char("<")], Text.tr("keys.previous_sort"), Text.tr("accounts.previous_sort_help")),
        ActionSpec(.invert, [.char("I")], Text.tr("keys.invert"), Text.tr("accounts.invert_help")),
        ActionSpec(.merge, [.char("m")], Text.tr("keys.merge"), MergeKeys.customerHelp),
        ActionSpec(.undo, [.char("u")], Text.tr("keys.undo"), MergeKeys.undoHelp),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("tab.accounts"), entries: KeyHelp(title: "", ListKeys.actions("account")).entries
                                                             + KeyHelp(title: "", actions).entries) }
}
