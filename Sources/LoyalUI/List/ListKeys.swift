import LoyalCore
import LoyalTerminal

/// Moving in a list: the same keys on every list screen.
enum ListMove: Hashable, Sendable { case down, up, pageDown, pageUp, halfDown, halfUp, first, last }

enum ListKeys {
    /// The table every list shares, worded for what it lists ("account", "customer").
    static func actions(_ noun: String) -> [ActionSpec<ListMove>] {
        [
            ActionSpec(.down, [.down, .char("j")], Text.tr("keys.down"), Text.tr("list.next_\(noun)")),
            ActionSpec(.up, [.up, .char("k")], Text.tr("keys.up"), Text.tr("list.previous_\(noun)")),
            ActionSpec(.pageDown, [.pageDown, .ctrl("f"), .char(" ")], Text.tr("keys.page_down"), Text.tr("list.page_down_help")),
            ActionSpec(.pageUp, [.pageUp, .ctrl("b")], Text.tr("keys.page_up"), Text.tr("list.page_up_help")),
            ActionSpec(.halfDown, [.ctrl("d")], Text.tr("keys.half_down"), Text.tr("list.half_down_help")),
            ActionSpec(.halfUp, [.ctrl("u")], Text.tr("keys.half_up"), Text.tr("list.half_up_help")),
            ActionSpec(.first, [.home, .char("g")], Text.tr("keys.first"), Text.tr("list.first_\(noun)")),
            ActionSpec(.last, [.end, .char("G")], Text.tr("keys.last"), Text.tr("list.last_\(noun)")),
        ]
    }

    static var table: [ActionSpec<ListMove>] { actions("row") }

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
