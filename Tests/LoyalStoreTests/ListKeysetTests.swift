import XCTest
import GRDB
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
        // A row's position (for "k of N" after a far jump) is the count of the rows before it.
        for i in [0, 1, all.count / 2, all.count - 1] { XCTAssertEqual(try store.riskPanelCount(filter, before: all[i]), i) }
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
        for i in [0, 7, 40, all.count - 3, all.count - 1] { XCTAssertEqual(try store.lostCount(before: all[i]), i) }
        // The order is the documented one: lost most recently first, then by id.
        let lost = all.filter { $0.returnedOn == nil }
        XCTAssertEqual(lost.map(\.id), lost.sorted { ($0.lostOn!, -$0.id) > ($1.lostOn!, -$1.id) }.map(\.id))
        let name = all[40].name
        XCTAssertEqual(try store.lostCustomers(after: all[10], matching: name, limit: 1).first.map { $0.name.contains(name) }, true)
    }

    // MARK: Accounts sorted by rep (issue 12): the rep's name A→Z, by keyset through an index

    private func accountPages(_ store: Store, _ query: AccountQuery) -> (AccountRow?, Store.PageDirection, Int) throws -> [AccountRow] {
        { try store.accounts(query, from: $0?.cursor, direction: $1, limit: $2) }
    }

    /// The order by hand: rep name (folded), then customer name, then id; no rep first.
    private func expected(_ store: Store) throws -> [Int64] {
        let reps = Dictionary(uniqueKeysWithValues: try store.reps().map { ($0.code, $0) })
        let all = try store.accounts(AccountQuery(sort: .number), limit: 100_000)
        return all.sorted { a, b in
            let ra = a.repCode.flatMap { reps[$0] }.map { SearchKey.fold($0.name) + " " + SearchKey.fold($0.code) } ?? ""
            let rb = b.repCode.flatMap { reps[$0] }.map { SearchKey.fold($0.name) + " " + SearchKey.fold($0.code) } ?? ""
            if ra != rb { return ra < rb }
            if SearchKey.fold(a.name) != SearchKey.fold(b.name) { return SearchKey.fold(a.name) < SearchKey.fold(b.name) }
            return a.id < b.id
        }.map(\.id)
    }

    func testRepSortIsByNameAndPagesTheSameWayBothDirections() throws {
        let store = try demo()
        let query = AccountQuery(sort: .rep)
        let all = try store.accounts(query, limit: 100_000)
        XCTAssertEqual(all.count, 400)
        XCTAssertEqual(all.map(\.id), try expected(store))
        // Anja Brandt (AB) first, Timo Haas (TH) last; by id MK (2) came second, now Dennis Graf (DG) does.
        var seen: [String] = []
        for code in all.compactMap(\.repCode) where seen.last != code { seen.append(code) }
        XCTAssertEqual(seen, ["AB", "DG", "EF", "JR", "MK", "PW", "SL", "TH"])
        let pages = try walk(accountPages(store, query), size: 37)
        XCTAssertEqual(pages.forward.map(\.id), all.map(\.id))
        XCTAssertEqual(pages.backward.map(\.id), all.map(\.id))
        let descending = AccountQuery(sort: .rep, descending: true)
        XCTAssertEqual(try walk(accountPages(store, descending), size: 37).forward.map(\.id), all.map(\.id).reversed())
        // Filtered by class, the same order within it.
        let classB = AccountQuery(filter: AccountFilter(customerClass: .b), sort: .rep)
        let bIDs = Set(try store.accounts(AccountQuery(filter: AccountFilter(customerClass: .b)), limit: 100_000).map(\.id))
        XCTAssertEqual(try walk(accountPages(store, classB), size: 11).backward.map(\.id), all.map(\.id).filter(bIDs.contains))
    }

    func testTheSortKeyFollowsARenamedRepAndAReassignedCustomer() throws {
        let store = try demo()
        let some = try XCTUnwrap(store.accounts(AccountQuery(filter: AccountFilter(repCode: "TH")), limit: 1).first)
        // A reassigned customer (the import or a manager's edit) moves with his new rep.
        var c = try XCTUnwrap(store.customer(id: some.id))
        try store.saveCustomer(c, repCode: "AB", actor: "tester")
        // A renamed rep (its sort name written with it) takes his customers along: Timo Haas becomes "Aaron".
        try store.pool.write { db in
            try db.execute(sql: "UPDATE rep SET name = 'Aaron Zeh', sort_name = ? WHERE code = 'TH'",
                           arguments: [RepSortMigration.sortName(name: "Aaron Zeh", code: "TH")])
        }
        let all = try store.accounts(AccountQuery(sort: .rep), limit: 100_000)
        XCTAssertEqual(all.map(\.id), try expected(store))
        XCTAssertEqual(all.first?.repCode, "TH")
        c = try XCTUnwrap(store.customer(id: some.id))
        try store.saveCustomer(c, repCode: nil, actor: "tester")
        XCTAssertEqual(try store.accounts(AccountQuery(sort: .rep), limit: 1).first?.id, some.id, "no rep comes first")
    }

    /// The page query's shape (keyset after a row, ordered by the sort key) reads the index in order.
    func testTheRepSortWalksItsIndex() throws {
        let store = try demo()
        let text = (try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT c.id FROM customer c JOIN customer_stats s ON s.customer_id = c.id
                WHERE (c.rep_sort, c.sort_name, c.id) > ('anja brandt ab', '', 0) ORDER BY c.rep_sort, c.sort_name, c.id LIMIT 100
                """).map { $0["detail"] as String }
        }).joined(separator: "\n")
        XCTAssertTrue(text.contains("customer_rep_sort"), text)
        XCTAssertFalse(text.contains("TEMP B-TREE"), text)
    }
}
