import XCTest

/// Import messages and summaries through the catalogue (issue 15): German under a German
/// locale, English otherwise, with the same figures.
final class GermanImportCLITests: CLITestCase {
    func testTheImportSummaryIsGermanUnderAGermanLocale() throws {
        let file = try write("number,name,rep\nK1,Alpha GmbH,AB\nK2,Beta KG,AB\n", to: "kunden.csv").path
        let german = try loyal(["import", "customers", file], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(german.status, 0, german.stderr)
        XCTAssertEqual(german.stdout, """
            \(file): Kunden importiert: 2 Zeilen, 2 neu, 0 aktualisiert, neue Außendienst-Kürzel: AB
            2 Kunden neu berechnet, Stand 2026-11-23: 0 in der Frühwarnung

            """)
        let again = try write("number,name\nK1,Alpha GmbH\nK3,Gamma AG\n", to: "more.csv").path
        let english = try loyal(["import", "customers", again], env: ["LANG": "C"])
        XCTAssertEqual(english.stdout, """
            \(again): imported customers: 2 rows, 1 new, 1 updated
            refreshed 3 customers as of 2026-11-23: 0 on the early-warning panel

            """)

        let purchases = try write("customer,date,amount\nK1,2026-10-01,100\n", to: "kaeufe.csv").path
        XCTAssertEqual(try loyal(["import", "purchases", purchases], env: ["LANG": "de_DE.UTF-8"]).status, 0)
        let twice = try loyal(["import", "purchases", purchases], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("diese Datei wurde schon am "), twice.stderr)
        XCTAssertTrue(twice.stderr.contains("ein neuer Import würde ihre Käufe doppelt zählen"), twice.stderr)
        XCTAssertTrue(twice.stderr.hasSuffix("\(purchases): nichts importiert: 1 Problem\n"), twice.stderr)

        let dry = try loyal(["import", "customers", again, "--dry-run"], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertTrue(dry.stdout.hasSuffix("\(again): OK, 2 Zeilen würden importiert (Probelauf: nichts geschrieben)\n"), dry.stdout)
    }
}
