import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Consent is proof: a withdrawal does not overwrite the consent it withdraws, a merge takes a
/// consent's history along, and erasing the person keeps all of it.
final class ConsentHistoryTests: StoreTestCase {
    func history(_ store: Store, _ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.channel, h.granted, h.given_on, h.source FROM consent_history h JOIN customer c ON c.id = h.customer_id
                WHERE c.number = ? ORDER BY h.id
                """, arguments: [number]).map { "\($0["channel"] as String) \($0["granted"] as Int) \($0["given_on"] as String) \($0["source"] as String)" }
        }
    }

    func testAWithdrawnConsentStaysRecorded() throws {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,kind,consent_newsletter,consent_date
            P1,Zacharias Quastenflosser,consumer,ja,2025-03-01

            """, name: "web.csv")
        try store.pool.write { db in try db.execute(sql: "UPDATE consent SET source = 'Anmeldeformular', double_opt_in_on = '2025-03-02'") }
        try importText(store, .customers, "number,consent_newsletter,consent_date\nP1,nein,2026-05-10\n", name: "abmeldung.csv")
        let current = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT granted, given_on FROM consent") }
        XCTAssertEqual(current?["granted"], 0)
        XCTAssertEqual(current?["given_on"], "2026-05-10", "the withdrawal and its day")
        let answers = ["newsletter 1 2025-03-01 import web.csv", "newsletter 1 2025-03-01 Anmeldeformular"]
        XCTAssertEqual(try history(store, "P1"), answers, "the consent it withdrew, and the source it had before")
        XCTAssertEqual(try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT double_opt_in_on FROM consent_history ORDER BY id DESC LIMIT 1")
        }, "2025-03-02", "with its double opt-in confirmation")

        try store.erasePersonalData(.customer("P1"), today: today, actor: "admin")
        XCTAssertEqual(try history(store, "P1"), answers, "erasure keeps the proof")
        XCTAssertEqual(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM consent") }, 1)
    }

    func testAMergedConsentTakesItsHistoryAlongAndUndoBringsItBack() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name,consent_phone,consent_date\nT1,Groß GmbH,,\nT2,Gross GmbH,ja,2025-01-01\n")
        try importText(store, .customers, "number,consent_phone,consent_date\nT2,nein,2026-01-01\n")
        XCTAssertEqual(try history(store, "T2"), ["phone 1 2025-01-01 import file.csv"])
        _ = try store.mergeCustomers(keep: "T1", other: "T2", prefer: .keep, actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(try history(store, "T1"), ["phone 1 2025-01-01 import file.csv"], "moved with the consent")
        _ = try store.undoLastMerge(actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(try history(store, "T2"), ["phone 1 2025-01-01 import file.csv"])
        XCTAssertEqual(try history(store, "T1"), [])
    }
}
