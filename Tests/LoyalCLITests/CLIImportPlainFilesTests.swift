import Foundation
import XCTest

/// `loyal import FILE` on plain lists (no CRM layout): the entity is read from the header
/// names and said on stderr; people find or become their customers; every import warns
/// about the likely duplicates it creates, a dry run too.
final class CLIImportPlainFilesTests: CLITestCase {
    var db: String { home.appendingPathComponent("plain.db").path }

    func testThePlainListsOfEachEntityAreReadFromTheirHeader() throws {
        let files: [(String, String, String)] = [
            ("kunden.csv", "Kundennummer;Firma;PLZ;Ort\nK1;Bäckerei Groß GmbH;01067;Dresden\nK2;Holzbau Berg;10115;Berlin\n", "customers"),
            ("leute.csv", "Kundennummer;Vorname;Nachname;E-Mail\nK1;Anna;Schulz;anna@gross.example\n", "contacts"),
            ("umsatz.csv", "customer,date,amount\nK1,2026-11-02,120.50\n", "purchases"),
            ("besuche.csv", "Kunde;Datum;Notiz\nK2;12.11.2026;Will im Frühjahr neu bestellen\n", "feedback"),
        ]
        for (name, text, entity) in files {
            let result = try loyal(["import", try write(text, to: name).path, "--db", db])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(name): read as \(entity) (from its header names; name the entity to read it otherwise)"),
                          result.stderr)
            XCTAssertTrue(result.stdout.contains("imported \(entity)"), result.stdout)
        }
        let detected = try loyal(["import", home.appendingPathComponent("kunden.csv").path, "--db", db])
        XCTAssertTrue(detected.stderr.contains("columns: Kundennummer → number, Firma → name, PLZ → postal_code, Ort → city"),
                      detected.stderr)
        XCTAssertTrue(try loyal(["export", "contacts", "--db", db]).stdout.contains("K1,Anna,Schulz,,anna@gross.example,"))
        XCTAssertTrue(try loyal(["export", "purchases", "--db", db]).stdout.contains("K1,2026-11-02,120.50,"))
        XCTAssertTrue(try loyal(["export", "interactions", "--db", db]).stdout.contains("Will im Frühjahr neu bestellen"))
    }

    func testAHeaderThatFitsTwoEntitiesOrNoneAsksWhatTheFileHolds() throws {
        let both = try loyal(["import", try write("Kundennummer;Name\nK1;Schulz\n", to: "zwei.csv").path, "--db", db])
        XCTAssertEqual(both.status, 64, both.stderr)
        XCTAssertTrue(both.stderr.contains("zwei.csv: say what it holds (loyal import customers|contacts FILE): its header fits "
                                           + "customers and contacts alike"), both.stderr)
        let none = try loyal(["import", try write("Farbe;Größe\nrot;XL\n", to: "nichts.csv").path, "--db", db])
        XCTAssertEqual(none.status, 64)
        XCTAssertTrue(none.stderr.contains("nichts.csv: say what it holds"), none.stderr)
        XCTAssertTrue(none.stderr.contains("its header is no layout Loyal knows"), none.stderr)
        let named = try loyal(["import", "contacts", home.appendingPathComponent("zwei.csv").path, "--db", db, "--create-customers"])
        XCTAssertEqual(named.status, 0, named.stderr)
    }

    func testPeopleWithACompanyNameOrNoneAndTheDuplicatesWarning() throws {
        XCTAssertEqual(try loyal(["import", try write("number,name,postal_code\nK100017,Bäckerei Groß GmbH,01067\n", to: "k.csv").path,
                                  "--db", db]).status, 0)
        let people = try write("""
            Name;Firma;E-Mail;Mobil;Geburtstag
            Dr. Anna Maria Schulz;BAECKEREI GROSS;anna@gross.example, anna.schulz@privat.example (privat);0170 1234567;17.05.1980 00:00
            "Schulz, Bernd";Neue Firma AG;bernd@neu.example;;--05-17
            Carla Privat;;carla@example.de;0171 999;05-17

            """, to: "leute.csv")
        let refused = try loyal(["import", people.path, "--db", db])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("leute.csv:3: column \"Firma\": no customer is named \"Neue Firma AG\" (import the "
                                              + "companies first, or use --create-customers to create it)"), refused.stderr)
        let dry = try loyal(["import", people.path, "--db", db, "--create-customers", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("leute.csv: OK, 3 rows would be imported, 2 customers would be created (dry run: nothing written)"),
                      dry.stdout)
        let ok = try loyal(["import", people.path, "--db", db, "--create-customers"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("leute.csv: imported contacts: 3 rows, 3 new, 0 updated, 2 customers created"), ok.stdout)
        let contacts = try loyal(["export", "contacts", "--db", db]).stdout
        XCTAssertTrue(contacts.contains("K100017,Anna Maria,Schulz,,anna@gross.example,,anna.schulz@privat.example,,0170 1234567,,,,1980-05-17,"),
                      contacts)
        XCTAssertTrue(contacts.contains("F000001,Bernd,Schulz,,bernd@neu.example,"), contacts)
        XCTAssertTrue(contacts.contains(",Carla,Privat,,carla@example.de,,,,0171 999,,,,'--05-17,"), contacts)
        // A customers file with the bakery once more, and an empty file's dry run: the warning names both records.
        let twin = try write("number,name,postal_code\nK100245,BAECKEREI GROSS gmbh,01067\n", to: "twin.csv")
        let dryTwin = try loyal(["import", twin.path, "--db", db, "--dry-run"])
        XCTAssertTrue(dryTwin.stderr.contains("twin.csv: 1 likely duplicate this import would create (loyal duplicates lists them): "
                                              + "K100245 \"BAECKEREI GROSS gmbh\" ~ K100017 \"Bäckerei Groß GmbH\" (same name)"),
                      dryTwin.stderr)
        let imported = try loyal(["import", twin.path, "--db", db])
        XCTAssertTrue(imported.stderr.contains("twin.csv: 1 likely duplicate created by this import (loyal duplicates lists them): "
                                               + "K100245 \"BAECKEREI GROSS gmbh\" ~ K100017 \"Bäckerei Groß GmbH\" (same name)"),
                      imported.stderr)
        XCTAssertTrue(try loyal(["duplicates", "--db", db]).stdout.contains("K100017 Bäckerei Groß GmbH"))
    }

    func testAVCardImportWarnsOfItsDuplicatesToo() throws {
        XCTAssertEqual(try loyal(["import", "customers", try write("number,name\nK1,Bäckerei Groß GmbH\n", to: "k.csv").path,
                                  "--db", db]).status, 0)
        let card = try write("""
            BEGIN:VCARD\r
            VERSION:3.0\r
            N:Schulz;Anna;;;\r
            FN:Anna Schulz\r
            ORG:Bäckerei Groß\r
            EMAIL;TYPE=work:anna@gross.example\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:3.0\r
            N:SCHULZ;ANNA;;;\r
            FN:ANNA SCHULZ\r
            ORG:BAECKEREI GROSS GMBH\r
            EMAIL:Anna@Gross.example\r
            END:VCARD\r

            """, to: "anna.vcf")
        let result = try loyal(["import", card.path, "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("2 cards read, 2 people imported (2 new, 0 updated)"), result.stdout)
        XCTAssertTrue(result.stderr.contains("anna.vcf: 1 likely duplicate created by this import (loyal duplicates lists them): "
                                             + "contact K1 \"Anna Schulz\" ~ K1 \"ANNA SCHULZ\" (same name, same e-mail)"), result.stderr)
    }
}
