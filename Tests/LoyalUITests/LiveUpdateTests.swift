import Foundation
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Live updates (issue 18 point 3): another session's write shows at the next tick of the
/// input loop, with the cursor where it was, and never under a form's typed input. A new
/// day refreshes the figures in the background (issue 17).
final class LiveUpdateTests: UITestCase {
    static let customers = "number,name,rep,city\nK1,Adler GmbH,AB,Berlin\nK2,Birke KG,AB,Bonn\nK3,Clemens AG,CD,Celle\n"
    static let purchases = "customer,date,amount\nK1,2026-03-10,6000\nK2,2026-06-01,1500\nK3,2026-05-05,2000\n"

    /// A second session on the same file (its own connections), as another Loyal would be.
    private func otherSession() throws -> Store {
        let other = try Store(path: store.path)
        addTeardownBlock { try? other.close() }
        return other
    }

    private func importInto(_ other: Store, _ entity: ImportEntity, _ text: String) throws {
        var options = ImportOptions(today: Self.today)
        options.createCustomers = true
        _ = try other.importCSV(entity, bytes: Array(text.utf8), fileName: "\(entity).csv", options: options)
        try other.refreshStatistics(asOf: Self.today, thresholds: ClassThresholds())
    }

    func testAnotherSessionsNewCustomerShowsAtTheNextTickWithTheCursorKept() throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        try launch()
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K3", "K2"], "by revenue: 6000, 2000, 1500")
        press(.char("j"))
        XCTAssertEqual(selectedRowText.map(number(of:)), "K3")
        XCTAssertFalse(app.tick(), "nothing was written: nothing to redraw")

        // K4 sells more than anyone: it comes first, and K3 moves down a row.
        try importInto(try otherSession(), .customers, "number,name,rep,city\nK4,Dachs OHG,CD,Dessau\n")
        try importInto(try otherSession(), .purchases, "customer,date,amount\nK4,2026-10-01,9000\n")
        app.drain(term)
        assertScreenLacks("Dachs OHG")
        XCTAssertTrue(app.tick())
        app.drain(term)
        XCTAssertEqual(listRows.map(number(of:)), ["K4", "K1", "K3", "K2"])
        XCTAssertEqual(selectedRowText.map(number(of:)), "K3", "the cursor stays on the record it was on")
        XCTAssertFalse(app.tick(), "one change, one reload")
    }

    func testTheOpenAccountShowsAnotherSessionsEdit() throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        try launch(width: 120, height: 40)
        press(.enter)
        XCTAssertTrue(titleRow.hasPrefix(" K1 · Adler GmbH"), titleRow)
        let other = try otherSession()
        var k1 = try XCTUnwrap(other.customer(id: try XCTUnwrap(accounts().first { $0.number == "K1" }).id))
        k1.preferences = "Espresso ohne Zucker"
        try other.saveSoftFacts(k1, actor: "max")
        assertScreenLacks("Espresso ohne Zucker")
        app.tick()
        app.drain(term)
        assertScreenContains("Espresso ohne Zucker")
    }

    /// A form's typed input is never reloaded away: the change waits until the form is left.
    func testAChangeWaitsWhileAFormHoldsTypedInput() throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        try launch(width: 120, height: 40)
        press(.enter, .char("e"))
        type("Tee")
        let form = screen
        XCTAssertTrue(form.contains("Tee"), form)
        try importInto(try otherSession(), .customers, "number,name,rep,city\nK4,Dachs OHG,CD,Dessau\n")
        XCTAssertFalse(app.tick(), "nothing is reloaded under the form")
        app.drain(term)
        XCTAssertEqual(screen, form)
        XCTAssertTrue(app.state.live.pending, "the reload waits for the form")
        XCTAssertEqual(app.state.live.staleTabs, [0], "the account and the list below it are stale")

        // Leaving the form (throwing "Tee" away): the account reloads, then the list shows K4.
        press(.escape)
        XCTAssertNotNil(app.state.overlay, "a changed form asks first")
        press(.char("y"))
        XCTAssertTrue(titleRow.hasPrefix(" K1 · Adler GmbH"), titleRow)
        XCTAssertTrue(app.tick(), "the change that waited is shown now")
        XCTAssertFalse(app.state.live.pending)
        press(.escape)
        app.drain(term)
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K3", "K2", "K4"], screen)
    }

    // MARK: The day changes while the interface is open

    /// A clock a test moves.
    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var day: Day
        init(_ day: Day) { self.day = day }
        var now: Day {
            get { lock.withLock { day } }
            set { lock.withLock { day = newValue } }
        }
    }

    private func launchWithClock(_ clock: TestClock, synchronous: Bool) throws {
        let env = Environment(store: store, settings: Settings(), today: Self.today, actor: "tester",
                              synchronous: synchronous, clock: { clock.now })
        app = try App(environment: env)
        term = MemoryTerminal(width: 100, height: 30)
        app.drain(term)
    }

    func testANewDayRefreshesTheFiguresAndTheStatusLineSaysSo() throws {
        try openDemo(customers: 120)
        try store.refreshAll(asOf: Self.today, settings: Settings())
        let clock = TestClock(Self.today)
        try launchWithClock(clock, synchronous: true)
        XCTAssertTrue(term.row(0).hasSuffix("as of 23.11.2026 "), term.row(0))
        XCTAssertFalse(app.tick())

        clock.now = Self.today.adding(days: 1)
        XCTAssertTrue(app.tick())
        XCTAssertTrue(app.state.live.refreshing)
        XCTAssertEqual(app.state.message?.text,
                       "New day: the figures as of 24.11.2026 are refreshed in the background; keys work meanwhile")
        app.drain(term)
        XCTAssertTrue(statusRow.hasPrefix(" Figures refreshed as of 24.11.2026"), statusRow)
        XCTAssertTrue(term.row(0).hasSuffix("as of 24.11.2026 "), term.row(0))
        XCTAssertFalse(app.state.live.refreshing)
        XCTAssertEqual(app.env.today, Self.today.adding(days: 1))
        XCTAssertTrue(try XCTUnwrap(store.meta(RefreshPlan.stateKey)).contains("2026-11-24"),
                      "the store was refreshed as of the new day")
        XCTAssertTrue(app.tick(), "the screen reloads with the new figures")
    }

    /// The refresh runs on another thread: keys are answered while it works.
    func testKeysAreAnsweredWhileTheDaysRefreshRuns() throws {
        try openDemo(customers: 300)
        try store.refreshAll(asOf: Self.today, settings: Settings())
        let clock = TestClock(Self.today)
        try launchWithClock(clock, synchronous: false)
        let first = selectedRowText
        clock.now = Self.today.adding(days: 1)
        app.tick()
        press(.char("j"), .char("j"))
        XCTAssertNotEqual(selectedRowText, first, "the cursor moved without waiting for the refresh")
        let deadline = Date().addingTimeInterval(60)
        while app.state.live.refreshing && Date() < deadline {
            usleep(20_000)
            app.drain(term)
        }
        XCTAssertFalse(app.state.live.refreshing, "the refresh finished")
        XCTAssertTrue(statusRow.hasPrefix(" Figures refreshed as of 24.11.2026"), statusRow)
        XCTAssertTrue(try XCTUnwrap(store.meta(RefreshPlan.stateKey)).contains("2026-11-24"))
    }
}
