import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// A business with a contact person whose data is everywhere Loyal keeps data: his record
/// (with an imported extra column), an edit in the audit, a merged duplicate, visits he
/// attended with feedback, a follow-up and a complaint, his birthday in the calendar, a
/// draft, his name in the customer's notes, a colleague's notes, a visit he missed, a
/// consent's source, and another customer's notes.
class GDPRTestCase: StoreTestCase {
    struct Planted {
        var store: Store
        var person: Int64
        var colleague: Int64
        var customer: Int64
        var attended: Int64
        var missed: Int64
    }

    /// Strings only his data holds: none may be left in the file after his erasure.
    static let hisStrings = [
        "Zacharias", "Quastenflosser", "quastenflosser", "zq@quastenflosser.example", "+49 171 5550199",
        "+49 171 5550100", "1947-12-10", "Walburga", "1951-06-02", "Briefmarkensammler", "Grauburgunder",
        "Rückenschmerzen", "Hüftoperation", "zacharias.q@privat.example", "Golfplatz",
    ]

    func plant() throws -> Planted {
        let store = try makeStore()
        try importText(store, .customers, """
            number,name,city,email,consent_email,consent_date,notes
            K1,Werkzeughandel Nord GmbH,Kiel,info@werkzeug-nord.example,ja,2025-03-01,
            K2,Bäckerei Sonnenschein,Lübeck,,,,

            """)
        try importText(store, .contacts, """
            customer,first_name,last_name,role,email,phone,birthday,partner_name,partner_birthday,notes,Lieblingswein
            K1,Zacharias,Quastenflosser,Einkaufsleiter,zq@quastenflosser.example,+49 171 5550100,1947-12-10,Walburga Quastenflosser,1951-06-02,Briefmarkensammler seit 1960,Grauburgunder Spätlese
            K1,Erika,Mustermann,Buchhaltung,erika@werkzeug-nord.example,,,,,Vertritt Herrn Quastenflosser im Urlaub,

            """)
        try importText(store, .purchases, """
            customer,date,amount,margin,reference
            K1,2026-01-10,1200.50,300,R1
            K1,2026-05-10,800,200,R2
            K1,2026-09-10,950.25,,R3

            """, name: "purchases.csv")
        let (customer, person, colleague) = try store.pool.read { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = 'K1'")!,
             try Int64.fetchOne(db, sql: "SELECT id FROM contact_person WHERE last_name = 'Quastenflosser'")!,
             try Int64.fetchOne(db, sql: "SELECT id FROM contact_person WHERE last_name = 'Mustermann'")!)
        }
        // An edit: the audit keeps his old and new phone.
        var p = try XCTUnwrap(try store.contacts(customerID: customer).first { $0.id == person })
        p.phone = "+49 171 5550199"
        try store.saveContact(p, actor: "anna")
        // A duplicate of him, merged into him: the merge undo keeps its record.
        var twin = ContactPerson(customerID: customer, firstName: "Z.", lastName: "Quastenflosser")
        twin.email = "zacharias.q@privat.example"
        let twinID = try store.saveContact(twin, actor: "anna")
        _ = try store.mergeContacts(keep: person, other: twinID, prefer: .keep, actor: "anna")
        var visit = VisitReport(customerID: customer, day: Day(year: 2026, month: 11, day: 10)!, kind: .visit)
        visit.contactPersonIDs = [person]
        visit.nps = 4; visit.csat = 2
        visit.topics = "Herr Quastenflosser klagt über Rückenschmerzen"
        visit.notes = "Quastenflosser will Rabatt\nLager wird erweitert"
        visit.nextStep = "Zacharias Quastenflosser Katalog schicken"
        visit.followUpOn = Day(year: 2026, month: 12, day: 1)
        visit.complaint = "Lieferung zu spät"
        let attended = try store.recordVisit(visit, actor: "anna", today: today).interactionID
        var other = VisitReport(customerID: customer, day: Day(year: 2026, month: 11, day: 12)!, kind: .call)
        other.contactPersonIDs = [colleague]
        other.nps = 8
        other.notes = "Erika fragt nach der Hüftoperation von Herrn Quastenflosser\nBestellt 20 Paletten"
        let missed = try store.recordVisit(other, actor: "anna", today: today).interactionID
        // The customer's notes, edited in the interface (so the audit has them too).
        var k1 = try XCTUnwrap(try store.customer(id: customer))
        k1.notes = "Ansprechpartner: Zacharias Quastenflosser\nZahlt immer pünktlich"
        try store.saveSoftFacts(k1, actor: "anna")
        var k2 = try XCTUnwrap(try store.customerSummary(number: "K2").flatMap { try store.customer(id: $0.id) })
        k2.notes = "Empfohlen von Zacharias Quastenflosser\nBackt montags"
        try store.saveSoftFacts(k2, actor: "anna")
        try store.saveDraft(kind: "visit", subject: "visit-1", payload: """
            {"customerID":\(customer),"met":[\(person)],"text":{"notes":"Treffen am Golfplatz"}}
            """)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE consent SET source = 'Messe Kiel, Visitenkarte von Zacharias Quastenflosser' WHERE customer_id = ?",
                           arguments: [customer])
        }
        try store.refreshAll(asOf: today, settings: Settings())
        return Planted(store: store, person: person, colleague: colleague, customer: customer, attended: attended,
                       missed: missed)
    }

    /// The business figures erasure must not touch: purchases, statistics, visits' days and scores.
    func figures(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try ["SELECT * FROM purchase ORDER BY id",
                 "SELECT customer_id, revenue_12m_cents, purchase_count, class, value_cents FROM customer_stats ORDER BY customer_id",
                 "SELECT id, customer_id, kind, day FROM interaction ORDER BY id",
                 "SELECT interaction_id, nps, csat, complaint_id FROM feedback ORDER BY id",
                 "SELECT id, customer_id, opened_on, category, goodwill_cents FROM complaint ORDER BY id",
                 "SELECT customer_id, channel, granted, given_on FROM consent ORDER BY customer_id, channel"].map { sql in
                try Row.fetchAll(db, sql: sql).map { $0.description }.joined(separator: "\n")
            }
        }
    }

    /// Where a string occurs in the raw bytes of the database file and its WAL, as grep sees them.
    func occurrences(of strings: [String], in path: String) throws -> [String] {
        var found: [String] = []
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for s in strings where bytes.range(of: Data(s.utf8)) != nil { found.append("\(s) in \((file as NSString).lastPathComponent)") }
        }
        return found
    }
}
