import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The incremental refresh (issue 17) leaves every derived table exactly as a refresh
/// from scratch: two copies of one demo get the same change, one refreshes incrementally,
/// the other with `full`, and every table the refresh writes is compared row by row.
final class RefreshEquivalenceTests: StoreTestCase {
    private var incremental: Store!
    private var scratch: Store!

    override func setUpWithError() throws {
        try super.setUpWithError()
        incremental = try makeStore(path: dbPath)
        try incremental.createDemo(DemoSettings(seed: 11, customers: 150, years: 3, asOf: today))
        try incremental.refreshAll(asOf: today, settings: Settings())
        scratch = try makeStore(path: directory.appendingPathComponent("scratch.db").path)
        try incremental.pool.base.backup(to: scratch.pool.base)
    }

    /// Every table the refresh derives or writes, whole, one line per row in a fixed order.
    private func derived(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            var lines: [String] = []
            for (table, order) in [("customer_stats", "customer_id"), ("risk_snapshot", "customer_id, month"),
                                   ("retention_stage", "id"), ("calendar_entry", "uid"), ("calendar_unplanned", "uid"),
                                   ("signal", "id"), ("winback", "id"), ("customer", "id")] {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { "\(table) \($0)" }
            }
            // A model is stored as JSON, whose dictionaries come in another key order each time.
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta ORDER BY key") {
                let value: String = row["value"]
                let object = try? JSONSerialization.jsonObject(with: Data(value.utf8))
                let sorted = try object.map { try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys) }
                lines.append("meta \(row["key"] as String) " + (sorted.map { String(decoding: $0, as: UTF8.self) } ?? value))
            }
            return lines
        }
    }

    /// The same change on both copies, then one refresh each; the incremental one must
    /// have recomputed fewer revenue figures than there are customers.
    private func assertSameAfter(asOf: Day, file: StaticString = #filePath, line: UInt = #line,
                                 _ change: (Store) throws -> Void) throws {
        try change(incremental)
        try change(scratch)
        let summary = try incremental.refreshAll(asOf: asOf, settings: Settings())
        try scratch.refreshAll(asOf: asOf, settings: Settings(), full: true)
        XCTAssertFalse(summary.skipped, file: file, line: line)
        XCTAssertLessThan(summary.recomputed, summary.statistics.customers, "incremental", file: file, line: line)
        let got = try derived(incremental), expected = try derived(scratch)
        XCTAssertEqual(got.count, expected.count, file: file, line: line)
        for (g, e) in zip(got, expected) where g != e {
            XCTFail("incremental \(g)\nfrom scratch \(e)", file: file, line: line)
            break
        }
    }

    private func number(_ store: Store, at index: Int) throws -> String {
        try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT number FROM customer ORDER BY id LIMIT 1 OFFSET ?", arguments: [index])!
        }
    }

    func testAfterAnImportTheIncrementalRefreshEqualsOneFromScratch() throws {
        let a = try number(incremental, at: 3), b = try number(incremental, at: 40)
        try assertSameAfter(asOf: today) { store in
            // A large purchase moves a customer up the classes, and with it others down.
            try importText(store, .purchases, "customer,date,amount\n\(a),2026-11-20,250000\n\(b),2026-11-02,80\n")
        }
    }

    func testAfterADayChangeTheIncrementalRefreshEqualsOneFromScratch() throws {
        // Months later purchases leave the window, snoozes run out, entries fall due.
        try assertSameAfter(asOf: today.adding(days: 1)) { _ in }
        try assertSameAfter(asOf: today.adding(days: 45)) { _ in }
    }

    func testAfterATriageActionTheIncrementalRefreshEqualsOneFromScratch() throws {
        let signal = try XCTUnwrap(try incremental.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, customer_id FROM signal WHERE status = 'open' ORDER BY id LIMIT 1")
        })
        let customer: Int64 = signal["customer_id"], other = try incremental.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE status = 'active' AND id <> ? ORDER BY id DESC LIMIT 1",
                               arguments: [customer])!
        }
        try assertSameAfter(asOf: today) { store in
            try store.triage(.dismiss(signalIDs: [signal["id"]], reason: "geklärt"), actor: "test", today: today,
                             settings: Settings())
            try store.triage(.markLost(customerID: other, on: today, reason: .competitor, note: "Wettbewerber"),
                             actor: "test", today: today, settings: Settings())
        }
        // And the next day after it, with a purchase of the lost customer (a returnee).
        let lost = try number(incremental, at: Int(other) - 1)
        try assertSameAfter(asOf: today.adding(days: 2)) { store in
            try importText(store, .purchases, "customer,date,amount\n\(lost),2026-11-24,1200\n", name: "back.csv")
        }
    }

    func testARefreshWithNothingChangedOnTheSameDaySkipsAndChangesNothing() throws {
        let before = try derived(incremental)
        let summary = try incremental.refreshAll(asOf: today, settings: Settings())
        XCTAssertTrue(summary.skipped)
        XCTAssertEqual(summary.statistics.customers, 150)
        XCTAssertEqual(try derived(incremental), before)
        // Other settings are a change: everyone is recomputed.
        var settings = Settings()
        settings.classes.a = 0.7
        XCTAssertFalse(try incremental.refreshAll(asOf: today, settings: settings).skipped)
        XCTAssertTrue(try incremental.refreshAll(asOf: today, settings: settings).skipped)
    }
}
