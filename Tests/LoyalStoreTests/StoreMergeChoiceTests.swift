import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore

/// The merge dialog's store side: the preview names the conflicts, what is filled in and
/// what moves; the merge keeps the value chosen per field; undo takes back exactly that merge.
final class StoreMergeChoiceTests: StoreTestCase {

    func makeTwins() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,street,city,email,phone,rep,potential,consent_email,consent_date
            T1,Bäckerei Groß GmbH,,Dresden,info@gross.de,,AB,5000,ja,2025-01-01
            T2,BAECKEREI GROSS GMBH,Hauptstr. 1,Dresden,bestellung@gross.de,0351 12345,CD,8000,nein,2026-01-01
            T3,Straßenbau Weiß KG,,Leipzig,,,,,,
            T4,STRASSENBAU WEISS KG,,Leipzig,,,,,,

            """)
        try importText(store, .contacts, """
            customer,first_name,last_name,role,email
            T1,Eva,Groß,Einkauf,eva@gross.de
            T1,Eva,GROSS,Chefin,
            T2,Jens,Groß,,

            """)
        try importText(store, .purchases, "customer,date,amount,reference\nT1,2026-01-10,100,R1\nT2,2026-02-10,200,R2\nT2,2026-03-10,300,R3\n")
        try importText(store, .feedback, "customer,date,nps,complaint\nT2,2026-11-02,3,Lieferung zu spät\n", name: "fb.csv")
        try store.refreshAll(asOf: today, settings: Settings())
        return store
    }

    func id(_ store: Store, _ number: String) throws -> Int64 {
        try XCTUnwrap(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]) })
    }

    func customer(_ store: Store, _ number: String) throws -> Row? {
        try store.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT c.*, r.code AS rep_code FROM customer c LEFT JOIN rep r ON r.id = c.rep_id WHERE c.number = ?
                """, arguments: [number])
        }
    }

    func testThePreviewNamesTheConflictsWhatIsFilledInAndWhatMoves() throws {
        let store = try makeTwins()
        let preview = try store.customerMergePreview(keep: try id(store, "T1"), other: try id(store, "T2"))
        XCTAssertEqual(preview.keep.label, "T1")
        XCTAssertEqual(preview.other.name, "BAECKEREI GROSS GMBH")
        XCTAssertEqual(preview.conflicts.map(\.field), ["name", "email", "rep_id", "potential_cents", "consent.email"])
        XCTAssertEqual(preview.conflicts.first { $0.field == "rep_id" }?.other, .text("CD"))
        XCTAssertEqual(preview.conflicts.first { $0.field == "potential_cents" }?.keep, .money(Money(cents: 500_000)))
        XCTAssertEqual(preview.conflicts.last?.keep, .consent(granted: true, on: Day(year: 2025, month: 1, day: 1)))
        XCTAssertEqual(preview.filled, ["street", "phone"], "empty in T1, so taken without asking")
        XCTAssertEqual(preview.moving, ["purchase": 2, "interaction": 1, "feedback": 1, "complaint": 1, "contact_person": 1,
                                        "calendar_entry": 3])
        XCTAssertThrowsError(try store.customerMergePreview(keep: try id(store, "T1"), other: try id(store, "T1")))
    }

    func testEachConflictKeepsTheValueChosenForIt() throws {
        let store = try makeTwins()
        let preview = try store.customerMergePreview(keep: try id(store, "T1"), other: try id(store, "T2"))
        let summary = try store.merge(preview, choices: ["email": .other, "consent.email": .other, "name": .keep],
                                      actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(summary.fieldsTaken, ["street", "phone", "email"])
        XCTAssertEqual(summary.moved["feedback"], 1)
        XCTAssertGreaterThan(summary.undoID, 0)
        let t1 = try XCTUnwrap(try customer(store, "T1"))
        XCTAssertEqual(t1["name"] as String, "Bäckerei Groß GmbH", "chosen: keep")
        XCTAssertEqual(t1["email"] as String, "bestellung@gross.de", "chosen: other")
        XCTAssertEqual(t1["phone"] as String, "0351 12345", "filled in")
        XCTAssertEqual(t1["rep_code"] as String?, "AB", "not chosen: the kept record's")
        XCTAssertEqual(t1["potential_cents"] as Int64?, 500_000)
        let t1ID = try id(store, "T1")
        let consent = try store.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT granted FROM consent WHERE customer_id = ? AND channel = 'email'", arguments: [t1ID])
        }
        XCTAssertEqual(consent, false, "T2's refusal was chosen")

        _ = try store.undoMerge(id: summary.undoID, actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(try customer(store, "T1")?["email"] as String?, "info@gross.de")
        XCTAssertEqual(try customer(store, "T2")?["email"] as String?, "bestellung@gross.de")
    }

    func testPreferIsTheShortcutForEveryConflict() throws {
        let store = try makeTwins()
        let summary = try store.mergeCustomers(keep: "T1", other: "T2", prefer: .other, choices: ["rep_id": .keep],
                                               actor: "anna", today: today, settings: Settings())
        XCTAssertEqual(summary.fieldsTaken, ["name", "street", "phone", "email", "potential_cents"])
        XCTAssertEqual(try customer(store, "T1")?["rep_code"] as String?, "AB", "the one choice overrides --prefer")
    }

    func testAChoiceForAFieldNoMergeKnowsIsRefusedAndNothingChanges() throws {
        let store = try makeTwins()
        let before = try snapshot(store)
        XCTAssertThrowsError(try store.mergeCustomers(keep: "T1", other: "T2", prefer: .keep, choices: ["nmae": .other],
                                                      actor: "anna", today: today, settings: Settings())) { error in
            XCTAssertEqual(StoreError.message(for: error), "a merge has no field nmae to choose")
        }
        XCTAssertEqual(try snapshot(store), before)
    }

    func testTwoContactPersonsMergeWithTheChosenRole() throws {
        let store = try makeTwins()
        let ids = try store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM contact_person WHERE first_name = 'Eva' ORDER BY id")
        }
        let preview = try store.contactMergePreview(keep: ids[0], other: ids[1])
        XCTAssertEqual(preview.conflicts.map(\.field), ["last_name", "role"])
        XCTAssertEqual(preview.keep.name, "Eva Groß")
        XCTAssertEqual(preview.other.label, "T1/\(ids[1])")
        _ = try store.merge(preview, choices: ["role": .other], actor: "anna", today: today, settings: Settings())
        let kept = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [ids[0]]) }
        XCTAssertEqual(kept?["role"] as String?, "Chefin")
        XCTAssertEqual(kept?["last_name"] as String?, "Groß")
        XCTAssertEqual(kept?["email"] as String?, "eva@gross.de")
        XCTAssertEqual(try count(store, "contact_person"), 2)
    }

    func testTheInterfacesUndoTakesBackOnlyTheLatestMerge() throws {
        let store = try makeTwins()
        let first = try store.mergeCustomers(keep: "T1", other: "T2", prefer: .keep, actor: "anna", today: today, settings: Settings())
        let second = try store.mergeCustomers(keep: "T3", other: "T4", prefer: .keep, actor: "ben", today: today, settings: Settings())
        XCTAssertThrowsError(try store.undoMerge(id: first.undoID, actor: "anna", today: today, settings: Settings())) { error in
            XCTAssertEqual(StoreError.message(for: error), "a later merge came after it; loyal merge --undo takes that one back first")
        }
        XCTAssertNil(try customer(store, "T2"), "nothing was undone")
        XCTAssertEqual(try store.undoMerge(id: second.undoID, actor: "ben", today: today, settings: Settings()),
                       "undid the merge of T4 into T3")
        XCTAssertEqual(try store.undoMerge(id: first.undoID, actor: "anna", today: today, settings: Settings()),
                       "undid the merge of T2 into T1")
        XCTAssertNotNil(try customer(store, "T2"))
        XCTAssertThrowsError(try store.undoMerge(id: first.undoID, actor: "anna", today: today, settings: Settings()))
    }

    func testLikelyDuplicatesOfOneCustomerComeWithScoreAndReasons() throws {
        let store = try makeTwins()
        let candidates = try store.duplicateCandidates(customer: try id(store, "T1"))
        XCTAssertEqual(candidates.map { "\($0.b.label) \($0.score) \($0.reasons)" }, ["T2 60 [\"same name\"]"])
        XCTAssertEqual(candidates.first?.a.label, "T1")
        XCTAssertEqual(try store.duplicateCandidates(customer: -1).count, 0)
        let eva = try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM contact_person") }
        XCTAssertEqual(try store.duplicateCandidates(contact: try XCTUnwrap(eva)).map(\.reasons), [["same name"]])
    }
}
