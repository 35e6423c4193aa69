import Foundation
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Keyset paging of the accounts list over 250 customers with many ties in every sort key.
final class StoreAccountPagingTests: StoreTestCase {
    /// One fixture customer; `id` is its position in the import file (1…250).
    struct Fixture {
        var id: Int64, number: String, name: String, foldedName: String, city: String, foldedCity: String
        var rep: String?, revenueCents: Int64, lastPurchase: String
    }

    // (name, folded by hand); no name but "Müller GmbH" contains "mull" or "mu".
    static let names = [("Weber AG", "weber ag"), ("Schröder KG", "schroder kg"), ("Äpfel & Co", "apfel & co"),
                        ("Zander OHG", "zander ohg"), ("apfel GmbH", "apfel gmbh"), ("Özdemir Bau", "ozdemir bau"),
                        ("Becker", "becker"), ("Bäcker", "backer"), ("Meyer", "meyer"), ("Straßenbau Nord", "strassenbau nord"),
                        ("zebra", "zebra"), ("Ulm Druck", "ulm druck")]
    static let cities = [("Berlin", "berlin"), ("München", "munchen"), ("Köln", "koln"), ("Zwickau", "zwickau"),
                         ("Aachen", "aachen"), ("Ulm", "ulm"), ("Essen", "essen")]
    static let reps = ["AB", "CD", "EF"]

    static let fixtures: [Fixture] = (1...250).map { i in
        let (name, foldedName) = i == 123 ? ("Müller GmbH", "muller gmbh") : names[i % names.count]
        let (city, foldedCity) = cities[i % cities.count]
        let buys = i % 5 != 0
        return Fixture(id: Int64(i), number: "K\(1000 + (i * 37) % 250)", name: name, foldedName: foldedName,
                       city: city, foldedCity: foldedCity, rep: i % 7 == 0 ? nil : reps[i % 3],
                       revenueCents: buys ? Int64(i % 17) * 1000 : 0,
                       lastPurchase: buys ? Day(year: 2026, month: 1, day: 1)!.adding(days: i % 30).iso : "")
    }

    private var store: Store!

    override func setUpWithError() throws {
        try super.setUpWithError()
        store = try makeStore()
        var customers = "number;name;city;rep\n", purchases = "customer;date;amount\n"
        for f in Self.fixtures {
            customers += "\(f.number);\(f.name);\(f.city);\(f.rep ?? "")\n"
            if !f.lastPurchase.isEmpty { purchases += "\(f.number);\(f.lastPurchase);\(Money(cents: f.revenueCents).plain)\n" }
        }
        try importText(store, .customers, customers)
        try importText(store, .purchases, purchases)
        try store.refreshStatistics(asOf: today, thresholds: ClassThresholds())
    }

    override func tearDownWithError() throws {
        store = nil
        try super.tearDownWithError()
    }

    private func walk(_ query: AccountQuery, pageSize: Int = 40) throws -> [[AccountRow]] {
        var pages: [[AccountRow]] = [], cursor: AccountCursor?
        while true {
            let page = try store.accounts(query, from: cursor, limit: pageSize)
            if !page.isEmpty { pages.append(page) }
            if page.count < pageSize { return pages }
            cursor = page.last?.cursor
            XCTAssertLessThan(pages.count, 100, "paging does not end")
        }
    }

    /// Sort key in ascending order, compared element by element as UTF-8 bytes (SQLite's BINARY).
    private func key(_ f: Fixture, _ sort: AccountSort, classes: [Int64: CustomerClass]) -> [[UInt8]] {
        func n(_ v: Int64) -> [UInt8] { withUnsafeBytes(of: (UInt64(bitPattern: v) ^ (1 << 63)).bigEndian, Array.init) }
        let id = n(f.id)
        switch sort {
        case .number: return [Array(f.number.utf8), id]
        case .name: return [Array(f.foldedName.utf8), id]
        case .city: return [Array(f.foldedCity.utf8), id]
        case .class:
            let rank: Int64 = classes[f.id] == .a ? 0 : classes[f.id] == .b ? 1 : 2
            return [n(rank), n(-f.revenueCents), id]
        case .value, .risk: return [id]
        case .revenue: return [n(f.revenueCents), id]
        case .lastPurchase: return [Array(f.lastPurchase.utf8), id]
        // By the rep's name A→Z (issue 12; an import names a new rep after its code), no rep first.
        case .rep: return [Array((f.rep.map { "\($0.lowercased()) \($0.lowercased())" } ?? "").utf8), Array(f.foldedName.utf8), id]
        }
    }

    private func expectedIDs(_ sort: AccountSort, descending: Bool, classes: [Int64: CustomerClass],
                             where include: (Fixture) -> Bool = { _ in true }) -> [Int64] {
        let sorted = Self.fixtures.filter(include).sorted {
            key($0, sort, classes: classes).lexicographicallyPrecedes(key($1, sort, classes: classes)) {
                $0.lexicographicallyPrecedes($1)
            }
        }.map(\.id)
        return descending ? sorted.reversed() : sorted
    }

    private func classes() throws -> [Int64: CustomerClass] {
        Dictionary(uniqueKeysWithValues: try walk(AccountQuery(sort: .number), pageSize: 1000).joined().map { ($0.id, $0.customerClass) })
    }

    func testFixtureLandedAsWritten() throws {
        let rows = try walk(AccountQuery(sort: .number), pageSize: 1000).joined()
        XCTAssertEqual(rows.count, 250)
        for row in rows {
            let f = Self.fixtures[Int(row.id) - 1]
            XCTAssertEqual(row.number, f.number)
            XCTAssertEqual(row.name, f.name)
            XCTAssertEqual(row.revenue12m.cents, f.revenueCents)
            XCTAssertEqual(row.lastPurchase?.iso ?? "", f.lastPurchase)
            XCTAssertEqual(row.repCode, f.rep)
        }
        XCTAssertEqual(Set(rows.map(\.customerClass)), [.a, .b, .c])
    }

    func testForwardPagesVisitEveryCustomerOnceInOrder() throws {
        let classes = try classes()
        for sort in AccountSort.allCases {
            for descending in [false, true] {
                let pages = try walk(AccountQuery(sort: sort, descending: descending))
                XCTAssertEqual(pages.map(\.count), [40, 40, 40, 40, 40, 40, 10], "\(sort) \(descending)")
                let ids = pages.joined().map(\.id)
                XCTAssertEqual(Set(ids).count, 250, "\(sort) \(descending): duplicates or gaps")
                XCTAssertEqual(ids, expectedIDs(sort, descending: descending, classes: classes), "\(sort) \(descending)")
            }
        }
    }

    func testBackwardPagesReturnTheSameRows() throws {
        for sort in AccountSort.allCases {
            for descending in [false, true] {
                let query = AccountQuery(sort: sort, descending: descending)
                let pages = try walk(query)
                for k in 1..<pages.count {
                    let back = try store.accounts(query, from: pages[k][0].cursor, direction: .backward, limit: 40)
                    XCTAssertEqual(back, pages[k - 1], "\(sort) \(descending) page \(k)")
                }
                XCTAssertEqual(try store.accounts(query, from: pages[0][0].cursor, direction: .backward, limit: 40), [])
                // Backward from the last row: the 39 rows before it.
                let all = Array(pages.joined())
                let tail = try store.accounts(query, from: all[249].cursor, direction: .backward, limit: 39)
                XCTAssertEqual(tail, Array(all[210..<249]))
            }
        }
    }

    func testClassAndRepFilters() throws {
        let classes = try classes()
        for c in CustomerClass.allCases {
            let query = AccountQuery(filter: AccountFilter(customerClass: c), sort: .revenue)
            let ids = try walk(query, pageSize: 7).joined().map(\.id)
            XCTAssertEqual(ids, expectedIDs(.revenue, descending: true, classes: classes) { classes[$0.id] == c })
            let totals = try store.accountTotals(query)
            XCTAssertEqual(totals.count, ids.count)
            XCTAssertEqual(totals.revenue12m.cents, Self.fixtures.filter { classes[$0.id] == c }.map(\.revenueCents).reduce(0, +))
        }
        let ab = AccountQuery(filter: AccountFilter(repCode: "ab"), sort: .name)
        XCTAssertEqual(try walk(ab, pageSize: 9).joined().map(\.id),
                       expectedIDs(.name, descending: false, classes: classes) { $0.rep == "AB" })
        let abA = AccountQuery(filter: AccountFilter(customerClass: .a, repCode: "AB"), sort: .city, descending: true)
        XCTAssertEqual(try walk(abA, pageSize: 5).joined().map(\.id),
                       expectedIDs(.city, descending: true, classes: classes) { $0.rep == "AB" && classes[$0.id] == .a })
        XCTAssertEqual(try store.accounts(AccountQuery(filter: AccountFilter(repCode: "XY")), limit: 40), [])
        XCTAssertEqual(try store.accountTotals(AccountQuery(filter: AccountFilter(status: .active))).count, 250)
        XCTAssertEqual(try store.accountTotals(AccountQuery(filter: AccountFilter(status: .lost))).count, 0)
    }

    /// A class filter pages through its own index for figures and checks each row's class
    /// for customer columns; either way the rows are those of the unfiltered order.
    func testClassFilterWithEverySortPagesForwardAndBackward() throws {
        let classes = try classes()
        for c in CustomerClass.allCases {
            for sort in AccountSort.allCases {
                for descending in [false, true] {
                    let query = AccountQuery(filter: AccountFilter(customerClass: c), sort: sort, descending: descending)
                    let pages = try walk(query, pageSize: 7)
                    let expected = expectedIDs(sort, descending: descending, classes: classes) { classes[$0.id] == c }
                    XCTAssertEqual(pages.joined().map(\.id), expected, "\(c) \(sort) \(descending)")
                    if pages.count > 1 {
                        XCTAssertEqual(try store.accounts(query, from: pages[1][0].cursor, direction: .backward, limit: 7),
                                       pages[0], "\(c) \(sort) \(descending) backward")
                    }
                }
            }
            let withSearch = AccountQuery(filter: AccountFilter(customerClass: c, search: "ulm"), sort: .name)
            XCTAssertEqual(Set(try walk(withSearch).joined().map(\.id)),
                           fixtureIDs { classes[$0.id] == c && ($0.city == "Ulm" || $0.name == "Ulm Druck") })
            XCTAssertEqual(try store.accountTotals(withSearch).count,
                           fixtureIDs { classes[$0.id] == c && ($0.city == "Ulm" || $0.name == "Ulm Druck") }.count)
        }
    }

    private func search(_ text: String) throws -> Set<Int64> {
        Set(try walk(AccountQuery(filter: AccountFilter(search: text), sort: .number), pageSize: 40).joined().map(\.id))
    }

    private func fixtureIDs(_ include: (Fixture) -> Bool) -> Set<Int64> {
        Set(Self.fixtures.filter(include).map(\.id))
    }

    func testSearch() throws {
        // Three or more characters go through the trigram index …
        XCTAssertEqual(try search("müll"), [123])
        XCTAssertEqual(try search("MÜLLER"), [123])
        XCTAssertEqual(try search("mueller"), [123])
        XCTAssertEqual(try search("uller gm"), [123])
        XCTAssertEqual(try search("ulm"), fixtureIDs { $0.city == "Ulm" || $0.name == "Ulm Druck" })
        XCTAssertEqual(try search("ulm druck"), fixtureIDs { $0.name == "Ulm Druck" })
        XCTAssertEqual(try search("strasse"), fixtureIDs { $0.name == "Straßenbau Nord" })
        XCTAssertEqual(try search("muenchen"), fixtureIDs { $0.city == "München" })
        XCTAssertEqual(try search("Koeln"), fixtureIDs { $0.city == "Köln" })
        XCTAssertEqual(try search("koln"), fixtureIDs { $0.city == "Köln" })
        XCTAssertEqual(try search("K1123"), fixtureIDs { $0.number == "K1123" })
        // … one or two characters through LIKE.
        XCTAssertEqual(try search("mü"), fixtureIDs { $0.id == 123 || $0.city == "München" })
        XCTAssertEqual(try search("5"), fixtureIDs { $0.number.contains("5") })
        XCTAssertEqual(try search("%"), [])
        XCTAssertEqual(try search("_"), [])
        XCTAssertEqual(try search("xyz"), [])
        XCTAssertEqual(try search("  "), fixtureIDs { _ in true })
        let totals = try store.accountTotals(AccountQuery(filter: AccountFilter(search: "müll")))
        XCTAssertEqual(totals.count, 1)
        XCTAssertEqual(totals.revenue12m.cents, Self.fixtures[122].revenueCents)
    }

    func testTotalsWithoutFilter() throws {
        let totals = try store.accountTotals(AccountQuery())
        XCTAssertEqual(totals.count, 250)
        XCTAssertEqual(totals.revenue12m.cents, Self.fixtures.map(\.revenueCents).reduce(0, +))
        XCTAssertNil(totals.value, "no customer value is computed yet, so there is no total of it")
    }
}
