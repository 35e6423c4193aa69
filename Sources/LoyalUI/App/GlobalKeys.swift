import LoyalCore
import LoyalTerminal

enum GlobalAction: Hashable, Sendable {
    case help, search, searchNext, searchPrevious, back, quit, tab1, tab2, tab3, tab4, tab5, repaint, logVisit
}

/// Keys that work on every screen (forms keep printable keys for typing).
enum GlobalKeys {
    static var actions: [ActionSpec<GlobalAction>] { [
        ActionSpec(.help, [.char("?"), .function(1)], Text.tr("keys.help"), Text.tr("keys.help_help"), status: true),
        ActionSpec(.search, [.char("/")], Text.tr("keys.search"), Text.tr("keys.search_help"), status: true),
        ActionSpec(.searchNext, [.char("n")], Text.tr("keys.next_match"), Text.tr("keys.next_match_help")),
        ActionSpec(.searchPrevious, [.char("N")], Text.tr("keys.previous_match"), Text.tr("keys.previous_match_help")),
        ActionSpec(.back, [.escape], Text.tr("keys.back"), Text.tr("keys.back_help")),
        ActionSpec(.logVisit, [.char("v"), .function(2)], Text.tr("keys.log_visit"),
                   Text.tr("keys.log_visit_help"), status: true),
        ActionSpec(.quit, [.char("q"), .ctrl("c")], Text.tr("keys.quit"), Text.tr("keys.quit_help"), status: true),
        ActionSpec(.tab1, [.char("1"), .alt("1")], Text.tr("keys.tab_accounts"), Text.tr("keys.tab_accounts_help")),
        ActionSpec(.tab2, [.char("2"), .alt("2")], Text.tr("keys.tab_calendar"), Text.tr("keys.tab_calendar_help")),
        ActionSpec(.tab3, [.char("3"), .alt("3")], Text.tr("keys.tab_early_warning"), Text.tr("keys.tab_early_warning_help")),
        ActionSpec(.tab4, [.char("4"), .alt("4")], Text.tr("keys.tab_winback"), Text.tr("keys.tab_winback_help")),
        ActionSpec(.tab5, [.char("5"), .alt("5")], Text.tr("keys.tab_team"), Text.tr("keys.tab_team_help")),
        ActionSpec(.repaint, [.ctrl("l")], Text.tr("keys.repaint"), Text.tr("keys.repaint_help")),
    ] }

    /// Handled by the terminal itself, listed so help and the README show them.
    static var terminalKeys: [ActionSpec<GlobalAction>] { [
        ActionSpec(.repaint, [.ctrl("z")], Text.tr("keys.suspend"), Text.tr("keys.suspend_help")),
    ] }

    static var keyHelp: KeyHelp { KeyHelp(title: Text.tr("keys.everywhere"), actions + terminalKeys) }

    /// Every key table, for `loyal keys` and the README.
    static var allTables: [KeyHelp] {
        [AccountsScreen.keyHelp, AccountDetailScreen.keyHelp, ContactsScreen.keyHelp, MergeScreen.keyHelp, FormScreen.keyHelp,
         VisitForm.keyHelp, CalendarScreen.keyHelp, EarlyWarningScreen.keyHelp, RiskCaseScreen.keyHelp, LostScreen.keyHelp,
         TeamScreen.keyHelp, AuditScreen.keyHelp, AuditEntryScreen.keyHelp, keyHelp]
    }

    /// The key tables as Markdown, one table per screen.
    static func markdown() -> String {
        allTables.map { table in
            "**\(table.title)**\n\n| \(Text.tr("keys.md_keys")) | \(Text.tr("keys.md_does")) |\n|---|---|\n"
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
