import LoyalTerminal

enum GlobalAction: Hashable, Sendable {
    case help, search, searchNext, searchPrevious, back, quit, tab1, tab2, tab3, tab4, tab5, repaint, logVisit
}

/// Keys that work on every screen (forms keep printable keys for typing).
enum GlobalKeys {
    static let actions: [ActionSpec<GlobalAction>] = [
        ActionSpec(.help, [.char("?"), .function(1)], "help", "Show every key of this screen", status: true),
        ActionSpec(.search, [.char("/")], "search", "Search as you type; Enter keeps the match, Esc goes back", status: true),
        ActionSpec(.searchNext, [.char("n")], "next match", "Jump to the next match of the last search"),
        ActionSpec(.searchPrevious, [.char("N")], "previous match", "Jump to the previous match"),
        ActionSpec(.back, [.escape], "back", "Back to the previous screen, closes pop-ups; never loses data"),
        ActionSpec(.logVisit, [.char("v"), .function(2)], "log visit",
                   "Record visit feedback (for the selected or open account, if any)", status: true),
        ActionSpec(.quit, [.char("q"), .ctrl("c")], "quit", "Quit Loyal; asks first when a form holds unsaved changes", status: true),
        ActionSpec(.tab1, [.char("1"), .alt("1")], "accounts", "Go to the Accounts tab"),
        ActionSpec(.tab2, [.char("2"), .alt("2")], "calendar", "Go to the Calendar tab"),
        ActionSpec(.tab3, [.char("3"), .alt("3")], "early warning", "Go to the Early warning tab"),
        ActionSpec(.tab4, [.char("4"), .alt("4")], "win-back", "Go to the Win-back tab (lost customers)"),
        ActionSpec(.tab5, [.char("5"), .alt("5")], "team", "Go to the Team tab (the manager's overview per rep)"),
        ActionSpec(.repaint, [.ctrl("l")], "repaint", "Redraw the whole screen"),
    ]

    /// Handled by the terminal itself, listed so help and the README show them.
    static let terminalKeys: [ActionSpec<GlobalAction>] = [
        ActionSpec(.repaint, [.ctrl("z")], "suspend", "Suspend Loyal (fg brings it back)"),
    ]

    static let keyHelp = KeyHelp(title: "Everywhere", actions + terminalKeys)

    /// Every key table, for `loyal keys` and the README.
    static var allTables: [KeyHelp] {
        [AccountsScreen.keyHelp, AccountDetailScreen.keyHelp, ContactsScreen.keyHelp, MergeScreen.keyHelp, FormScreen.keyHelp,
         VisitForm.keyHelp, CalendarScreen.keyHelp, EarlyWarningScreen.keyHelp, RiskCaseScreen.keyHelp, LostScreen.keyHelp,
         TeamScreen.keyHelp, AuditScreen.keyHelp, AuditEntryScreen.keyHelp, keyHelp]
    }

    /// The key tables as Markdown, one table per screen.
    static func markdown() -> String {
        allTables.map { table in
            "**\(table.title)**\n\n| keys | does |\n|---|---|\n"
                + table.entries.map { "| \($0.keys.split(separator: " ").map { "`\($0)`" }.joined(separator: " ")) | \($0.help) |" }
                    .joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }
}

public enum KeyBindings {
    /// The README's key table, generated from the screens' action tables.
    public static func markdown() -> String { GlobalKeys.markdown() }
}

extension Key {
    /// A key that types a character (forms keep these).
    var isPrintable: Bool {
        if case .char = self { return true }
        return false
    }
}
