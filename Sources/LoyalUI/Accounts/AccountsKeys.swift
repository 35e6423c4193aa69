import LoyalCore
import LoyalTerminal

enum AccountsAction: Hashable, Sendable {
    case open, add, classA, classB, classC, allClasses, rep, sort, sortNext, sortPrevious, invert, merge, undo
}

extension AccountsScreen {
    static let actions: [ActionSpec<AccountsAction>] = [
        ActionSpec(.open, [.enter, .right, .char("l")], "open", "Open the account's detail", status: true),
        ActionSpec(.add, [.char("+")], Text.tr("customer_form.key_new"), Text.tr("customer_form.key_new_help"), status: true),
        ActionSpec(.classA, [.char("a")], "A", "Show only class A accounts", status: true),
        ActionSpec(.classB, [.char("b")], "B", "Show only class B accounts", status: true),
        ActionSpec(.classC, [.char("c")], "C", "Show only class C accounts", status: true),
        ActionSpec(.allClasses, [.char("*"), .char("0")], "all", "Show accounts of every class", status: true),
        ActionSpec(.rep, [.char("r")], "rep", "Show only the accounts of one rep (or all)", status: true),
        ActionSpec(.sort, [.char("s")], "sort", "Choose the column to sort by", status: true),
        ActionSpec(.sortNext, [.char(">")], "next sort", "Sort by the next column to the right"),
        ActionSpec(.sortPrevious, [.char("<")], "previous sort", "Sort by the next column to the left"),
        ActionSpec(.invert, [.char("I")], "invert", "Reverse the sort order"),
        ActionSpec(.merge, [.char("m")], "merge", MergeKeys.customerHelp),
        ActionSpec(.undo, [.char("u")], "undo", MergeKeys.undoHelp),
    ]

    static let keyHelp = KeyHelp(title: "Accounts", entries: KeyHelp(title: "", ListKeys.actions("account")).entries
                                                             + KeyHelp(title: "", actions).entries)
}
