import LoyalCore
import LoyalStore
import LoyalTerminal

/// Every screen Loyal has. A screen's state is a value; the app keeps a stack of
/// them per tab (list → detail → form).
enum Screen {
    case accounts(AccountsScreen)
    case detail(AccountDetailScreen)
    case contacts(ContactsScreen)
    case form(FormScreen)
    case visit(VisitForm)
    case earlyWarning(EarlyWarningScreen)
    case riskCase(RiskCaseScreen)
    case lost(LostScreen)
    case calendar(CalendarScreen)
    case merge(MergeScreen)
    case team(TeamScreen)

    var title: String {
        switch self {
        case .accounts: return "Accounts"
        case .detail(let d): return d.title
        case .contacts(let c): return "Contacts of \(c.customerName)"
        case .form(let f): return f.title
        case .visit(let v): return v.title
        case .earlyWarning: return "Early warning"
        case .riskCase(let r): return r.title
        case .lost: return "Win-back"
        case .calendar: return "Calendar"
        case .merge(let m): return m.title
        case .team: return "Team"
        }
    }

    var keyHelp: KeyHelp {
        switch self {
        case .accounts: return AccountsScreen.keyHelp
        case .detail: return AccountDetailScreen.keyHelp
        case .contacts: return ContactsScreen.keyHelp
        case .form: return FormScreen.keyHelp
        case .visit: return VisitForm.keyHelp
        case .earlyWarning: return EarlyWarningScreen.keyHelp
        case .riskCase: return RiskCaseScreen.keyHelp
        case .lost: return LostScreen.keyHelp
        case .calendar: return CalendarScreen.keyHelp
        case .merge: return MergeScreen.keyHelp
        case .team: return TeamScreen.keyHelp
        }
    }

    /// What Esc does: the same as the screen's own back key, so the screen below
    /// reloads what was changed here.
    var backEffect: ScreenEffect {
        switch self {
        case .detail(let d): return d.changed ? .popAndReload : .pop
        case .contacts: return .popAndReload
        case .riskCase: return .popAndReload
        case .accounts, .form, .visit, .earlyWarning, .lost, .calendar, .merge, .team: return .pop
        }
    }

    /// The title of a form whose typed changes quitting would throw away. The visit
    /// form has none: its draft is in the database and offered at the next start.
    var unsavedForm: String? {
        if case .form(let f) = self, f.isChanged { return f.title }
        return nil
    }

    /// Forms own every printable key, so `q`, `/` and `?` are theirs there.
    var capturesText: Bool {
        switch self {
        case .form, .visit: return true
        default: return false
        }
    }
}

/// What handling a key asks the app to do besides changing the screen's own state.
indirect enum ScreenEffect {
    /// Handled; nothing else to do.
    case stay
    case push(Screen)
    case pop
    /// Pop, then let the screen below reload what the popped one changed.
    case popAndReload
    case message(String, StatusMessage.Kind)
    case overlay(Overlay)
    case confirm(String, ScreenEffect)
    /// Quit; asks first when a form holds unsaved changes.
    case quit
    /// Quit after the user agreed to throw unsaved changes away.
    case quitDiscarding
    /// A triage action was done: remember how to undo it, and say so.
    case undoable(TriageUndo)
    /// Take back the remembered triage action or merge.
    case undoLast
    /// Merge the record the screen is on (`m`): with the marked one, or one the finder proposes.
    case mergeSelected
    /// Remember a record to merge with the next one `m` is pressed on.
    case markForMerge(MergeSubject)
    /// A merge was done: fix the screens that showed the removed record, say what moved.
    case merged(MergeOutcome)
    /// Reload the screen on top (after an action changed its data).
    case reloadTop
    /// Run a triage action (after a confirmation).
    case runTriage(TriageAction)
    /// Deletes a form's draft and leaves the form.
    case discardDraft(kind: String, subject: String)
    case both(ScreenEffect, ScreenEffect)
}
