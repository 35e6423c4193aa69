import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The accounts list sorted by rep goes by the rep's name A→Z (issue 12), through a sort key
/// kept by triggers and its index: paging forward and backward by keyset gives one full
/// sorted read, and the query plan walks the index instead of sorting the table.
final class RepSortTests: StoreTestCase {
    private func demo() throws -> Store {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 400, years: 3, asOf: today))
        try store.refreshAll(asOf: today, settings: Settings())
        return store
    }

    /// Every row of `query`, by pages of `size` forward from the start and backward from the end.
    private func walk(_ store: Store, _ query: AccountQuery, size: Int) throws -> (forward: [Int64], backward: [Int64]) {
        var forward: [AccountRow] = []
        while true {
            let next = try store.accounts(query, from: forward.last?.cursor, direction: .forward, limit: size)
            forward += next
            if next.count < size { break }
        }
        var backward: [AccountRow] = []
        while true {
            let previous = try store.accounts(query, from: backward.first?.cursor, direction: .backward, limit: size)
            backward = previous + backward
            if previous.count < size { break }
        }
        return (forward.map(\.id), backward.map(\.id))
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
        let pages = try walk(store, query, size: 37)
        XCTAssertEqual(pages.forward, all.map(\.id))
        XCTAssertEqual(pages.backward, all.map(\.id))
        let descending = AccountQuery(sort: .rep, descending: true)
        XCTAssertEqual(try walk(store, descending, size: 37).forward, all.map(\.id).reversed())
        // Filtered by class, the same order within it.
        let classB = AccountQuery(filter: AccountFilter(customerClass: .b), sort: .rep)
        let bIDs = Set(try store.accounts(AccountQuery(filter: AccountFilter(customerClass: .b)), limit: 100_000).map(\.id))
        XCTAssertEqual(try walk(store, classB, size: 11).backward, all.map(\.id).filter(bIDs.contains))
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
