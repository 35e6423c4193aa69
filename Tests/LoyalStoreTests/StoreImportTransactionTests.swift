import Foundation
import XCTest
import GRDB
@testable import LoyalCore
@testable import LoyalStore

/// An import is one transaction: all rows or none; dry runs, repeats and updates.
final class StoreImportTransactionTests: StoreTestCase {
    private let purchases = "customer,date,amount,reference\nK1,2026-01-05,100.00,R1\nK2,2026-02-06,50.00,R2\n"

    private func populatedStore() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, Self.germanCustomers)
        try importText(store, .products, "sku,name,price\nA-1,Papier,24.00\n")
        try importText(store, .purchases, "customer,date,amount,product,reference\nK1,2026-03-01,10.00,A-1,R0\n")
        return store
    }

    private func tableCounts(_ store: Store) throws -> [Int] {
        try ["customer", "rep", "consent", "contact_person", "product", "purchase", "import_batch", "audit", "customer_stats"]
            .map { try count(store, $0) }
    }

    func testFailedCustomerImportRollsBackEarlierRows() throws {
        let store = try populatedStore()
        let before = try snapshot(store), countsBefore = try tableCounts(store)
        // Rows 2 and 3 are fine (a new customer with a new rep, an update of K1); row 4 is bad.
        let text = "number,name,city,rep,consent_phone\nK3,Gamma,Bonn,ZZ,ja\nK1,Müller GmbH,Potsdam,,\nK4,Delta,,,vielleicht\n"
        let failure = importFailure(store, .customers, text)
        XCTAssertEqual(failure?.problems.count, 1)
        XCTAssertEqual(try snapshot(store), before)
        XCTAssertEqual(try tableCounts(store), countsBefore)
        XCTAssertEqual(try store.reps().map(\.code), ["AB"])
        XCTAssertEqual(try exportRows(store, .customers).first?["city"], "Berlin")
    }

    func testFailedPurchaseImportRollsBackEarlierRows() throws {
        let store = try populatedStore()
        let before = try snapshot(store), countsBefore = try tableCounts(store)
        let text = "customer,date,amount,product,reference\nK1,2026-01-05,100.00,A-1,R0\nK2,2026-02-06,50.00,,R9\nK2,x,1,,R10\n"
        XCTAssertNotNil(importFailure(store, .purchases, text) { $0.createCustomers = true })
        XCTAssertEqual(try snapshot(store), before)
        XCTAssertEqual(try tableCounts(store), countsBefore)
        // The existing purchase R0 was not overwritten by the rolled-back row.
        XCTAssertEqual(try exportRows(store, .purchases).map { $0["amount"] }, ["10.00"])
    }

    func testDryRunWritesNothing() throws {
        let store = try populatedStore()
        let before = try snapshot(store), countsBefore = try tableCounts(store)
        let report = try importText(store, .purchases, purchases) { $0.dryRun = true }
        XCTAssertTrue(report.dryRun)
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(report.inserted, 2)
        XCTAssertEqual(try snapshot(store), before)
        XCTAssertEqual(try tableCounts(store), countsBefore)
        // A dry run does not count as an import of the file.
        try importText(store, .purchases, purchases)
        XCTAssertEqual(try count(store, "purchase"), 3)
    }

    func testDryRunOfABadFileReportsProblems() throws {
        let store = try populatedStore()
        let failure = importFailure(store, .purchases, "customer,date,amount\nK1,2026-13-01,5\n") { $0.dryRun = true }
        XCTAssertEqual(failure?.problems.map(\.line), [2])
    }

    func testCreateCustomersMakesBareCustomers() throws {
        let store = try populatedStore()
        let text = "customer,date,amount,product\nK7,2026-01-05,100.00,\nK7,2026-01-06,5.00,\nK8,2026-01-07,1.00,B-9\n"
        let report = try importText(store, .purchases, text) { $0.createCustomers = true; $0.createProducts = true }
        XCTAssertEqual(report.createdCustomers, 2)
        XCTAssertEqual(report.createdProducts, 1)
        XCTAssertEqual(report.inserted, 3)
        let customers = try exportRows(store, .customers)
        let k7 = try XCTUnwrap(customers.first { $0["number"] == "K7" })
        XCTAssertEqual(k7["name"], "K7")
        XCTAssertEqual(k7["city"], "")
        XCTAssertEqual(k7["rep"], "")
        XCTAssertEqual(customers.map { $0["number"] }, ["K1", "K2", "K7", "K8"])
        let products = try exportRows(store, .products)
        XCTAssertEqual(products.last, ["sku": "B-9", "name": "B-9", "category": "", "price": "0.00", "margin": ""])
        XCTAssertEqual(try exportRows(store, .purchases).last?["product"], "B-9")
    }

    func testSamePurchasesFileTwiceIsRefusedUnlessAgain() throws {
        let store = try populatedStore()
        try importText(store, .purchases, purchases, name: "first.csv")
        let before = try snapshot(store)
        let failure = importFailure(store, .purchases, purchases, name: "second.csv")
        let problem = try XCTUnwrap(failure?.problems.first)
        XCTAssertEqual(problem.line, 1)
        XCTAssertTrue(problem.message.hasPrefix("this file was already imported on "), problem.message)
        XCTAssertTrue(problem.message.hasSuffix(" (as first.csv, 2 rows); importing it again would count its purchases "
                                                + "twice. Use --again if that is really wanted"), problem.message)
        XCTAssertEqual(try snapshot(store), before)
        // With `again` the references update the same purchases instead of doubling them.
        let again = try importText(store, .purchases, purchases, name: "second.csv") { $0.again = true }
        XCTAssertEqual(again.rows, 2)
        XCTAssertEqual(try count(store, "purchase"), 3)
        // A changed file is a different file.
        try importText(store, .purchases, purchases + "K1,2026-04-01,1.00,R3\n")
        XCTAssertEqual(try count(store, "purchase"), 4)
    }

    func testCustomerReimportUpdatesOnlyThePresentColumns() throws {
        let store = try populatedStore()
        let before = try XCTUnwrap(exportRows(store, .customers).first)
        let report = try importText(store, .customers, "Kundennummer;Firma;Telefon\nK1;Müller GmbH;030 1234\n")
        XCTAssertEqual(report.updated, 1)
        XCTAssertEqual(report.inserted, 0)
        var expected = before
        expected["name"] = "Müller GmbH"
        expected["phone"] = "030 1234"
        XCTAssertEqual(try exportRows(store, .customers).first, expected)
        XCTAssertEqual(try count(store, "customer"), 2)
    }

    func testCustomerUpdateWithoutANameColumn() throws {
        let store = try populatedStore()
        let before = try XCTUnwrap(exportRows(store, .customers).first)
        try importText(store, .customers, "Kundennummer;Telefon\nK1;030 999\n")
        var expected = before
        expected["phone"] = "030 999"
        XCTAssertEqual(try exportRows(store, .customers).first, expected)
        // A new customer still needs a name.
        let failure = importFailure(store, .customers, "Kundennummer;Telefon\nK1;030 1\nK3;030 2\n")
        XCTAssertEqual(failure?.problems.map(\.description),
                       ["3: column \"name\": a new customer needs a name, and the file has no name column"])
    }

    func testAuditAndBatchAreWrittenOnSuccess() throws {
        let store = try populatedStore()
        try importText(store, .purchases, purchases, name: "umsatz.csv")
        let audit = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT entity, detail FROM audit ORDER BY id DESC LIMIT 1")
        }.map { "\($0["entity"] as String): " + StoredText.render(stored: $0["detail"]) }
        // Kept as a catalogue key, read in the viewer's language.
        XCTAssertEqual(audit, ["purchases: umsatz.csv: 2 rows, 2 new, 0 updated"])
        let hash = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT content_hash FROM import_batch ORDER BY id DESC LIMIT 1")
        }
        XCTAssertEqual(hash, ContentHash.fnv1a(Array(purchases.utf8)))
    }
}
