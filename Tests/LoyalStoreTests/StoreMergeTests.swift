import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore

/// Merging two customers keeps every related record, and undo gives both back as they were.
final class StoreMergeTests: StoreTestCase {

    func counts(_ store: Store, _ number: String) throws -> [String: Int] {
        try store.pool.read { db in
            var out: [String: Int] = [:]
            // Calendar plan entries are derived (re-planned for the merged customer), so they are not counted.
            for table in ["purchase", "interaction", "complaint", "contact_person", "consent"] {
                out[table] = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM \(table) t JOIN customer c ON c.id = t.customer_id WHERE c.number = ?
                    """, arguments: [number])
            }
            return out
        }
    }

    func makeTwins() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,city,email,phone,consent_email,consent_phone,consent_date
            T1,Bäckerei Groß GmbH,Dresden,info@gross.de,,ja,,2025-01-01
            T2,BAECKEREI GROSS GMBH,Dresden,,0351 12345,nein,ja,2026-01-01

            """)
        try importText(store, .contacts, "customer,first_name,last_name,email\nT1,Eva,Groß,eva@gross.de\nT2,Jens,Groß,\n")
        try importText(store, .purchases, """
            customer,date,amount,reference
            T1,2026-01-10,100,R1
            T2,2026-02-10,200,R2
            T2,2026-03-10,300,R3

            """)
        try importText(store, .feedback, "customer,date,nps,complaint\nT2,2026-11-02,3,Lieferung zu spät\n", name: "fb.csv")
        try store.refreshAll(asOf: today, settings: Settings())
        return store
    }

    func testAMergeKeepsEveryRelatedRecordAndUndoGivesBothBack() throws {
        let store = try makeTwins()
        let t1 = try counts(store, "T1"), t2 = try counts(store, "T2")
        XCTAssertEqual(t2["purchase"], 2)
        XCTAssertEqual(t2["interaction"], 1)
        XCTAssertEqual(t2["complaint"], 1)
        XCTAssertEqual(try store.duplicateCustomers().first.map { "\($0.a.label) \($0.b.label) \($0.reasons)" },
                       "T1 T2 [\"same name\"]")

        let summary = try store.mergeCustomers(keep: "T1", other: "T2", prefer: .keep, actor: "anna", today: today,
                                               settings: Settings())
        XCTAssertEqual(summary.moved["purchase"], 2)
        XCTAssertEqual(summary.fieldsTaken, ["phone"], "the empty phone takes T2's")
        let merged = try counts(store, "T1")
        for table in ["purchase", "interaction", "complaint", "contact_person"] {
            XCTAssertEqual(merged[table], (t1[table] ?? 0) + (t2[table] ?? 0), table)
        }
        // Both gave an e-mail answer: T1's (kept) wins; T2's phone consent moves over.
        XCTAssertEqual(merged["consent"], 2)
        let consents = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT channel, granted, given_on FROM consent c JOIN customer k ON k.id = c.customer_id WHERE k.number = 'T1' ORDER BY channel")
                .map { "\($0[0] as String) \($0[1] as Bool) \($0[2] as String)" }
        }
        XCTAssertEqual(consents, ["email true 2025-01-01", "phone true 2026-01-01"])
        XCTAssertNil(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = 'T2'") })
        XCTAssertEqual(try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM audit WHERE action = 'merge'") }?.hasPrefix("merged T2 into T1: moved"), true)
        // The complaint now counts for T1's early warning.
        XCTAssertTrue(try store.activeSignals(customerID: try id(store, "T1")).contains { $0.kind == "low_nps" })

        XCTAssertEqual(try store.undoLastMerge(actor: "anna", today: today, settings: Settings()), "undid the merge of T2 into T1")
        XCTAssertEqual(try counts(store, "T1"), t1)
        XCTAssertEqual(try counts(store, "T2"), t2)
        XCTAssertEqual(try store.pool.read { db in try String.fetchOne(db, sql: "SELECT phone FROM customer WHERE number = 'T1'") }, "")
        XCTAssertThrowsError(try store.undoLastMerge(actor: "anna", today: today, settings: Settings()), "one merge, one undo")
    }

    func testPreferOtherTakesTheOthersValuesAndConsents() throws {
        let store = try makeTwins()
        let summary = try store.mergeCustomers(keep: "T1", other: "T2", prefer: .other, actor: "anna", today: today,
                                               settings: Settings())
        XCTAssertEqual(Set(summary.fieldsTaken), ["name", "phone"])
        let consents = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT channel, granted FROM consent c JOIN customer k ON k.id = c.customer_id WHERE k.number = 'T1' ORDER BY channel")
                .map { "\($0[0] as String) \($0[1] as Bool)" }
        }
        XCTAssertEqual(consents, ["email false", "phone true"])
        _ = try store.undoLastMerge(actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(try store.pool.read { db in try String.fetchOne(db, sql: "SELECT name FROM customer WHERE number = 'T1'") },
                       "Bäckerei Groß GmbH")
    }

    func testTwoContactPersonsMergeAndComeBack() throws {
        let store = try makeTwins()
        try importText(store, .contacts, "customer,first_name,last_name,phone,mobile\nT1,Eva,GROSS,0351 999,0170 5\n", name: "more.csv")
        func channels() throws -> [String] {
            try store.pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT p.last_name || ' ' || ch.value FROM contact_channel ch JOIN contact_person p ON p.id = ch.contact_person_id
                    WHERE ch.medium = 'phone' ORDER BY ch.id
                    """)
            }
        }
        XCTAssertEqual(try channels(), ["GROSS 0351 999", "GROSS 0170 5"])
        let pairs = try store.duplicateContacts()
        let pair = try XCTUnwrap(pairs.first { $0.reasons.contains("same name") })
        let summary = try store.mergeContacts(keep: pair.a.id, other: pair.b.id, prefer: .keep, actor: "anna")
        XCTAssertEqual(summary.fieldsTaken, ["phone"])
        XCTAssertEqual(summary.moved["contact_channel"], 2, "the other's phones go with it")
        XCTAssertEqual(try counts(store, "T1")["contact_person"], 1)
        XCTAssertEqual(try channels(), ["Groß 0351 999", "Groß 0170 5"])
        _ = try store.undoLastMerge(actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(try counts(store, "T1")["contact_person"], 2)
        XCTAssertEqual(try channels(), ["GROSS 0351 999", "GROSS 0170 5"])
    }

    func id(_ store: Store, _ number: String) throws -> Int64 {
        try XCTUnwrap(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]) })
    }
}
