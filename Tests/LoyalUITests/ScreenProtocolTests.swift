import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// A screen type the app has never heard of, defined here: it is registered as a tab and
/// driven through the real app (keys, help, push and pop, search, quitting) without a
/// `switch` anywhere knowing it.
private struct TallyScreen: LoyalScreen {
    var count = 0
    var depth = 1
    var title: String { "Tally \(depth)" }

    static let actions: [ActionSpec<Int>] = [
        ActionSpec(1, [.char("+")], "add", "Add one", status: true),
        ActionSpec(2, [.enter], "deeper", "Open another tally on top", status: true),
    ]
    var keyHelp: KeyHelp { KeyHelp(title: "Tally", Self.actions) }

    mutating func handle(_ key: Key, env: Environment) throws -> ScreenEffect? {
        switch Self.actions.action(for: key) as Int? {
        case 1: count += 1; return .stay
        case 2: return .push(TallyScreen(count: 0, depth: depth + 1))
        default: return nil
        }
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, context: RenderContext) -> CursorPosition? {
        buffer.put(row: area.row, col: area.col + 1, "\(title): \(count)", role: .title)
        return nil
    }
}

final class ScreenProtocolTests: UITestCase {
    private func launchTally() throws {
        try openImported([])
        let env = Environment(store: store, settings: Settings(), today: Self.today, actor: "tester", synchronous: true)
        app = try App(environment: env, tabs: [("Tally", { _ in TallyScreen() })] + App.standardTabs.dropFirst())
        term = MemoryTerminal(width: 100, height: 30)
        app.drain(term)
    }

    func testANewScreenTypeRunsInTheAppWithoutAnySwitchKnowingIt() throws {
        try launchTally()
        XCTAssertTrue(term.row(0).contains(" Tally "), term.row(0))
        XCTAssertTrue(titleRow.hasPrefix(" Tally 1: 0"), titleRow)
        press(.char("+"), .char("+"), .char("+"))
        XCTAssertTrue(titleRow.hasPrefix(" Tally 1: 3"), titleRow)
        XCTAssertTrue(statusRow.hasPrefix(" + add  Enter deeper"), statusRow)
        // Its own stack: push, breadcrumbs, and Esc back to the state it left.
        press(.enter, .char("+"))
        XCTAssertTrue(titleRow.hasPrefix(" Tally 2: 1"), titleRow)
        XCTAssertTrue(term.row(0).contains("› Tally 2"), term.row(0))
        press(.escape)
        XCTAssertTrue(titleRow.hasPrefix(" Tally 1: 3"), titleRow)
        // Help lists its table; `/` says there is nothing to search; other tabs still work.
        press(.char("?"))
        assertScreenContains("Add one")
        press(.escape, .char("/"))
        XCTAssertTrue(statusRow.hasPrefix(" Nothing to search here"), statusRow)
        press(.char("3"))
        XCTAssertTrue(titleRow.hasPrefix(" Early warning"), titleRow)
        press(.char("1"))
        XCTAssertTrue(titleRow.hasPrefix(" Tally 1: 3"), titleRow)
        press(.char("q"))
        XCTAssertTrue(app.isFinished)
    }

    /// Drawing reads the state and never writes it: the layout step runs after each key.
    func testDrawingAFrameLeavesTheStateAlone() throws {
        try openDemo(customers: 300)
        try launch(width: 100, height: 30)
        press(.char("G"))
        let before = try XCTUnwrap(app.state.screen as? AccountsScreen).list
        _ = app.frame(width: 100, height: 60)
        _ = app.frame(width: 100, height: 24)
        let after = try XCTUnwrap(app.state.screen as? AccountsScreen).list
        XCTAssertEqual([after.top, after.cursor, after.visibleRows], [before.top, before.cursor, before.visibleRows])
        XCTAssertEqual(before.visibleRows, 30 - 5, "the rows between title, header, totals and status bar")
    }

    /// The layout step alone: the cursor kept in view, scrolling as little as possible.
    func testTheLayoutStepScrollsJustEnoughToShowTheCursor() throws {
        var list = try PagedList(ArraySource(rows: Array(1...50).map(Int64.init), identify: { $0 }, text: { "\($0)" }))
        list.arrange(height: 10)
        XCTAssertEqual([list.top, list.visibleRows], [0, 10])
        try list.move(by: 12)
        list.arrange(height: 10)
        XCTAssertEqual(list.top, 3, "row 12 is the last of ten shown")
        try list.move(by: -5)
        list.arrange(height: 10)
        XCTAssertEqual(list.top, 3, "row 7 is in view: no scrolling")
        try list.perform(.last)
        list.arrange(height: 10)
        XCTAssertEqual([list.cursor, list.top], [49, 40])
    }
}
