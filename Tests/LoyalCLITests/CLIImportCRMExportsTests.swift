import Foundation
import GRDB
import LoyalCore
import XCTest

/// The ten fixtures of Tests/Fixtures/crm-headers as they are (the real header lines with
/// made-up rows and the quirks of real exports: a person without company, two e-mails in one
/// cell, only a whole Name, birthdays, a company named but not referenced by id, and one
/// near-duplicate per file), imported with `loyal import FILE --skip-bad`, companies first.
/// Only the one genuinely unplaceable row (a HubSpot contact with an e-mail and no name)
/// lands in a rejects file; names, cities, e-mails, phones and birthdays are checked field by field.
final class CLIImportCRMExportsTests: CLITestCase {
    static let order: [(file: String, preset: String, duplicate: String)] = [
        ("hubspot_companies_export.csv", "hubspot-companies",
         #"9002 "Bäckerei Groß GmbH" ~ 9004 "Bäckerei  Gross GmbH" (same name, same phone)"#),
        ("salesforce_Account.csv", "salesforce-account",
         #"0015g00000AbCdEAAZ "Metall Müller KG" ~ 0015g00000AbCdGAAZ "METALL MÜLLER KG" (same name)"#),
        ("pipedrive_organizations_export.csv", "pipedrive-organizations", #"77 "Blumen Rose OHG" ~ 79 "blumen rose ohg" (same name)"#),
        ("kunden_de_utf8bom.csv", "excel-kunden", #"10001 "Bäckerei Böhme GmbH" ~ 10004 "Baeckerei Boehme GmbH" (same name, same e-mail)"#),
        ("kunden_de_cp1252.csv", "excel-kunden", #"20001 "Bäckerei Böhme GmbH" ~ 10001 "Bäckerei Böhme GmbH" (same name, same e-mail, same phone)"#),
        ("hubspot_contacts_export.csv", "hubspot-contacts", #"contact 9001 "Eva Berg" ~ 9001 "EVA BERG" (same name, same e-mail)"#),
        ("hubspot_contacts_export_allprops.csv", "hubspot-contacts",
         #"contact 9003 "Tom Krüger" ~ 9003 "Tom Krueger" (same name, same e-mail)"#),
        ("salesforce_Contact.csv", "salesforce-contact", #""Bärbel Weiß" ~ "#),
        ("salesforce_Contact_iso-8859-1.csv", "salesforce-contact",
         #"contact 0015g00000AbCdFAAZ "Jörg Bäumer" ~ 0015g00000AbCdFAAZ "Joerg Baeumer" (same name, same e-mail)"#),
        ("pipedrive_people_export.csv", "pipedrive-people", #"contact 77 "Rita Rose" ~ 77 "RITA ROSE" (same name, same e-mail)"#),
    ]

    var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/crm-headers")
    }

    var db: String { home.appendingPathComponent("crm.db").path }

    /// Imports every fixture in order; returns each import's result by file.
    @discardableResult
    func importAll(file: StaticString = #filePath, line: UInt = #line) throws -> [String: Result] {
        var results: [String: Result] = [:]
        for (name, preset, _) in Self.order {
            let rejects = home.appendingPathComponent("rejects-" + name).path
            let result = try loyal(["import", fixtures.appendingPathComponent(name).path, "--skip-bad", rejects, "--db", db])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)", file: file, line: line)
            XCTAssertTrue(result.stderr.contains("(--preset \(preset))"), "\(name): \(result.stderr)", file: file, line: line)
            results[name] = result
        }
        return results
    }

    /// An export as one dictionary per row (CSV read properly: streets hold line breaks),
    /// without the formula guard `'` before `+`.
    func export(_ entity: String) throws -> [[String: String]] {
        let out = try loyal(["export", entity, "--db", db]).stdout
        var reader = CSVReader(bytes: Array(out.utf8))
        let header = try XCTUnwrap(try reader.next()).fields
        var rows: [[String: String]] = []
        while let r = try reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, r.fields.map { $0.hasPrefix("'+") ? String($0.dropFirst()) : $0 })))
        }
        return rows
    }

    func testEveryLayoutImportsAsExportedAndOnlyTheNamelessContactIsRejected() throws {
        let results = try importAll()
        for (name, _, _) in Self.order {
            let expected = name == "hubspot_contacts_export.csv" ? 1 : 0
            XCTAssertTrue(results[name]!.stdout.contains(", \(expected) rejected (in "), "\(name): \(results[name]!.stdout)")
        }
        let rejects = try String(contentsOf: home.appendingPathComponent("rejects-hubspot_contacts_export.csv"), encoding: .utf8)
        XCTAssertTrue(rejects.contains("\n6,\"column \"\"Last Name\"\": is empty\",505,,,newsletter-only@example.de,"), rejects)
        let customers = try export("customers"), people = try export("contacts")
        XCTAssertEqual(customers.count, 4 + 3 + 3 + 4 + 4 + 5, "the companies, the Excel lists and five private customers")
        XCTAssertEqual(people.count, 8 + 4 + 3 + 4 + 3 + 4, "the Excel lists' people and those of the six people files")
        XCTAssertTrue(results["salesforce_Contact_iso-8859-1.csv"]!.stderr.contains("read as Windows-1252"))
    }

    func testTheCompaniesFieldByField() throws {
        try importAll()
        let c = Dictionary(uniqueKeysWithValues: try export("customers").map { ($0["number"]!, $0) })
        func check(_ number: String, _ expected: [String: String], line: UInt = #line) {
            for (field, value) in expected { XCTAssertEqual(c[number]?[field], value, "\(number) \(field)", line: line) }
        }
        check("9001", ["name": "Holzbau Berg GmbH", "city": "Berlin", "country": "DE", "phone": "+49 30 5550100",
                       "since": "2024-01-15", "industry": "Construction", "kind": "business"])
        check("9004", ["name": "Bäckerei  Gross GmbH", "city": "Dresden", "phone": "0351 5550200"])
        check("0015g00000AbCdEAAZ", ["name": "Metall Müller KG", "street": "Industriestraße 5\nHalle 3", "postal_code": "1010",
                                     "city": "Wien", "country": "AT", "phone": "+43 1 5550100", "employees": "12",
                                     "since": "2023-04-12"])
        check("0015g00000AbCdFAAZ", ["name": "Elektro Schmidt GmbH", "street": "Domstraße 20", "city": "Köln", "country": "DE",
                                     "notes": "Rahmenvertrag seit 2021"])
        check("77", ["name": "Blumen Rose OHG", "postal_code": "20095", "city": "Hamburg", "website": "https://blumen-rose.example",
                     "employees": "4", "since": "2023-05-02"])
        check("78", ["name": "Gärtnerei Sonnenschein", "postal_code": "22297"])
        for n in ["1000", "2000"] {
            check(n + "1", ["name": "Bäckerei Böhme GmbH", "street": "Hauptstraße 1", "postal_code": "01067", "city": "Dresden",
                            "email": "jb@baeckerei-boehme.example", "phone": "0351 5550100", "notes": "Stammkunde", "kind": "business"])
            check(n + "2", ["name": "Gisela Lange", "kind": "consumer", "street": "Lindenweg 3", "postal_code": "04109",
                            "city": "Leipzig", "email": "gisela.lange@example.de", "notes": "Privatkundin, zahlt bar"])
            check(n + "3", ["name": "Friseur Öztürk", "postal_code": "09111", "city": "Chemnitz"])
        }
        // A person without a company is a private customer named after the person.
        for name in ["Paula Privat", "Ingrid Sommer", "Bärbel Weiß", "Käthe Größer", "Lena Vogel"] {
            let found = c.values.filter { $0["name"] == name }
            XCTAssertEqual(found.count, 1, name)
            XCTAssertEqual(found.first?["kind"], "consumer", name)
            XCTAssertTrue(found.first?["number"]?.hasPrefix("P-") == true, name)
        }
        // What no field takes is kept, the Windows-1252 € as €.
        let extra = try DatabaseQueue(path: db).read { db in
            try String.fetchOne(db, sql: "SELECT extra FROM customer WHERE number = '20001'")
        }
        XCTAssertTrue(extra?.contains(#""Anrede":"Herr""#) == true, extra ?? "")
        XCTAssertTrue(extra?.contains(#""Umsatz 2024 (€)":"12.345,67 €""#) == true, extra ?? "")
    }

    func testThePeopleFieldByField() throws {
        try importAll()
        let customers = try export("customers")
        func number(_ name: String) -> String { customers.first { $0["name"] == name }?["number"] ?? "?" }
        let people = try export("contacts")
        func check(_ first: String, _ last: String, _ expected: [String: String], line: UInt = #line) {
            let found = people.filter { $0["first_name"] == first && $0["last_name"] == last }
            XCTAssertEqual(found.count, 1, "\(first) \(last)", line: line)
            for (field, value) in expected {
                XCTAssertEqual(found.first?[field], value, "\(first) \(last) \(field)", line: line)
            }
        }
        // HubSpot: a company by id; one by name only (no legal form); two e-mails in one cell; no company.
        check("Eva", "Berg", ["customer": "9001", "email": "eva.berg@holzbau-berg.example", "phone": "+49 30 5550101"])
        check("Jens", "Groß", ["customer": "9002", "email": "jens@baeckerei-gross.example; jens.gross@privat.example",
                               "phone": "0351 5550201"])
        check("Paula", "Privat", ["customer": number("Paula Privat"), "email": "paula.privat@example.de", "phone": "+49 170 5550303"])
        // HubSpot with every property: Email and Work email, Mobile, a birthday as a date-time.
        check("Tom", "Krüger", ["customer": "9003", "role": "Einkauf", "birthday": "1980-07-09",
                                "email": "tom.krueger@metzgerei-nowak.example; einkauf@metzgerei-nowak.example",
                                "phone": "+49 89 5550301", "mobile": "+49 171 5550301"])
        check("Ingrid", "Sommer", ["customer": number("Ingrid Sommer"), "birthday": "1975-03-04", "mobile": "+49 160 5550602",
                                   "phone": "", "email": "ingrid.sommer@example.de"])
        // Salesforce: AccountId; Phone, MobilePhone, HomePhone, OtherPhone; Birthdate; ISO-8859-1.
        check("Jürgen", "Schmitz", ["customer": "0015g00000AbCdEAAZ", "role": "Geschäftsführer", "birthday": "1975-03-04",
                                    "email": "js@metall-mueller.example", "phone": "+43 1 5550101", "mobile": "+43 664 5550101"])
        check("Bärbel", "Weiß", ["customer": number("Bärbel Weiß"), "birthday": "1982-12-24", "email": "baerbel.weiss@example.at",
                                 "phone_home": "+43 316 5550999"])
        check("Karl", "Schmidt", ["customer": "0015g00000AbCdFAAZ", "phone": "+49 221 5550201", "phone_other": "+49 221 5550299"])
        check("Jörg", "Bäumer", ["customer": "0015g00000AbCdFAAZ", "role": "Meister", "birthday": "1969-02-28",
                                 "email": "joerg.baeumer@elektro-schmidt.example", "mobile": "+49 172 5550202"])
        check("Käthe", "Größer", ["customer": number("Käthe Größer"), "birthday": "1990-08-15", "phone_home": "+43 512 5550777"])
        // Pipedrive: two work e-mails in one cell, a home one; only "Dr. Hans Sonnenschein" and the organization's name.
        check("Rita", "Rose", ["customer": "77", "role": "Inhaberin", "email": "rita@blumen-rose.example; info@blumen-rose.example",
                               "email_home": "rita.rose@privat.example", "phone": "040 5550120", "mobile": "0170 5550120"])
        check("Hans", "Sonnenschein", ["customer": "78", "email": "hans@gaertnerei-sonnenschein.example", "phone": "040 5550130"])
        check("Lena", "Vogel", ["customer": number("Lena Vogel"), "email_home": "lena.vogel@example.de", "mobile": "0151 5550999",
                                "phone_home": "040 5550999", "notes": "Kauft zu Weihnachten"])
        // The Excel lists' persons, with their birthdays; a private customer's e-mail is the person's.
        for n in ["1000", "2000"] {
            let jens = people.first { $0["customer"] == n + "1" }, gisela = people.first { $0["customer"] == n + "2" }
            XCTAssertEqual([jens?["first_name"], jens?["last_name"], jens?["birthday"]], ["Jens", "Böhme", "1970-04-03"])
            XCTAssertEqual([gisela?["first_name"], gisela?["birthday"], gisela?["email"], gisela?["phone"]],
                           ["Gisela", "1955-05-17", "gisela.lange@example.de", "0341 5550200"])
            XCTAssertEqual(people.first { $0["customer"] == n + "3" }?["birthday"], "1984-02-29")
        }
        let title = try DatabaseQueue(path: db).read { db in
            try String.fetchOne(db, sql: "SELECT extra FROM contact_person WHERE last_name = 'Sonnenschein'")
        }
        XCTAssertTrue(title?.contains(#""name_title":"Dr.""#) == true, title ?? "")
    }

    func testEachFilesNearDuplicateIsReportedByItsImport() throws {
        let results = try importAll()
        for (name, _, duplicate) in Self.order {
            let err = results[name]!.stderr
            XCTAssertTrue(err.contains("likely duplicate"), "\(name): \(err)")
            XCTAssertTrue(err.contains("created by this import (loyal duplicates lists them): "), "\(name): \(err)")
            XCTAssertTrue(err.contains(duplicate), "\(name): \(err)")
        }
        XCTAssertTrue(results["hubspot_companies_export.csv"]!.stderr.contains(": 1 likely duplicate created by this import"))
        // Importing a file again changes nothing and warns of the same record again, created by nobody new.
        let again = try loyal(["import", fixtures.appendingPathComponent("pipedrive_people_export.csv").path, "--db", db])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("4 rows, 0 new, 4 updated"), again.stdout)
    }
}
