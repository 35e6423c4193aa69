import LoyalCore
import LoyalStore
import LoyalTerminal

/// The one place the UI keeps state. Rendering is a function of it; key handling
/// changes it.
public struct AppState {
    public var tabs: [Tab]
    public var activeTab: Int
    var overlay: Overlay?
    var search: SearchPrompt?
    /// The last confirmed search, for `n` and `N`.
    var lastSearch: String?
    /// A one-line message in the status bar until the next key.
    var message: StatusMessage?
    var quitRequested = false
    /// How to take back the last triage action or merge (`u`).
    var lastUndo: UndoStep?
    /// A record marked to be merged with the next one `m` is pressed on.
    var mergeMark: MergeSubject?
    /// The terminal's size, for the layout step and to map mouse clicks.
    var size = (width: 80, height: 24)
    /// Changes made elsewhere and the day's refresh (LiveUpdates).
    var live = LiveStatus()

    public struct Tab {
        public var title: String
        var stack: [any LoyalScreen]
        /// Builds the tab's first screen when the tab is first visited.
        var root: (Environment) throws -> any LoyalScreen
    }

    var screen: any LoyalScreen {
        get { tabs[activeTab].stack[tabs[activeTab].stack.count - 1] }
        set { tabs[activeTab].stack[tabs[activeTab].stack.count - 1] = newValue }
    }
}

struct StatusMessage: Hashable {
    enum Kind { case info, warning, error }
    var text: String
    var kind: Kind
}

/// A typed `/` search in progress.
struct SearchPrompt {
    var field = TextField()
    /// False when the last keystroke found nothing.
    var found = true
}

extension AppState {
    /// Changes every screen of type `S` wherever it is in the stacks (for background results).
    mutating func update<S: LoyalScreen>(_ type: S.Type, _ change: (inout S) -> Void) {
        for t in tabs.indices {
            for i in tabs[t].stack.indices {
                guard var screen = tabs[t].stack[i] as? S else { continue }
                change(&screen)
                tabs[t].stack[i] = screen
            }
        }
    }
}

/// Something drawn over the screen that takes the keys first.
indirect enum Overlay {
    case help(HelpOverlay)
    case picker(Picker)
    case confirm(Confirmation)
}

/// A yes/no question, e.g. before discarding a changed form.
struct Confirmation {
    var question: String
    var onYes: ScreenEffect
}
