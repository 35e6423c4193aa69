import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Re-importing an export is idempotent: consents keep their day and source (issue 11).
final class StoreConsentReimportTests: StoreTestCase {
    private func consents(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, k.channel, k.granted, k.given_on, k.source FROM consent k JOIN customer c ON c.id = k.customer_id
                ORDER BY c.number, k.channel
                """).map { "\($0["number"] as String) \($0["channel"] as String) \($0["granted"] as Int) \($0["given_on"] as String) \($0["source"] as String)" }
        }
    }

    func testReimportingTheCustomerExportKeepsEveryConsentsDayAndSource() throws {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,consent_email,consent_phone,consent_date
            K1,Alpha GmbH,ja,nein,2024-01-10
            K2,Beta KG,,ja,2025-06-22

            """, name: "crm.csv")
        let original = try consents(store)
        XCTAssertEqual(original, ["K1 email 1 2024-01-10 import crm.csv", "K1 phone 0 2024-01-10 import crm.csv",
                                  "K2 phone 1 2025-06-22 import crm.csv"])
        let exported = try exportText(store, .customers)
        XCTAssertTrue(exported.hasPrefix("number,"), exported)
        // Imported again on another day (the import's day is today = 2026-11-23).
        try importText(store, .customers, exported, name: "customers-export.csv")
        XCTAssertEqual(try consents(store), original)
        XCTAssertEqual(try exportText(store, .customers), exported, "the export itself is unchanged")
    }

    func testAChangedAnswerOrANamedDayIsRecorded() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,consent_email,consent_phone,consent_date\nK1,Alpha,ja,ja,2024-01-10\n",
                       name: "crm.csv")
        // Phone withdrawn (no day in the file: today); e-mail confirmed on a new day.
        try importText(store, .customers, "number,consent_phone\nK1,nein\n", name: "withdrawn.csv")
        try importText(store, .customers, "number,consent_email,consent_date\nK1,ja,2026-02-01\n", name: "doi.csv")
        XCTAssertEqual(try consents(store), ["K1 email 1 2026-02-01 import doi.csv", "K1 phone 0 2026-11-23 import withdrawn.csv"])
    }
}
