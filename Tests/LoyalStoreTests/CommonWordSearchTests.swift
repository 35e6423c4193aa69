import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// A search for a common word walks the sort order instead of collecting every match of the
/// trigram index; both must give the same pages, in every order, both ways.
final class CommonWordSearchTests: StoreTestCase {
    static let names = ["Weber GmbH", "Schröder KG", "Bäckerei Nord GmbH", "Hotel Zur Post", "Müller Bau GmbH",
                        "Straßenbau Süd", "Sport Haus KG", "Autohaus Weber", "Druckerei Ulm GmbH", "Gärtnerei Blum"]

    func testEveryPageOfACommonOrRareWordIsTheTrigramIndexsPage() throws {
        let store = try makeStore()
        var customers = "number;name;city;rep\n", purchases = "customer;date;amount\n"
        for i in 1...300 {
            customers += "K\(1000 + (i * 37) % 300);\(Self.names[i % Self.names.count]);\(["Berlin", "Köln", "Ulm"][i % 3]);\(["AB", "CD", ""][i % 3])\n"
            if i % 4 != 0 { purchases += "K\(1000 + (i * 37) % 300);2026-0\(1 + i % 9)-1\(i % 9);\(i % 13 * 10),00\n" }
        }
        try importText(store, .customers, customers)
        try importText(store, .purchases, purchases)
        var walked = 0
        for word in ["gmbh", "weber", "bau gmbh", "ulm", "zur post", "sud", "nichts da"] {
            for sort in AccountSort.allCases {
                for descending in [false, true] {
                    let q = AccountQuery(filter: AccountFilter(search: word), sort: sort, descending: descending)
                    let expected = try store.pool.read { db in
                        try AccountSQL.indexedPage(db, q, cursor: nil, direction: .forward, limit: 1000).map(\.id)
                    }
                    var got: [Int64] = []
                    var cursor: AccountCursor?
                    while true {
                        let page = try store.accounts(q, from: cursor, limit: 7)
                        got += page.map(\.id)
                        guard page.count == 7, let last = page.last else { break }
                        cursor = last.cursor
                    }
                    XCTAssertEqual(got, expected, "\(word) by \(sort) \(descending ? "desc" : "asc")")
                    // Backwards from the end gives the same rows.
                    if let lastRow = try store.accounts(q, limit: 1000).last {
                        var back: [Int64] = [lastRow.id]
                        var from: AccountCursor? = lastRow.cursor
                        while let c = from {
                            let page = try store.accounts(q, from: c, direction: .backward, limit: 7)
                            back = page.map(\.id) + back
                            from = page.count == 7 ? page.first?.cursor : nil
                        }
                        XCTAssertEqual(back, expected, "backwards: \(word) by \(sort)")
                    }
                    if try store.pool.read({ db in try AccountSQL.commonWordPage(db, q, cursor: nil, direction: .forward, limit: 7) }) != nil {
                        walked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(walked, 20, "common words were answered by the walk")
    }
}
