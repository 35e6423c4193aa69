import XCTest

/// Under a German locale Loyal answers in German, without the de_DE locale being installed
/// (only the variable's text counts); --lang and LC_ALL override LANG.
final class GermanCLITests: CLITestCase {
    func testAnUnknownCustomerNumberIsAGermanErrorUnderAGermanLocale() throws {
        _ = try loyal(["import", "customers", try write("number,name\nK1,Alpha\n", to: "c.csv").path])
        let german = try loyal(["feedback", "add", "--customer", "K999", "--nps", "5"], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(german.status, 1)
        XCTAssertEqual(german.stderr, "Fehler: kein Kunde hat die Nummer \"K999\"\n")
        let english = try loyal(["feedback", "add", "--customer", "K999", "--nps", "5"], env: ["LANG": "C"])
        XCTAssertEqual(english.stderr, "Error: no customer has the number \"K999\"\n")
        let flag = try loyal(["--lang", "en", "feedback", "add", "--customer", "K999"], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertEqual(flag.stderr, "Error: no customer has the number \"K999\"\n")
        let lcAll = try loyal(["feedback", "add", "--customer", "K999"], env: ["LANG": "en_US.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        XCTAssertEqual(lcAll.stderr, "Fehler: kein Kunde hat die Nummer \"K999\"\n")
    }

    func testTheLanguageSettingAndLoyalsOwnHelpTexts() throws {
        let config = home.appendingPathComponent("config.toml")
        try "[display]\nlanguage = \"de\"\n".write(to: config, atomically: true, encoding: .utf8)
        let sub = try loyal(["demo", "--config", config.path, "--help"], env: ["LANG": "C.UTF-8"])
        XCTAssertTrue(sub.stdout.contains("OVERVIEW: Eine glaubwürdige Demo-Firma"), sub.stdout)
        let help = try loyal(["--help"], env: ["LANG": "de_DE.UTF-8"])
        XCTAssertTrue(help.stdout.contains("OVERVIEW: Kundenbindung für Außendienst und Vertrieb"), help.stdout)
        XCTAssertTrue(help.stdout.contains("Ohne Unterbefehl öffnet Loyal"), help.stdout)
        let english = try loyal(["--help"], env: ["LANG": "C.UTF-8"])
        XCTAssertTrue(english.stdout.contains("OVERVIEW: Customer retention dashboard"), english.stdout)
        let bad = try loyal(["--lang", "fr", "accounts"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.hasPrefix("Error: --lang \"fr\" is not a language Loyal speaks (de or en)"), bad.stderr)
    }
}
