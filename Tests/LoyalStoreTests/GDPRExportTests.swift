import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// `Store.exportPersonalData`: every field of every row about the person, checked against a
/// SELECT of every column; text elsewhere that names him is listed.
final class GDPRExportTests: GDPRTestCase {
    /// The rows as SQLite has them, each column to the value JSONSerialization reads back.
    func selected(_ store: Store, _ sql: String, _ arguments: StatementArguments = []) throws -> [[String: AnyHashable]] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                var out: [String: AnyHashable] = [:]
                for (column, value) in row {
                    switch value.storage {
                    case .null: out[column] = NSNull()
                    case .int64(let i): out[column] = NSNumber(value: i)
                    case .double(let d): out[column] = NSNumber(value: d)
                    case .string(let s): out[column] = s
                    case .blob(let b): out[column] = b.base64EncodedString()
                    }
                }
                return out
            }
        }
    }

    func exported(_ store: Store, _ subject: DataSubject) throws -> [String: Any] {
        let json = try store.exportPersonalData(subject).json()
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
    }

    func testTheExportOfAContactHoldsEveryFieldOfEveryRowAboutHim() throws {
        let p = try plant()
        let export = try exported(p.store, .contact(p.person))
        XCTAssertEqual(export["subject"] as? String, "contact \(p.person)")
        XCTAssertEqual(export["person"] as? String, "Zacharias Quastenflosser")
        let tables = try XCTUnwrap(export["tables"] as? [String: [[String: Any]]])
        let twin = try XCTUnwrap(try p.store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT other_id FROM merge_undo") })
        let expected: [String: String] = [
            "contact_person": "SELECT * FROM contact_person WHERE id = \(p.person)",
            "interaction_contact": "SELECT * FROM interaction_contact WHERE interaction_id = \(p.attended)",
            "interaction": "SELECT * FROM interaction WHERE id = \(p.attended)",
            "feedback": "SELECT * FROM feedback WHERE interaction_id = \(p.attended)",
            "complaint": "SELECT * FROM complaint WHERE id IN (SELECT complaint_id FROM feedback WHERE interaction_id = \(p.attended))",
            "calendar_entry": "SELECT * FROM calendar_entry WHERE contact_person_id = \(p.person) ORDER BY id",
            "contact_channel": "SELECT * FROM contact_channel WHERE contact_person_id = \(p.person) ORDER BY id",
            "audit": """
                SELECT * FROM audit WHERE (entity IN ('contact_person', 'contact') AND entity_id IN (\(p.person), \(twin)))
                    OR (entity = 'interaction' AND entity_id = \(p.attended)) ORDER BY id
                """,
            "merge_undo": "SELECT * FROM merge_undo WHERE kind = 'contact' AND keep_id = \(p.person)",
            "draft": "SELECT * FROM draft",
        ]
        XCTAssertEqual(Set(tables.keys), Set(expected.keys))
        for (table, sql) in expected {
            let rows = try selected(p.store, sql)
            XCTAssertFalse(rows.isEmpty, "the fixture plants \(table) rows")
            let json = try XCTUnwrap(tables[table])
            XCTAssertEqual(json.count, rows.count, table)
            for (j, r) in zip(json, rows) {
                XCTAssertEqual(Set(j.keys), Set(r.keys), "every column of \(table)")
                for (column, value) in r {
                    XCTAssertEqual(j[column] as? AnyHashable, value, "\(table).\(column)")
                }
            }
        }
        let person = try XCTUnwrap(tables["contact_person"]?.first)
        XCTAssertEqual(person["birthday"] as? String, "1947-12-10")
        XCTAssertEqual(person["extra"] as? String, #"{"Lieblingswein":"Grauburgunder Spätlese"}"#, "imported columns too")
        XCTAssertTrue(tables["calendar_entry"]!.contains { $0["source"] as? String == "birthday" }, "his birthday greeting")
    }

    func testTheExportListsTheTextElsewhereThatNamesHim() throws {
        let p = try plant()
        let export = try p.store.exportPersonalData(.contact(p.person))
        let mentions = Set(export.mentions.map { "\($0.table).\($0.column): \($0.text)" })
        for expected in ["customer.notes: Ansprechpartner: Zacharias Quastenflosser\nZahlt immer pünktlich",
                         "customer.notes: Empfohlen von Zacharias Quastenflosser\nBackt montags",
                         "contact_person.notes: Vertritt Herrn Quastenflosser im Urlaub",
                         "interaction.notes: Erika fragt nach der Hüftoperation von Herrn Quastenflosser\nBestellt 20 Paletten",
                         "consent.source: Messe Kiel, Visitenkarte von Zacharias Quastenflosser",
                         "calendar_entry.reason: Zacharias Quastenflosser Katalog schicken"] {
            XCTAssertTrue(mentions.contains(expected), "missing \(expected) in \(mentions.sorted())")
        }
        XCTAssertFalse(mentions.contains { $0.hasPrefix("purchase") }, "figures name nobody")
        let text = try XCTUnwrap(export.mentions.first { $0.table == "audit" && $0.text.contains("Empfohlen") },
                                 "the audit's entry of the other customer's notes")
        XCTAssertEqual(text.column, "detail")
    }

    func testACustomerExportHoldsTheCustomerAndEverythingOfItsPeople() throws {
        let p = try plant()
        let export = try exported(p.store, .customer("K1"))
        let tables = try XCTUnwrap(export["tables"] as? [String: [[String: Any]]])
        for table in ["customer", "contact_person", "consent", "purchase", "interaction", "interaction_contact", "feedback",
                      "complaint", "calendar_entry", "customer_stats", "audit", "merge_undo", "draft"] {
            XCTAssertNotNil(tables[table], table)
        }
        let purchases = try selected(p.store, "SELECT * FROM purchase WHERE customer_id = ?", [p.customer])
        XCTAssertEqual(tables["purchase"]?.count, 3)
        XCTAssertEqual(tables["purchase"]?.compactMap { $0["amount_cents"] as? Int }, purchases.compactMap { $0["amount_cents"] as? Int })
        XCTAssertEqual(tables["contact_person"]?.count, 2, "both people")
        XCTAssertEqual(tables["interaction"]?.count, 2, "the visit he attended and the call he missed")
        XCTAssertEqual((export["customer"] as? [String: Any])?["kind"] as? String, "business")
    }

    func testAnUnknownSubjectIsOneClearError() throws {
        let store = try makeStore()
        XCTAssertThrowsError(try store.exportPersonalData(.contact(99))) {
            XCTAssertEqual(StoreError.message(for: $0), "no contact person has the id 99")
        }
        XCTAssertThrowsError(try store.exportPersonalData(.customer("NOPE"))) {
            XCTAssertEqual(StoreError.message(for: $0), "no customer has the number NOPE")
        }
    }
}
