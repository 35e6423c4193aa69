import LoyalTerminal

/// Moving in a list: the same keys on every list screen.
enum ListMove: Hashable, Sendable { case down, up, pageDown, pageUp, halfDown, halfUp, first, last }

enum ListKeys {
    /// The table every list shares, worded for what it lists ("account", "customer").
    static func actions(_ noun: String) -> [ActionSpec<ListMove>] {
        [
            ActionSpec(.down, [.down, .char("j")], "down", "Move to the next \(noun)"),
            ActionSpec(.up, [.up, .char("k")], "up", "Move to the previous \(noun)"),
            ActionSpec(.pageDown, [.pageDown, .ctrl("f"), .char(" ")], "page down", "One screen down"),
            ActionSpec(.pageUp, [.pageUp, .ctrl("b")], "page up", "One screen up"),
            ActionSpec(.halfDown, [.ctrl("d")], "half down", "Half a screen down"),
            ActionSpec(.halfUp, [.ctrl("u")], "half up", "Half a screen up"),
            ActionSpec(.first, [.home, .char("g")], "first", "Jump to the first \(noun)"),
            ActionSpec(.last, [.end, .char("G")], "last", "Jump to the last \(noun) (reads only the last page)"),
        ]
    }

    static let table = actions("row")

    static func move(for key: Key) -> ListMove? { table.action(for: key) }
}

/// A screen built around one `PagedList`: `/` search, `n`/`N` and the moving keys come
/// from here, so they are the same on every list.
protocol ListScreen: LoyalScreen {
    associatedtype Source: PageSource
    var list: PagedList<Source> { get set }
}

extension ListScreen {
    var isSearchable: Bool { true }
    mutating func beginSearch() { list.beginSearch() }
    mutating func restoreSearchOrigin() { list.restoreSearchOrigin() }
    mutating func endSearch(keep: Bool) { list.endSearch(keep: keep) }
    mutating func search(_ pattern: String, forward: Bool, includeCurrent: Bool, env: Environment) throws -> SearchOutcome {
        try list.search(pattern, forward: forward, includeCurrent: includeCurrent)
    }
}
