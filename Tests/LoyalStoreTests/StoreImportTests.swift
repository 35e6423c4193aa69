import Foundation
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Files that import cleanly: every value is checked in the database through the export.
final class StoreImportTests: StoreTestCase {
    func testGermanCustomersFile() throws {
        let store = try makeStore()
        let report = try importText(store, .customers, Self.germanCustomers, bom: true, name: "kunden.csv")
        XCTAssertEqual(report.rows, 2)
        XCTAssertEqual(report.inserted, 2)
        XCTAssertEqual(report.updated, 0)
        XCTAssertEqual(report.createdReps, ["AB"])
        XCTAssertEqual(report.ignoredColumns, [])
        XCTAssertFalse(report.readAsWindows1252)

        let rows = try exportRows(store, .customers)
        XCTAssertEqual(rows.count, 2)
        let k1 = rows[0], k2 = rows[1]
        XCTAssertEqual(k1["number"], "K1")
        XCTAssertEqual(k1["name"], "Müller GmbH; Werk 2")
        XCTAssertEqual(k1["street"], "Hauptstraße 5")
        XCTAssertEqual(k1["postal_code"], "10115")
        XCTAssertEqual(k1["city"], "Berlin")
        XCTAssertEqual(k1["country"], "DE")
        XCTAssertEqual(k1["email"], "info@mueller.example")
        XCTAssertEqual(k1["rep"], "AB")
        XCTAssertEqual(k1["since"], "2020-02-01")
        XCTAssertEqual(k1["potential"], "1234.56")
        XCTAssertEqual(k1["consent_email"], "1")
        XCTAssertEqual(k1["consent_phone"], "")
        XCTAssertEqual(k1["class"], "")
        XCTAssertEqual(k1["status"], "active")
        XCTAssertEqual(k2["name"], "Weber \"Bau\" AG")
        XCTAssertEqual(k2["street"], "Am Markt 1\nHinterhaus")
        XCTAssertEqual(k2["city"], "Köln")
        XCTAssertEqual(k2["email"], "")
        XCTAssertEqual(k2["since"], "2021-03-15")
        XCTAssertEqual(k2["potential"], "")
        XCTAssertEqual(k2["consent_email"], "0")
        XCTAssertEqual(k2["class"], "B")
        XCTAssertEqual(try store.reps().map(\.code), ["AB"])
        // Consent given without a date counts from the import day.
        let consentDays = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT given_on || ' ' || source FROM consent ORDER BY customer_id")
        }
        XCTAssertEqual(consentDays, ["2026-11-23 import kunden.csv", "2026-11-23 import kunden.csv"])
    }

    func testContactsFile() throws {
        let store = try makeStore()
        try importText(store, .customers, Self.germanCustomers)
        let contacts = """
            Kundennummer;Vorname;Nachname;Funktion;Geburtstag;Geburtstag Partner;Hauptkontakt;ausgeschieden am
            K1;Anna;Schmidt;Einkauf;29.02.1980;;ja;
            K1;Jörg;Müller;"Geschäftsführung; Inhaber";--05-17;3.10.;nein;
            K2;;Weber;;17.5.;;x;30.06.2026

            """
        let report = try importText(store, .contacts, contacts, bom: true)
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(report.inserted, 3)
        let rows = try exportRows(store, .contacts)
        XCTAssertEqual(rows.map { $0["customer"] }, ["K1", "K1", "K2"])
        XCTAssertEqual(rows.map { $0["first_name"] }, ["Anna", "Jörg", ""])
        XCTAssertEqual(rows.map { $0["last_name"] }, ["Schmidt", "Müller", "Weber"])
        XCTAssertEqual(rows.map { $0["role"] }, ["Einkauf", "Geschäftsführung; Inhaber", ""])
        // Text starting with "-" gets the formula guard in CSV.
        XCTAssertEqual(rows.map { $0["birthday"] }, ["1980-02-29", "'--05-17", "'--05-17"])
        XCTAssertEqual(rows.map { $0["partner_birthday"] }, ["", "'--10-03", ""])
        XCTAssertEqual(rows.map { $0["primary"] }, ["1", "0", "1"])
        XCTAssertEqual(rows.map { $0["left_on"] }, ["", "", "2026-06-30"])

        // The same person again updates instead of doubling.
        let update = try importText(store, .contacts, "customer,first_name,last_name,role\nK1,Anna,Schmidt,Einkaufsleitung\n")
        XCTAssertEqual(update.updated, 1)
        XCTAssertEqual(update.inserted, 0)
        let anna = try XCTUnwrap(exportRows(store, .contacts).first)
        XCTAssertEqual(anna["role"], "Einkaufsleitung")
        // Columns the second file does not have are kept.
        XCTAssertEqual(anna["birthday"], "1980-02-29")
        XCTAssertEqual(anna["primary"], "1")
        XCTAssertEqual(try count(store, "contact_person"), 3)
    }

    func testProductsFile() throws {
        let store = try makeStore()
        let products = """
            Artikelnummer;Bezeichnung;Kategorie;Preis;Marge
            A-1;Kopierpapier;Büro;24,00;7,68
            A-2;"Stuhl; ergonomisch";Möbel;1.234,56;

            """
        let report = try importText(store, .products, products, bom: true)
        XCTAssertEqual(report.inserted, 2)
        let rows = try exportRows(store, .products)
        XCTAssertEqual(rows, [
            ["sku": "A-1", "name": "Kopierpapier", "category": "Büro", "price": "24.00", "margin": "7.68"],
            ["sku": "A-2", "name": "Stuhl; ergonomisch", "category": "Möbel", "price": "1234.56", "margin": ""],
        ])
        let again = try importText(store, .products, "sku,name,price\nA-1,Kopierpapier A4,25.50\n")
        XCTAssertEqual(again.updated, 1)
        // Columns the second file does not have are kept.
        XCTAssertEqual(try exportRows(store, .products).first,
                       ["sku": "A-1", "name": "Kopierpapier A4", "category": "Büro", "price": "25.50", "margin": "7.68"])
    }

    func testGermanPurchasesFile() throws {
        let store = try makeStore()
        try importText(store, .customers, Self.germanCustomers)
        try importText(store, .products, "sku,name\nA-1,Papier\nA-2,Stuhl\n")
        let purchases = """
            Kundennummer;Datum;Betrag;Artikelnummer;Menge;Belegnummer;Rabatt;Deckungsbeitrag
            K1;15.03.2026;1.234,56;A-1;3;R-100;10,00;400,5
            K1;2026-04-01;99,5;A-2;1;"R-101; Teil eins";;
            K2;1.6.2026;-12,50;;;R-200;;

            """
        let report = try importText(store, .purchases, purchases, bom: true, name: "umsatz.csv")
        XCTAssertEqual(report.rows, 3)
        XCTAssertEqual(report.inserted, 3)
        let rows = try exportRows(store, .purchases)
        XCTAssertEqual(rows, [
            ["customer": "K1", "date": "2026-03-15", "amount": "1234.56", "margin": "400.50", "discount": "10.00",
             "product": "A-1", "quantity": "3", "reference": "R-100"],
            ["customer": "K1", "date": "2026-04-01", "amount": "99.50", "margin": "", "discount": "",
             "product": "A-2", "quantity": "1", "reference": "R-101; Teil eins"],
            ["customer": "K2", "date": "2026-06-01", "amount": "-12.50", "margin": "", "discount": "",
             "product": "", "quantity": "1", "reference": "R-200"],
        ])
        let batch = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT entity || ' ' || file_name || ' ' || rows FROM import_batch ORDER BY id")
        }
        XCTAssertEqual(batch, ["customers file.csv 2", "products file.csv 2", "purchases umsatz.csv 3"])
        // Statistics as of 23.11.2026: K1 bought 1234.56 + 99.50 within the last 12 months.
        try store.refreshStatistics(asOf: today, thresholds: ClassThresholds())
        let accounts = try store.accounts(AccountQuery(sort: .number), limit: 10)
        XCTAssertEqual(accounts.map(\.number), ["K1", "K2"])
        XCTAssertEqual(accounts.map(\.revenue12m), [Money(cents: 133_406), Money(cents: -1250)])
    }

    func testWindows1252File() throws {
        let store = try makeStore()
        let bytes: [UInt8] = Array("number;name;city\nK1;M".utf8) + [0xFC] + Array("ller GmbH;K".utf8) + [0xF6] + Array("ln\n".utf8)
        let report = try store.importCSV(.customers, bytes: bytes, fileName: "alt.csv", options: options())
        XCTAssertTrue(report.readAsWindows1252)
        let row = try XCTUnwrap(exportRows(store, .customers).first)
        XCTAssertEqual(row["name"], "Müller GmbH")
        XCTAssertEqual(row["city"], "Köln")
    }

    func testIgnoredColumnsAreReported() throws {
        let store = try makeStore()
        let report = try importText(store, .customers, "number,name,Lieblingsfarbe\nK1,Alpha,blau\n")
        XCTAssertEqual(report.ignoredColumns, ["Lieblingsfarbe"])
        XCTAssertEqual(report.inserted, 1)
    }
}

/// Issue 11: one Windows-1252 row no longer turns every correct UTF-8 row into `BÃ¤ckerei`,
/// and broken rows are refused with their line and column instead of being merged or cut.
final class StoreImportStrictCSVTests: StoreTestCase {
    func testOnlyTheWindows1252RecordIsReadAsWindows1252() throws {
        let store = try makeStore()
        let bytes = Array("number;name;city\nK1;Bäckerei Schmidt;Köln\nK2;M".utf8) + [0xFC]
            + Array("ller GmbH;K".utf8) + [0xF6] + Array("ln\nK3;Straßenbau;Düren\n".utf8)
        let report = try store.importCSV(.customers, bytes: bytes, fileName: "mixed.csv", options: options())
        XCTAssertEqual(report.windows1252Lines, [3])
        XCTAssertEqual(report.windows1252Summary, "line 3 read as Windows-1252 (not UTF-8)")
        XCTAssertEqual(try exportRows(store, .customers).map { $0["name"] ?? "" },
                       ["Bäckerei Schmidt", "Müller GmbH", "Straßenbau"])
    }

    func testTheSummaryListsAtMostTenLines() {
        var report = ImportReport(entity: .customers)
        report.windows1252Lines = [5, 9]
        XCTAssertEqual(report.windows1252Summary, "lines 5, 9 read as Windows-1252 (not UTF-8)")
        report.windows1252Lines = Array(2...13)
        XCTAssertEqual(report.windows1252Summary, "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more read as Windows-1252 (not UTF-8)")
    }

    func testBrokenRowsAreRefusedWithLineAndColumnAndNothingIsWritten() throws {
        let store = try makeStore()
        let text = "number,name,city\nK1,Alpha,Essen\nK2,Be\u{0}ta,Essen\n\u{FEFF}K3,Gamma,Bonn\nK4,Delta\nK5,\"Epsilon,Essen\nK6,Zeta,Bonn\n"
        let failure = try XCTUnwrap(importFailure(store, .customers, text))
        XCTAssertEqual(failure.problems.map(\.description), [
            "3: column \"name\": a NUL byte (0x00); expected text",
            "4: column \"number\": a byte order mark (U+FEFF) inside the file; expected one only at the very start",
            "5: 2 fields, expected 3 (header)",
            "6: column \"name\": a quoted field is never closed; expected a closing \" (write a quote inside quotes as \"\")",
        ])
        XCTAssertEqual(try count(store, "customer"), 0)
    }

    func testThreeDecimalsAreRefusedNotReadAsThousands() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        let failure = try XCTUnwrap(importFailure(store, .purchases, "customer;date;amount\nK1;2026-01-05;0,001\n"))
        XCTAssertEqual(failure.problems.map(\.description),
                       ["2: column \"amount\": \"0,001\" is not an amount (expected an amount such as 1234.56 or 1.234,56)"])
        XCTAssertEqual(try count(store, "purchase"), 0)
    }
}
