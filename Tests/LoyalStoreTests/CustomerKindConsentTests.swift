import GRDB
import LoyalConfig
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Customer kind (business/consumer) through import and export, and the planner's consent
/// by law on a temporary database: a business without phone consent is called, a consumer is not.
final class CustomerKindConsentTests: StoreTestCase {
    private let customers = """
        number,name,rep,class,Kundenart,consent_email,consent_date
        K1,Holz GmbH,AB,B,Firma,ja,2024-01-10
        K2,Paula Privat,AB,B,Privat,ja,2024-01-10
        K3,Ohne Angabe KG,AB,B,,ja,2024-01-10

        """

    /// The block is stored as a key: read as an English viewer reads it.
    private func calls(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, e.blocked FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                WHERE e.channel = 'phone' AND e.source = 'plan' GROUP BY c.number ORDER BY c.number
                """).map { "\($0[0] as String) \(($0[1] as String?).map { StoredText.render(stored: $0) } ?? "ok")" }
        }
    }

    func testKindIsImportedWithAliasesAndExported() throws {
        let store = try makeStore()
        try importText(store, .customers, customers)
        XCTAssertEqual(try exportRows(store, .customers).map { "\($0["number"]!) \($0["kind"]!)" },
                       ["K1 business", "K2 consumer", "K3 business"])
        try importText(store, .customers, "number,Typ\nK1,B2C\nK2,B2B\n")
        XCTAssertEqual(try exportRows(store, .customers).map { $0["kind"]! }, ["consumer", "business", "business"])
        let failure = try XCTUnwrap(importFailure(store, .customers, "number,kind\nK1,Verein\n"))
        XCTAssertEqual(failure.problems.map(\.message),
                       ["\"Verein\" is not a kind of customer (expected business or consumer (B2B/B2C, Firma/Privat))"])
    }

    func testBusinessesAreCalledOnPresumedConsentConsumersNot() throws {
        let store = try makeStore()
        try importText(store, .customers, customers)
        var settings = Settings()
        settings.contactPlan.cadence = [.b: [.phone: 30]]
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try calls(store), ["K1 ok", "K2 no phone consent", "K3 ok"])
        // `[consent] b2b_calls = "express"`: every call needs express consent.
        let express = try ConfigFile.parse("[consent]\nb2b_calls = \"express\"\n", file: "c.toml")
        XCTAssertEqual(express.contactPlan.b2bCalls, .express)
        settings.contactPlan.b2bCalls = express.contactPlan.b2bCalls
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try calls(store), ["K1 no phone consent", "K2 no phone consent", "K3 no phone consent"])
        // A refusal blocks a business too.
        try importText(store, .customers, "number,consent_phone,consent_date\nK1,nein,2025-03-01\n")
        settings.contactPlan.b2bCalls = .presumed
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try calls(store), ["K1 phone consent refused on 01.03.2025", "K2 no phone consent", "K3 ok"])
    }
}
