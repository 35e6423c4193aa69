import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// After a far `/` jump on Early warning or Win-back the title reads "k of N", counted by the
/// store over the list's keyset (issue 12), not "? of N".
final class ListPositionTests: UITestCase {
    private let settings = Settings()

    private func searchFor(_ text: String) {
        press(.char("/"))
        type(text)
        press(.enter)
    }

    func testEarlyWarningShowsThePositionAfterAFarJump() throws {
        try openDemo(customers: 900)
        try store.refreshAll(asOf: Self.today, settings: settings)
        try launch(width: 120, height: 30)
        press(.char("3"), .char("w"))
        let all = try store.riskPanel(PanelFilter(beyondPanel: true), limit: 100_000)
        XCTAssertGreaterThan(all.count, 3 * PagedList<PanelSource>.pageSize, "far beyond the loaded pages")
        let index = all.count - 40
        searchFor(all[index].number)
        XCTAssertEqual(try XCTUnwrap(app.state.screen as? EarlyWarningScreen).list.selected?.id, all[index].id)
        XCTAssertEqual(position?.at, index + 1, titleRow)
        XCTAssertEqual(position?.of, all.count, titleRow)
        XCTAssertFalse(titleRow.contains("? of"), titleRow)
        // Moving on from there keeps counting.
        press(.up, .up)
        XCTAssertEqual(position?.at, index - 1, titleRow)
    }

    func testWinbackShowsThePositionAfterAFarJump() throws {
        try openDemo(customers: 400)
        try store.refreshAll(asOf: Self.today, settings: settings)
        try launch(width: 120, height: 30)
        for row in try accounts().prefix(330) {
            _ = try store.triage(.markLost(customerID: row.id, on: Self.today.adding(days: -Int(row.id % 20)), reason: .price,
                                           note: ""), actor: "tester", today: Self.today, settings: settings)
        }
        press(.char("4"))
        let all = try store.lostCustomers(limit: 100_000)
        XCTAssertGreaterThan(all.count, 3 * PagedList<LostSource>.pageSize)
        let index = all.count - 25
        searchFor(all[index].number)
        XCTAssertEqual(try XCTUnwrap(app.state.screen as? LostScreen).list.selected?.id, all[index].id)
        XCTAssertEqual(position?.at, index + 1, titleRow)
        XCTAssertEqual(position?.of, all.count, titleRow)
    }
}
