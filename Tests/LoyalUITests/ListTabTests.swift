import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Every list tab is the same list: `/` finds a row beyond the loaded page, `G` and End
/// read only the last page (never the whole list), and a reload keeps the cursor on the
/// same record, or on the next one when the record left the list. 400 demo customers,
/// refreshed, so the early-warning list (everyone with open signals) spans pages.
final class ListTabTests: UITestCase {
    private let settings = Settings()

    private func openDemoRefreshed() throws {
        try openDemo(customers: 400)
        try store.refreshAll(asOf: Self.today, settings: settings)
        try launch(width: 120, height: 30)
    }

    private func list<S: ListScreen>(_ type: S.Type) throws -> PagedList<S.Source> {
        try XCTUnwrap(app.state.screen as? S, "\(S.self) on top").list
    }

    private func searchFor(_ text: String) {
        press(.char("/"))
        type(text)
        press(.enter)
    }

    // MARK: Early warning

    private func openPanel() throws -> [PanelRow] {
        try openDemoRefreshed()
        press(.char("3"), .char("w"))
        let all = try store.riskPanel(PanelFilter(beyondPanel: true), limit: 100_000)
        XCTAssertGreaterThan(all.count, PagedList<PanelSource>.pageSize, "more than a page")
        return all
    }

    func testEarlyWarningSearchFindsARowBeyondTheLoadedPage() throws {
        let all = try openPanel()
        let target = all[all.count - 3]
        searchFor(target.number)
        XCTAssertEqual(try list(EarlyWarningScreen.self).selected?.id, target.id)
        XCTAssertTrue(selectedRowText?.contains(target.number) ?? false, screen)
        // A name on screen is found too (what failed with "not found" before).
        press(.char("g"))
        let onScreen = all[3]
        searchFor(onScreen.name)
        XCTAssertEqual(try list(EarlyWarningScreen.self).selected.map { $0.name }, onScreen.name)
    }

    func testEarlyWarningGAndEndReadOnlyTheLastPage() throws {
        let all = try openPanel()
        for key in [Key.char("G"), .end] {
            press(.char("g"), key)
            let l = try list(EarlyWarningScreen.self)
            XCTAssertEqual(l.selected?.id, all.last?.id)
            XCTAssertLessThanOrEqual(l.rows.count, PagedList<PanelSource>.pageSize)
            XCTAssertEqual(position?.at, all.count)
            XCTAssertEqual(position?.of, all.count)
        }
        press(.up)
        XCTAssertEqual(try list(EarlyWarningScreen.self).selected?.id, all[all.count - 2].id)
    }

    func testEarlyWarningKeepsTheCursorOnTheCustomerOrTheNext() throws {
        let all = try openPanel()
        press(.down, times: 5)
        XCTAssertEqual(try list(EarlyWarningScreen.self).selected?.id, all[5].id)
        press(.char("3"))  // the tab again: a reload
        XCTAssertEqual(try list(EarlyWarningScreen.self).selected?.id, all[5].id)
        // Snoozed elsewhere, the customer leaves the list: the cursor goes to the one after him.
        let open = try store.activeSignals(customerID: all[5].id).compactMap(\.id)
        _ = try store.triage(.snooze(signalIDs: open, until: Self.today.adding(days: 30), reason: "test"),
                             actor: "tester", today: Self.today, settings: settings)
        press(.char("3"))
        XCTAssertEqual(try list(EarlyWarningScreen.self).selected?.id, all[6].id)
    }

    // MARK: Accounts

    func testAccountsSearchGEndAndCursorKeeping() throws {
        try openDemoRefreshed()
        let all = try accounts()
        searchFor(all[350].number)
        XCTAssertEqual(try list(AccountsScreen.self).selected?.id, all[350].id)
        press(.char("g"), .end)
        XCTAssertEqual(try list(AccountsScreen.self).selected?.id, all.last?.id)
        XCTAssertLessThanOrEqual(try list(AccountsScreen.self).rows.count, PagedList<AccountsSource>.pageSize)
        press(.char("g"), .char("G"))
        XCTAssertEqual(position?.at, all.count)
        press(.char("g"), .down, .down)
        press(.char("1"))
        XCTAssertEqual(try list(AccountsScreen.self).selected?.id, all[2].id)
    }

    // MARK: Win-back

    func testWinbackSearchGEndAndCursorKeeping() throws {
        try openDemoRefreshed()
        for row in try accounts().prefix(150) {
            _ = try store.triage(.markLost(customerID: row.id, on: Self.today.adding(days: -Int(row.id % 20)), reason: .price,
                                           note: ""), actor: "tester", today: Self.today, settings: settings)
        }
        press(.char("4"))
        let all = try store.lostCustomers(limit: 100_000)
        XCTAssertGreaterThan(all.count, PagedList<LostSource>.pageSize)
        searchFor(all[140].number)
        XCTAssertEqual(try list(LostScreen.self).selected?.id, all[140].id)
        for key in [Key.char("G"), .end] {
            press(.char("g"), key)
            XCTAssertEqual(try list(LostScreen.self).selected?.id, all.last?.id)
            XCTAssertEqual(position?.at, all.count)
        }
        press(.char("g"), .down, .down, .down)
        // Come back: the returnee moves past the loaded pages to the end of the list; the
        // cursor stays where he was, on the next lost customer, and `/` finds him among the returnees.
        press(.char("R"), .char("y"))
        XCTAssertEqual(try list(LostScreen.self).selected?.id, all[4].id)
        searchFor(all[3].number)
        XCTAssertEqual(try list(LostScreen.self).selected?.id, all[3].id)
        XCTAssertTrue(selectedRowText?.contains("↺ back") ?? false, selectedRowText ?? screen)
    }

    // MARK: Contacts and the risk case

    func testContactsAndRiskCaseListsSearchAndJumpToTheEnd() throws {
        try openDemoRefreshed()
        let customer = try XCTUnwrap(try accounts().first { (try? store.accountDetail(id: $0.id, asOf: Self.today))??.contacts.count ?? 0 >= 3 })
        let people = try XCTUnwrap(try store.accountDetail(id: customer.id, asOf: Self.today)).contacts
        searchFor(customer.number)
        press(.enter, .char("p"))
        searchFor(people[2].lastName)
        XCTAssertEqual(try list(ContactsScreen.self).selected?.lastName, people[2].lastName)
        press(.char("g"), .char("G"))
        XCTAssertEqual(try list(ContactsScreen.self).selected?.id, people.last?.id)
        press(.home, .end)
        XCTAssertEqual(try list(ContactsScreen.self).cursor, people.count - 1)

        // A customer at risk with two signals or more: its case lists them the same way.
        press(.char("3"), .char("w"))
        let all = try store.riskPanel(PanelFilter(beyondPanel: true), limit: 100_000)
        let many = try XCTUnwrap(all.first { $0.kinds.count >= 2 })
        searchFor(many.number)
        press(.enter)
        let signals = try XCTUnwrap(app.state.screen as? RiskCaseScreen).detail.signals
        press(.end)
        XCTAssertEqual(try list(RiskCaseScreen.self).cursor, signals.count - 1)
        searchFor(SignalWords.name(signals[0].kind))
        XCTAssertEqual(try list(RiskCaseScreen.self).selected?.id, signals[0].id)
    }

    // MARK: Calendar

    /// After `x` the done entry leaves the agenda: the cursor goes to the entry that was
    /// after it, not to whatever now has its index (the overdue line coming or going shifts them).
    func testTheAgendaCursorStaysOnTheSameEntryOrTheNextAfterAReload() {
        // Before: [overdue line, 7, 8, 9], cursor on 8; 8 done and the overdue line gone.
        XCTAssertEqual(CalendarScreen.keptCursor(following: [8, 9], in: [7, 9]), 1)
        // The entry itself still there, moved down by a new line above it.
        XCTAssertEqual(CalendarScreen.keptCursor(following: [8, 9], in: [nil, 7, 8, 9]), 2)
        // Nothing left after it: the caller keeps the index.
        XCTAssertNil(CalendarScreen.keptCursor(following: [8, 9], in: [7]))
    }
}
