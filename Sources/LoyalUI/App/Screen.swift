import LoyalCore
import LoyalStore
import LoyalTerminal

/// One screen of Loyal. A screen's state is a value; the app keeps a stack of them per
/// tab (list → detail → form) and knows them only through this protocol, so a new
/// screen is one new type and, if it starts a tab, one line in the tab list.
///
/// Frames are drawn in two steps: `arrange` (a pure layout step that fits scroll
/// positions to the area, run by the app after each key and before each frame) and
/// `render`, which only reads the state.
protocol LoyalScreen {
    var title: String { get }
    var keyHelp: KeyHelp { get }
    /// nil when the screen has no use for the key (global keys get it then).
    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect?
    /// Reads what changed elsewhere, keeping the cursor on the same record where it can.
    mutating func reload(_ env: Environment) throws
    /// Fits scroll position and page size to the area the screen gets.
    mutating func arrange(_ area: Rect, env: Environment)
    /// Draws the state; returns where the text cursor goes (forms), if anywhere.
    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition?
    /// What Esc does: the same as the screen's own back key, so the screen below
    /// reloads what was changed here.
    var backEffect: ScreenEffect { get }
    /// Forms own every printable key, so `q`, `/` and `?` are theirs there.
    var capturesText: Bool { get }
    /// The title of a form whose typed changes quitting would throw away.
    var unsavedForm: String? { get }
    /// A picker opened by this screen was answered.
    mutating func choose(_ choice: PickerChoice, env: Environment) throws -> ScreenEffect
    /// The customer the user is looking at here, for forms opened from anywhere.
    func currentCustomer(_ env: Environment) -> CustomerSummary?
    /// Puts the cursor on customer `id` (a new one the screen above created), reloading.
    mutating func focus(on id: Int64, _ env: Environment) throws
    /// Why that customer may not be changed by this user ("read only: belongs to rep X"), if so.
    func readOnlyReason(_ env: Environment) -> String?
    /// The keys that change that customer: not offered, and answered with the reason, when it is read-only.
    var editKeys: Set<Key> { get }
    /// The record `m` merges on this screen.
    var mergeSubject: MergeSubject? { get }
    /// After customer `removed` was merged into `kept`: this screen as it should be now, or nil to drop it.
    func afterMerge(removed: Int64, kept: Int64, env: Environment) -> (any LoyalScreen)?

    /// A left click at a terminal cell inside `area` (the screen's area); nil when it does nothing.
    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect?

    // `/` search; screens without it answer `.notFound`.
    var isSearchable: Bool { get }
    mutating func beginSearch()
    mutating func restoreSearchOrigin()
    mutating func endSearch(keep: Bool)
    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool, env: Environment) throws -> SearchOutcome
}

/// What rendering may read besides the screen's own state.
struct RenderContext {
    var env: Environment
    /// The search being typed, or the last one (matches are highlighted).
    var search: String?
}

extension LoyalScreen {
    var backEffect: ScreenEffect { .pop }
    var capturesText: Bool { false }
    var unsavedForm: String? { nil }
    mutating func reload(_ env: Environment) throws {}
    mutating func arrange(_ area: Rect, env: Environment) {}
    mutating func choose(_ choice: PickerChoice, env: Environment) throws -> ScreenEffect {
        if case .effect(let effect) = choice { return effect }
        return .stay
    }
    func currentCustomer(_ env: Environment) -> CustomerSummary? { nil }
    mutating func focus(on id: Int64, _ env: Environment) throws { try reload(env) }
    func readOnlyReason(_ env: Environment) -> String? { nil }
    var editKeys: Set<Key> { [] }
    var mergeSubject: MergeSubject? { nil }
    func afterMerge(removed: Int64, kept: Int64, env: Environment) -> (any LoyalScreen)? { self }
    mutating func click(row: Int, col: Int, area: Rect, env: Environment) throws -> ScreenEffect? { nil }
    var isSearchable: Bool { false }
    mutating func beginSearch() {}
    mutating func restoreSearchOrigin() {}
    mutating func endSearch(keep: Bool) {}
    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool, env: Environment) throws -> SearchOutcome {
        .notFound
    }
}

enum SearchOutcome { case found, wrapped, notFound }

/// What handling a key asks the app to do besides changing the screen's own state.
indirect enum ScreenEffect {
    /// Handled; nothing else to do.
    case stay
    case push(any LoyalScreen)
    case pop
    /// Pop, then let the screen below reload what the popped one changed.
    case popAndReload
    /// Pop, then put the screen below on customer `customerID` (one just created).
    case popAndFocus(customerID: Int64)
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
    /// Open the merge dialog for two records.
    case openMerge(keep: Int64, other: Int64, kind: MergeKind)
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
