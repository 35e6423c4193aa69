import Foundation
import XCTest

/// Import field checks, store errors, the audit table and key names through the catalogue
/// (issue 15): German under a German locale, English otherwise, with the same facts.
final class GermanMessagesCLITests: CLITestCase {
    static let german: [String: String?] = ["LANG": "de_DE.UTF-8", "LC_TIME": nil, "LC_MONETARY": nil]
    static let english: [String: String?] = ["LANG": "C.UTF-8", "LC_TIME": nil, "LC_MONETARY": nil]

    func testImportProblemsNameFileLineFieldAndExpectationInGerman() throws {
        _ = try loyal(["import", "customers", try write("number,name\nK1,Alpha GmbH\n", to: "stamm.csv").path])
        let purchases = try write("Kundennummer;Datum;Betrag\nK1;01.10.2026;100\nK1;02.10.2026;50\nK1;31.02.2026;12x\n;03.10.2026;5\n",
                                  to: "kunden.csv")
        let german = try loyal(["import", "purchases", purchases.path], env: Self.german)
        XCTAssertEqual(german.status, 1)
        XCTAssertEqual(german.stderr, """
            kunden.csv: Zeile 4, Feld „Datum“: „31.02.2026“ ist kein mögliches Datum (erwartet TT.MM.JJJJ oder JJJJ-MM-TT)
            kunden.csv: Zeile 4, Feld „Betrag“: „12x“ ist kein Betrag (erwartet einen Betrag wie 1.234,56 oder 1234.56)
            kunden.csv: Zeile 5, Feld „Kundennummer“: ist leer
            kunden.csv: nichts importiert: 3 Probleme

            """.replacingOccurrences(of: "kunden.csv", with: purchases.path))
        let english = try loyal(["import", "purchases", purchases.path], env: Self.english)
        XCTAssertEqual(english.stderr, """
            kunden.csv:4: column "Datum": "31.02.2026" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)
            kunden.csv:4: column "Betrag": "12x" is not an amount (expected an amount such as 1234.56 or 1.234,56)
            kunden.csv:5: column "Kundennummer": is empty
            kunden.csv: nothing was imported: 3 problems

            """.replacingOccurrences(of: "kunden.csv", with: purchases.path))

        let customers = try write("Kundennummer;Firma;Land\nK2;Beta KG;Mars\nK3;Gamma AG;Österreich\n", to: "firmen.csv")
        let country = try loyal(["import", "customers", customers.path], env: Self.german)
        XCTAssertTrue(country.stderr.hasPrefix("\(customers.path): Zeile 2, Feld „Land“: „Mars“ ist kein Land, das Loyal kennt "
                                               + "(erwartet einen Namen wie Deutschland oder Österreich oder einen ISO-Code wie DE)\n"),
                      country.stderr)
        let countryEnglish = try loyal(["import", "customers", customers.path], env: Self.english)
        XCTAssertTrue(countryEnglish.stderr.hasPrefix("\(customers.path):2: column \"Land\": \"Mars\" is not a country Loyal knows "
                                                      + "(expected a name such as Deutschland or Austria, or an ISO code such as DE)\n"),
                      countryEnglish.stderr)
    }

    func testTheRejectsFileGivesItsReasonsInTheUsersLanguage() throws {
        let file = try write("Kundennummer;Firma;Kunde seit\nK1;Alpha GmbH;01.01.2020\nK2;;31.02.2026\n", to: "kunden.csv")
        let rejects = home.appendingPathComponent("abgelehnt.csv").path
        let german = try loyal(["import", "customers", file.path, "--skip-bad", rejects], env: Self.german)
        XCTAssertEqual(german.status, 0, german.stderr)
        XCTAssertTrue(german.stderr.contains("\(file.path): 1 Zeile abgelehnt, geschrieben nach \(rejects)"), german.stderr)
        // CSV lines end in CRLF.
        func secondLine() throws -> String {
            let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
            return lines.count > 1 ? lines[1] : lines.joined(separator: "|")
        }
        XCTAssertEqual(try secondLine(),
                       "3,\"Feld „Firma“: ist leer; Feld „Kunde seit“: „31.02.2026“ ist kein mögliches Datum "
                       + "(erwartet TT.MM.JJJJ oder JJJJ-MM-TT)\",K2,,31.02.2026")

        let english = try loyal(["import", "customers", file.path, "--skip-bad", rejects], env: Self.english)
        XCTAssertTrue(english.stderr.contains("\(file.path): 1 row rejected, written to \(rejects)"), english.stderr)
        XCTAssertEqual(try secondLine(),
                       "3,\"column \"\"Firma\"\": is empty; column \"\"Kunde seit\"\": \"\"31.02.2026\"\" is not a date "
                       + "(expected YYYY-MM-DD or DD.MM.YYYY)\",K2,,31.02.2026")
    }

    func testTheAuditTableSpeaksTheReadersLanguageAndJSONStaysStable() throws {
        _ = try loyal(["import", "customers", try write("number,name\nK1,Alpha GmbH\n", to: "stamm.csv").path])
        let german = try loyal(["audit"], env: Self.german)
        XCTAssertEqual(german.status, 0, german.stderr)
        let lines = german.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("ZEIT "), lines[0])
        XCTAssertTrue(lines[0].contains("AKTION") && lines[0].contains("DATENSATZ") && lines[0].contains("ÄNDERUNGEN"), lines[0])
        XCTAssertNotNil(lines[1].range(of: #"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}  import +Import +Kunden +\S*stamm\.csv: 1 Zeilen, 1 neu, 0 aktualisiert$"#,
                                       options: .regularExpression), lines[1])
        XCTAssertEqual(lines[2], "1 Eintrag")

        let english = try loyal(["audit"], env: Self.english)
        let englishLines = english.stdout.components(separatedBy: "\n")
        XCTAssertTrue(englishLines[0].hasPrefix("AT "), englishLines[0])
        XCTAssertNotNil(englishLines[1].range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}  import +import +customers +\S*stamm\.csv: 1 rows, 1 new, 0 updated$"#,
                                              options: .regularExpression), englishLines[1])
        XCTAssertEqual(englishLines[2], "1 entry")

        // JSON keeps the stored action and the ISO UTC time in either language.
        let json = try loyal(["audit", "--format", "json"], env: Self.german)
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(entries.first?["action"] as? String, "import")
        XCTAssertEqual(entries.first?["entity"] as? String, "customers")
        XCTAssertNotNil((entries.first?["at"] as? String)?.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression))
    }

    func testStoreErrorsAreGermanUnderAGermanLocale() throws {
        _ = try loyal(["import", "customers", try write("number,name\nK1,Alpha GmbH\n", to: "stamm.csv").path])
        let german = try loyal(["audit", "--customer", "K999"], env: Self.german)
        XCTAssertEqual(german.status, 1)
        XCTAssertEqual(german.stderr, "Fehler: kein Kunde K999\n")
        XCTAssertEqual(try loyal(["audit", "--customer", "K999"], env: Self.english).stderr, "Error: no customer K999\n")

        let missing = home.appendingPathComponent("nirgends.db").path
        XCTAssertEqual(try loyal(["audit", "--db", missing], env: Self.german).stderr,
                       "Fehler: keine Datenbank unter \(missing); legen Sie eine mit `loyal demo` oder einem Import an\n")
        XCTAssertEqual(try loyal(["audit", "--db", missing], env: Self.english).stderr,
                       "Error: no database at \(missing); create one with `loyal demo` or an import\n")

        XCTAssertEqual(try loyal(["users", "remove", "niemand"], env: Self.german).stderr, "Fehler: niemand ist kein Benutzer\n")
        XCTAssertEqual(try loyal(["users", "remove", "niemand"], env: Self.english).stderr, "Error: niemand is not a user\n")
    }

    func testLoyalKeysNamesTheKeysInGerman() throws {
        let german = try loyal(["keys", "--lang", "de"])
        XCTAssertEqual(german.status, 0, german.stderr)
        for name in ["`Eingabe`", "`Bild↓`", "`Bild↑`", "`Pos1`", "`Ende`", "`Leertaste`", "`Esc`", "`Strg-L`", "`↓`", "`→`"] {
            XCTAssertTrue(german.stdout.contains(name), "\(name) missing:\n\(german.stdout)")
        }
        for name in ["`Enter`", "`PgDn`", "`PgUp`", "`Home`", "`End`", "`Space`", "`Ctrl-L`", "`Down`", "`Right`"] {
            XCTAssertFalse(german.stdout.contains(name), "\(name) is English")
        }
        let english = try loyal(["keys"], env: Self.english)
        for name in ["`Enter`", "`PgDn`", "`Home`", "`End`", "`Space`", "`Ctrl-L`", "`Down`"] {
            XCTAssertTrue(english.stdout.contains(name), "\(name) missing:\n\(english.stdout)")
        }
        XCTAssertFalse(english.stdout.contains("`Eingabe`"))
    }
    func testTheTablesHeadingsAndWordsAreGermanAndJSONStaysEnglish() throws {
        let db = home.appendingPathComponent("tabellen.db").path
        XCTAssertEqual(try loyal(["demo", "--customers", "120", "--db", db]).status, 0)
        let accounts = try loyal(["accounts", "--db", db, "--limit", "5"], env: Self.german)
        XCTAssertEqual(accounts.status, 0, accounts.stderr)
        let heading = accounts.stdout.split(separator: "\n").first.map(String.init) ?? ""
        for word in ["NUMMER", "NAME", "ORT", "KL", "WERT", "UMSATZ 12M", "LETZTER KAUF", "RISIKO", "BETREUER"] {
            XCTAssertTrue(heading.contains(word), "\(word) missing: \(heading)")
        }
        XCTAssertFalse(heading.contains("NUMBER"), heading)
        let english = try loyal(["accounts", "--db", db, "--limit", "5"], env: Self.english)
        XCTAssertTrue(english.stdout.hasPrefix("NUMBER"), english.stdout)

        let agenda = try loyal(["agenda", "--db", db, "--days", "30"], env: Self.german)
        XCTAssertEqual(agenda.status, 0, agenda.stderr)
        XCTAssertTrue(agenda.stdout.contains("KANAL"), agenda.stdout)
        XCTAssertTrue(["Besuch", "Telefon", "E-Mail", "Brief"].contains { agenda.stdout.contains($0) }, agenda.stdout)
        for word in ["CHANNEL", "Visit ", "Phone ", "OVERDUE", "TODAY"] {
            XCTAssertFalse(agenda.stdout.contains(word), "\(word) is English:\n\(agenda.stdout)")
        }
        let json = try loyal(["agenda", "--db", db, "--days", "30", "--format", "json"], env: Self.german)
        XCTAssertTrue(json.stdout.contains("\"channel\""), json.stdout)
        XCTAssertFalse(json.stdout.contains("\"KANAL\""), json.stdout)
    }
}
