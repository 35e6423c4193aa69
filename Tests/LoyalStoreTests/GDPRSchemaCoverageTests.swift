import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The GDPR export and erasure cover the whole schema: a migration that adds a table or a text
/// column about customers or their people fails here until ErasureRules places it, and the
/// export takes it without being told.
final class GDPRSchemaCoverageTests: GDPRTestCase {
    func testEveryTableAndTextColumnOfTheSchemaIsPlaced() throws {
        let store = try makeStore()
        let schema = try store.pool.read { db in try SchemaLinks.read(db) }
        XCTAssertEqual(ErasureRules.gaps(schema), [], """
            A table or text column is not in ErasureRules: say whether it holds anything about a customer or \
            contact person and what erasure does with it.
            """)
        let related = ErasureRules.relatedTables(schema)
        for table in ["consent", "purchase", "interaction", "interaction_contact", "feedback", "complaint", "signal",
                      "calendar_entry", "calendar_unplanned", "winback", "retention_stage", "risk_snapshot",
                      "customer_stats", "contact_plan_override"] {
            XCTAssertTrue(related.contains(table), "\(table) is found from the customer by its foreign keys")
        }
        for table in schema.tables.map(\.name) where !related.contains(table) {
            XCTAssertTrue(ErasureRules.unrelated.contains(table) || ["audit", "merge_undo", "draft"].contains(table),
                          "\(table) refers to no customer: it must be listed as unrelated or be a log table")
        }
    }

    func testANewTableAboutContactsIsExportedAndBlocksErasureUntilPlaced() throws {
        let p = try plant()
        try p.store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE gift (id INTEGER PRIMARY KEY,
                                   contact_person_id INTEGER REFERENCES contact_person(id) ON DELETE CASCADE,
                                   sent_on TEXT, card_text TEXT);
                INSERT INTO gift (contact_person_id, sent_on, card_text) VALUES (?, '2026-12-24', 'Frohe Weihnachten, Zacharias!');
                """, arguments: [p.person])
        }
        let export = try p.store.exportPersonalData(.contact(p.person))
        let gift = try XCTUnwrap(export.tables.first { $0.name == "gift" }, "found by its foreign key, not by a list")
        XCTAssertEqual(gift.columns, ["id", "contact_person_id", "sent_on", "card_text"])
        XCTAssertEqual(gift.rows.first?.last, .text("Frohe Weihnachten, Zacharias!"))

        let figures = try figures(p.store)
        for attempt in [{ try p.store.previewErasure(.contact(p.person), today: self.today) },
                        { try p.store.erasePersonalData(.contact(p.person), today: self.today, actor: "admin") }] {
            XCTAssertThrowsError(try attempt()) {
                XCTAssertEqual(StoreError.message(for: $0), "erasure refused: this Loyal does not know what table gift may hold "
                               + "about a person (ErasureRules); nothing was changed")
            }
        }
        XCTAssertEqual(try self.figures(p.store), figures)
        XCTAssertEqual(try p.store.exportPersonalData(.contact(p.person)).personName, "Zacharias Quastenflosser")
    }

    func testATableOrTextColumnWithoutARuleIsAGap() throws {
        let store = try makeStore()
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TABLE loose_note (id INTEGER PRIMARY KEY, customer_id INTEGER, memo TEXT);
                ALTER TABLE contact_person ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
                ALTER TABLE purchase ADD COLUMN weight_kg REAL;
                """)
        }
        let schema = try store.pool.read { db in try SchemaLinks.read(db) }
        XCTAssertEqual(ErasureRules.gaps(schema), ["column contact_person.nickname", "table loose_note"],
                       "a number is a figure and needs no rule; text might name someone")
    }
}
