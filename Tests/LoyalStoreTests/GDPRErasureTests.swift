import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// `Store.erasePersonalData`: none of the person's strings is left in the database file or its
/// WAL (read as raw bytes, as grep reads them), the business figures are unchanged, and what
/// is not about him stays.
final class GDPRErasureTests: GDPRTestCase {
    func testErasureLeavesNoneOfHisStringsInTheFileAndKeepsTheFigures() throws {
        let p = try plant()
        XCTAssertEqual(Set(try occurrences(of: Self.hisStrings, in: dbPath).map { $0.components(separatedBy: " in ")[0] }),
                       Set(Self.hisStrings), "the fixture writes every string into the file")
        let figures = try figures(p.store)

        let summary = try p.store.erasePersonalData(.contact(p.person), today: today, actor: "admin")
        XCTAssertTrue(summary.erased)
        XCTAssertTrue(summary.checkpointed, "nobody else reads: the WAL is truncated")
        XCTAssertEqual(summary.identifiersLeft + summary.nameLeft, 0)
        XCTAssertEqual(summary.keptPurchases, 3)
        XCTAssertEqual(try self.figures(p.store), figures, "purchases, revenue, visits' days and scores, consents")
        let audit = try p.store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT entity, entity_id, action, detail FROM audit ORDER BY id DESC LIMIT 1")
        }
        XCTAssertEqual(audit?["action"], "gdpr erase")
        XCTAssertEqual(audit?["entity"], "contact_person")
        XCTAssertEqual(audit?["entity_id"], p.person)
        XCTAssertEqual(audit?["detail"] as String?,
                       "gdpr erase contact \(p.person): \(summary.changedRows) rows changed, \(summary.deletedRows) deleted")
        XCTAssertEqual(try occurrences(of: Self.hisStrings, in: dbPath), [], "nothing in the file or the WAL while open")
        try p.store.close()

        XCTAssertEqual(try occurrences(of: Self.hisStrings, in: dbPath), [], "grep finds nothing of his")
        XCTAssertEqual(try occurrences(of: ["Zahlt immer pünktlich", "Lager wird erweitert", "Erika", "Werkzeughandel Nord"],
                                       in: dbPath).count, 4, "what is not his is still there (and grep would see it)")
    }

    func testHisRecordBecomesATombstoneAndTheRestOfTheCustomerStays() throws {
        let p = try plant()
        let colleagueBefore = try p.store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT first_name, last_name, role, email FROM contact_person WHERE id = ?", arguments: [p.colleague])
        }
        try p.store.erasePersonalData(.contact(p.person), today: today, actor: "admin")
        try p.store.pool.read { db in
            let person = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [p.person]))
            XCTAssertEqual(person["last_name"], "erased 2026-11-23")
            for column in ["first_name", "role", "email", "phone", "partner_name", "notes", "extra"] {
                XCTAssertEqual(person[column], "", column)
            }
            XCTAssertNil(person["birthday"] as String?)
            XCTAssertNil(person["partner_birthday"] as String?)
            XCTAssertEqual(person["customer_id"], p.customer, "the id and its links stay")
            func text(_ sql: String, _ id: Int64) throws -> String? { try String.fetchOne(db, sql: sql, arguments: [id]) }
            XCTAssertEqual(try Row.fetchOne(db, sql: "SELECT first_name, last_name, role, email FROM contact_person WHERE id = ?",
                                            arguments: [p.colleague]), colleagueBefore)
            XCTAssertEqual(try text("SELECT notes FROM contact_person WHERE id = ?", p.colleague), "",
                           "her only line named him")
            XCTAssertEqual(try text("SELECT notes FROM customer WHERE id = ?", p.customer), "Zahlt immer pünktlich")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT notes FROM customer WHERE number = 'K2'"), "Backt montags",
                           "another customer's line with his full name goes too")
            XCTAssertEqual(try text("SELECT notes FROM interaction WHERE id = ?", p.attended), "Lager wird erweitert",
                           "the account's history stays, without the line naming him")
            XCTAssertEqual(try text("SELECT notes FROM interaction WHERE id = ?", p.missed), "Bestellt 20 Paletten")
            XCTAssertEqual(try text("SELECT topics || '|' || next_step FROM feedback WHERE interaction_id = ?", p.attended), "|",
                           "the free text of his feedback goes")
            XCTAssertEqual(try text("SELECT text FROM complaint WHERE customer_id = ?", p.customer), "")
            XCTAssertEqual(try text("SELECT reason FROM calendar_entry WHERE source = 'follow_up' AND customer_id = ?", p.customer),
                           "erased 2026-11-23 Katalog schicken")
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM calendar_entry WHERE contact_person_id = ? AND source IN ('birthday', 'partner_birthday')
                """, arguments: [p.person]), 0, "a greeting's day would give his birthday away")
            let consent = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM consent WHERE customer_id = ?", arguments: [p.customer]))
            XCTAssertEqual(consent["source"], "Messe Kiel, Visitenkarte von erased 2026-11-23")
            XCTAssertEqual(consent["given_on"], "2025-03-01", "the consent record stays")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM merge_undo"), 0, "the undo would bring his record back")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM draft"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE detail LIKE '%Quastenflosser%'"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE action = 'edit' AND entity_id = ?",
                                            arguments: [p.person]), 1, "the audit still says that he was edited, and when")
        }
    }

    func testWithoutYesNothingChangesAndThePreviewSaysWhat() throws {
        let p = try plant()
        let figures = try figures(p.store)
        let preview = try p.store.previewErasure(.contact(p.person), today: today)
        XCTAssertFalse(preview.erased)
        XCTAssertEqual(preview.personName, "Zacharias Quastenflosser")
        let person = try XCTUnwrap(preview.changes.first { $0.table == "contact_person" && $0.rows == ["\(p.person)"] })
        XCTAssertEqual(person.columns, ["first_name", "last_name", "role", "email", "phone", "birthday", "partner_name",
                                        "partner_birthday", "notes", "extra"])
        XCTAssertTrue(preview.changes.contains { $0.table == "merge_undo" && $0.deleted })
        XCTAssertEqual(try self.figures(p.store), figures)
        XCTAssertEqual(try p.store.exportPersonalData(.contact(p.person)).personName, "Zacharias Quastenflosser",
                       "nothing was erased")
    }

    func testABusinessCustomerIsRefusedAndAnErasedPersonIsNotErasedAgain() throws {
        let p = try plant()
        XCTAssertThrowsError(try p.store.erasePersonalData(.customer("K1"), today: today, actor: "admin")) {
            XCTAssertTrue(StoreError.message(for: $0).hasPrefix("customer K1 is a business: its record and figures are not personal data. "
                                                              + "Erase its contact persons instead"), "\($0)")
        }
        try p.store.erasePersonalData(.contact(p.person), today: today, actor: "admin")
        XCTAssertThrowsError(try p.store.erasePersonalData(.contact(p.person), today: today, actor: "admin")) {
            XCTAssertTrue(StoreError.message(for: $0).hasPrefix("contact \(p.person) is already erased"), "\($0)")
        }
    }

    func testANamesakeKeepsHisRecordsAndIsReported() throws {
        let p = try plant()
        try importText(p.store, .customers, """
            number,name,city,kind,notes
            N1,Zacharias Quastenflosser,Bremen,consumer,Kauft nur im Dezember

            """, name: "namesake-customers.csv")
        try importText(p.store, .contacts, "customer,first_name,last_name,partner_name\nK2,Hanna,Weber,Zacharias Quastenflosser\n",
                       name: "namesake.csv")
        let before = try p.store.pool.read { db in
            try (Row.fetchAll(db, sql: "SELECT * FROM customer WHERE number = 'N1'")
                 + Row.fetchAll(db, sql: "SELECT * FROM contact_person WHERE last_name = 'Weber'")).map(\.description)
        }
        let summary = try p.store.erasePersonalData(.contact(p.person), today: today, actor: "admin")
        XCTAssertEqual(try p.store.pool.read { db in
            try (Row.fetchAll(db, sql: "SELECT * FROM customer WHERE number = 'N1'")
                 + Row.fetchAll(db, sql: "SELECT * FROM contact_person WHERE last_name = 'Weber'")).map(\.description)
        }, before, "a private customer and a partner of his name are someone else: their records stay as they were")
        XCTAssertEqual(summary.identifiersLeft, 0, "his e-mail and phone are gone")
        XCTAssertGreaterThan(summary.nameLeft, 0)
        XCTAssertEqual(summary.namesakeRecords, 2)
        XCTAssertFalse(summary.leftInFreeSpace, "what is left is the namesakes', not his in free space")
    }

    func testAPrivateCustomerIsErasedWithHisPeopleAndLeavesTheSearchIndex() throws {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,street,postal_code,city,phone,email,kind,consent_newsletter,consent_date,notes
            P1,Zacharias Quastenflosser,Quastenweg 7,24103,Kiel,+49 171 5550199,zq@quastenflosser.example,consumer,ja,2025-03-01,Hat einen Golfplatz

            """)
        try importText(store, .contacts, "customer,first_name,last_name,birthday\nP1,Zacharias,Quastenflosser,1947-12-10\n")
        try importText(store, .purchases, "customer,date,amount,reference\nP1,2026-06-01,99.90,B1\nP1,2026-10-01,45,B2\n",
                       name: "purchases.csv")
        let id = try XCTUnwrap(try store.customerSummary(number: "P1")?.id)
        var visit = VisitReport(customerID: id, day: Day(year: 2026, month: 11, day: 2)!, kind: .call)
        visit.notes = "Fragt nach Rabatt für Briefmarkensammler"
        visit.nps = 9
        try store.recordVisit(visit, actor: "anna", today: today)
        try store.refreshAll(asOf: today, settings: Settings())
        XCTAssertEqual(try store.customerSuggestions("Quasten").map(\.number), ["P1"])
        let figures = try figures(store)

        let summary = try store.erasePersonalData(.customer("P1"), today: today, actor: "admin")
        XCTAssertEqual(summary.identifiersLeft + summary.nameLeft, 0)
        XCTAssertEqual(try self.figures(store), figures, "his purchases and revenue stay, under his number")
        XCTAssertEqual(try store.customerSuggestions("Quasten").map(\.number), [])
        try store.pool.read { db in
            let c = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]))
            XCTAssertEqual(c["number"], "P1")
            XCTAssertEqual(c["name"], "erased 2026-11-23")
            XCTAssertEqual(c["kind"], "consumer")
            for column in ["street", "postal_code", "city", "phone", "email", "notes"] { XCTAssertEqual(c[column], "", column) }
            XCTAssertEqual(c["sort_name"], "erased 2026-11-23")
            XCTAssertEqual(c["search_key"], "p1 erased 2026-11-23 ")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'quasten'"), 0)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT notes FROM interaction WHERE customer_id = ?", arguments: [id]), "",
                           "a private customer's account is his: its notes go")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT last_name FROM contact_person WHERE customer_id = ?", arguments: [id]),
                           "erased 2026-11-23")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM consent WHERE customer_id = ?", arguments: [id]), 1,
                           "his consent record stays")
        }
        try store.close()
        XCTAssertEqual(try occurrences(of: ["Zacharias", "Quastenflosser", "quastenflosser", "Quastenweg", "zq@quastenflosser",
                                            "5550199", "1947-12-10", "Golfplatz", "Briefmarkensammler"], in: dbPath), [])
    }
}
