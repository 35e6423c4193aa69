import Foundation
import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Three hand-made customers for the visit form, as of Monday 23.11.2026:
/// K1 Holzwurm GmbH (Berlin) with the main contact Anna Berg and Bernd Cole, bought
/// in October; K2 Zweite AG (Hamm) and K3 Dritte KG (Ulm) without contacts. Product
/// categories: Befestigung, Chemie, Werkzeug. K2 was called on 02.11.2026, K3
/// visited on 10.10.2026 (the recent customers, most recent first).
class VisitFormTestCase: UITestCase {
    static let customers = """
        number,name,city,rep
        K1,Holzwurm GmbH,Berlin,AB
        K2,Zweite AG,Hamm,AB
        K3,Dritte KG,Ulm,CD

        """
    static let contacts = """
        customer,first_name,last_name,primary
        K1,Anna,Berg,ja
        K1,Bernd,Cole,

        """
    static let products = """
        sku,name,category
        P1,Schrauben,Befestigung
        P2,Leim,Chemie
        P3,Bohrer,Werkzeug

        """
    static let purchases = """
        customer,date,amount,product
        K1,2026-09-01,4000,P1
        K1,2026-10-01,4000,P3
        K2,2026-10-01,800,P2
        K3,2026-10-01,200,P1

        """
    static let feedback = """
        customer,date,channel
        K3,2026-10-10,visit
        K2,2026-11-02,call

        """

    let settings = Settings()

    /// The customers, refreshed, and Loyal on the accounts list (K1 selected: the most revenue).
    func openVisits(width: Int = 120, height: Int = 34) throws {
        try openImported([(.customers, Self.customers), (.contacts, Self.contacts), (.products, Self.products),
                          (.purchases, Self.purchases), (.feedback, Self.feedback)])
        try store.refreshAll(asOf: Self.today, settings: settings)
        try launch(width: width, height: height)
    }

    /// Keys pressed through `stroke`: every key and every typed character counts one.
    var keystrokes = 0

    func stroke(_ keys: Key...) {
        keystrokes += keys.count
        for key in keys { term.send(key) }
        app.drain(term)
    }

    /// Types text, one keystroke per character ("\n" is Enter, "\t" Tab).
    func stroke(_ text: String) {
        keystrokes += text.count
        type(text)
    }

    /// One row of a query, as column name → value.
    func fetch(_ sql: String, _ arguments: StatementArguments = []) throws -> Row? {
        try store.pool.read { db in try Row.fetchOne(db, sql: sql, arguments: arguments) }
    }

    func id(_ number: String) throws -> Int64 {
        try XCTUnwrap(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number])
        })
    }

    func count(_ table: String, _ condition: String = "1") throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? -1 }
    }

    /// The screen row of a form field (its label after the "›" or blank focus mark).
    func field(_ label: String) -> String {
        term.lines.first { $0.dropFirst(2).hasPrefix(label + " ") } ?? ""
    }

    /// The label of the focused field.
    var focusedField: String {
        guard let line = term.lines.first(where: { $0.hasPrefix(" ›") }) else { return "" }
        return String(line.dropFirst(2).prefix(VisitFormView.labelWidth - 1)).trimmingCharacters(in: .whitespaces)
    }

    /// The visit drafts in the database: subject and payload.
    func drafts() throws -> [Draft] { try store.drafts(kind: "visit") }

    /// The values the newest draft holds.
    func draftValues(file: StaticString = #filePath, line: UInt = #line) throws -> VisitFormValues {
        let draft = try XCTUnwrap(try drafts().first, "no draft", file: file, line: line)
        return try XCTUnwrap(VisitFormValues.decoded(draft.payload), file: file, line: line)
    }

    /// "kind status" of a customer's signals, oldest first.
    func signals(_ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.kind, g.status FROM signal g JOIN customer c ON c.id = g.customer_id WHERE c.number = ? ORDER BY g.id
                """, arguments: [number]).map { "\($0[0] as String) \($0[1] as String)" }
        }
    }
}
