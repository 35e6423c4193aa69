import XCTest
import LoyalCore
@testable import LoyalStore

/// The keyset pages the lists read (early-warning panel, lost customers): walking forward
/// page by page and backward from the end give the same rows as one read of everything,
/// and `matching` finds a customer anywhere in the order.
final class ListKeysetTests: StoreTestCase {

    private func demo() throws -> Store {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 400, years: 3, asOf: today))
        try store.refreshAll(asOf: today, settings: Settings())
        return store
    }

    /// Every row by pages of `size`, forward from the start and backward from the end.
    private func walk<Row>(_ page: (Row?, Store.PageDirection, Int) throws -> [Row], size: Int) throws -> (forward: [Row], backward: [Row]) {
        var forward: [Row] = []
        while true {
            let next = try page(forward.last, .forward, size)
            forward += next
            if next.count < size { break }
        }
        var backward: [Row] = []
        while true {
            let previous = try page(backward.first, .backward, size)
            backward = previous + backward
            if previous.count < size { break }
        }
        return (forward, backward)
    }

    func testThePanelPagesTheSameWayForwardAndBackward() throws {
        let store = try demo()
        let filter = PanelFilter(beyondPanel: true)
        let all = try store.riskPanel(filter, limit: 100_000)
        XCTAssertGreaterThan(all.count, 30, "enough customers with open signals for several pages")
        XCTAssertEqual(all.count, try store.riskPanelCount(filter))
        let pages = try walk({ try store.riskPanel(filter, after: $0, direction: $1, limit: $2) }, size: 7)
        XCTAssertEqual(pages.forward.map(\.id), all.map(\.id))
        XCTAssertEqual(pages.backward.map(\.id), all.map(\.id))
        // The last page alone, as G reads it.
        XCTAssertEqual(try store.riskPanel(filter, direction: .backward, limit: 3).map(\.id), all.suffix(3).map(\.id))
    }

    func testThePanelSearchFindsACustomerBeyondTheFirstPage() throws {
        let store = try demo()
        let filter = PanelFilter(beyondPanel: true)
        let all = try store.riskPanel(filter, limit: 100_000)
        let target = all[all.count - 2]
        let hit = try store.riskPanel(filter, after: all[0], matching: target.name, limit: 1).first
        XCTAssertEqual(hit.map { SearchKey.fold($0.name).contains(SearchKey.fold(target.name)) }, true)
        XCTAssertEqual(try store.riskPanel(filter, matching: "no such customer", limit: 1).count, 0)
        // Backward from the end finds the last match first.
        let last = try store.riskPanel(filter, direction: .backward, matching: target.number, limit: 1).first
        XCTAssertEqual(last?.id, all.last { $0.number.contains(target.number) }?.id)
    }

    func testLostCustomersPageByKeysetBothWaysWithReturneesLast() throws {
        let store = try demo()
        let ids = try store.accounts(AccountQuery(), limit: 60).map(\.id)
        // 60 lost on three days (ties on the day are broken by id), the last 5 come back.
        for (i, id) in ids.enumerated() {
            _ = try store.triage(.markLost(customerID: id, on: today.adding(days: -(i % 3)), reason: .price, note: ""),
                                 actor: "t", today: today, settings: Settings())
        }
        for id in ids.suffix(5) {
            _ = try store.triage(.markReturned(customerID: id, on: today), actor: "t", today: today, settings: Settings())
        }
        let all = try store.lostCustomers(limit: 100_000)
        XCTAssertEqual(all.count, try store.lostCount())
        XCTAssertGreaterThanOrEqual(all.count, 60)
        XCTAssertEqual(all.suffix(5).allSatisfy { $0.returnedOn != nil }, true, "returnees come last")
        let pages = try walk({ try store.lostCustomers(after: $0, direction: $1, limit: $2) }, size: 8)
        XCTAssertEqual(pages.forward.map(\.id), all.map(\.id))
        XCTAssertEqual(pages.backward.map(\.id), all.map(\.id))
        // The order is the documented one: lost most recently first, then by id.
        let lost = all.filter { $0.returnedOn == nil }
        XCTAssertEqual(lost.map(\.id), lost.sorted { ($0.lostOn!, -$0.id) > ($1.lostOn!, -$1.id) }.map(\.id))
        let name = all[40].name
        XCTAssertEqual(try store.lostCustomers(after: all[10], matching: name, limit: 1).first.map { $0.name.contains(name) }, true)
    }
}
