import LoyalTerminal

/// One action of a screen: the keys that run it, a short label for the status
/// bar and a sentence for the help screen. Each screen has one table of these;
/// key dispatch, `?` help, status hints and the README's key table all read it,
/// so they cannot drift apart.
public struct ActionSpec<Action: Hashable & Sendable>: Sendable {
    public let action: Action
    public let keys: [Key]
    public let label: String
    public let help: String
    public let inStatusBar: Bool

    public init(_ action: Action, _ keys: [Key], _ label: String, _ help: String, status: Bool = false) {
        self.action = action; self.keys = keys; self.label = label; self.help = help; self.inStatusBar = status
    }

    public var keyNames: String { keys.map(\.shownName).joined(separator: " ") }
}

/// A table of actions, as text for help screens and documentation.
public struct KeyHelp: Sendable, Hashable {
    public let title: String
    public let entries: [Entry]

    public struct Entry: Sendable, Hashable {
        public let keys: String
        public let label: String
        public let help: String
        public let inStatusBar: Bool
    }

    public init(title: String, entries: [Entry]) {
        self.title = title
        self.entries = entries
    }

    public init<A>(title: String, _ table: [ActionSpec<A>]) {
        self.title = title
        entries = table.map { Entry(keys: $0.keyNames, label: $0.label, help: $0.help, inStatusBar: $0.inStatusBar) }
    }

    /// The status bar's hints: `key label` pairs.
    public var statusHints: [(key: String, label: String)] { statusHints(whileTyping: false) }

    /// The hints for a screen that types printable keys into a field: each action is
    /// shown with its first key that is not printable, and left out if it has none.
    public func statusHints(whileTyping: Bool) -> [(key: String, label: String)] {
        entries.filter(\.inStatusBar).compactMap { entry in
            let names = entry.keys.split(separator: " ").map(String.init)
            let space = Key.char(" ").shownName
            let printable = { (name: String) in name.count == 1 || name == space }
            guard let key = whileTyping ? names.first(where: { !printable($0) }) : names.first else { return nil }
            return (key, entry.label)
        }
    }
}

extension Array {
    /// The action bound to `key` in a table, if any.
    func action<A>(for key: Key) -> A? where Element == ActionSpec<A> {
        first { $0.keys.contains(key) }?.action
    }
}
