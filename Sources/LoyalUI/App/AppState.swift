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
    /// Width of the last frame, to map mouse clicks onto columns.
    var lastWidth = 80

    public struct Tab {
        public var title: String
        var stack: [Screen]
    }

    var screen: Screen {
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
