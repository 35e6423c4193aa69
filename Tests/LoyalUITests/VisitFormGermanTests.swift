import XCTest
import LoyalCore
import LoyalTerminal
@testable import LoyalUI

/// The visit form in German (LANG=de_DE…): labels, hints, dates with German weekdays,
/// validation messages and the confirm box; with English chosen again the same form is English.
final class VisitFormGermanTests: VisitFormTestCase {
    override func setUpWithError() throws {
        Text.use(.de)
        try super.setUpWithError()
        try openVisits()
    }

    override func tearDownWithError() throws {
        Text.use(LanguageChoice(.en, explicit: false))
        try super.tearDownWithError()
    }

    func testTheVisitFormSpeaksGerman() throws {
        press(.char("v"))
        assertScreenContains(" Besuchsbericht: Holzwurm GmbH (K1, Berlin)")
        for label in ["Kunde", "Datum", "Kanal", "Getroffen", "Zufriedenheit (1–5)", "Aufwand (1–7)", "Beratung (1–5)",
                      "Einschätzung (1–5)", "Themen", "Reklamation", "Wettbewerber genannt", "Preisdruck", "Interesse an",
                      "Kündigung", "Notizen", "Nächster Schritt", "Wiedervorlage"] {
            XCTAssertFalse(field(label).isEmpty, "no field \(label):\n\(screen)")
        }
        // 23.11.2026 is a Monday; the channel shows as a German word, the contacts with German boxes.
        XCTAssertTrue(field("Datum").contains("→ Mo 23.11.2026"), field("Datum"))
        XCTAssertTrue(field("Kanal").contains("‹ Besuch ›"), field("Kanal"))
        XCTAssertTrue(field("Preisdruck").contains("[ ] nein"), field("Preisdruck"))
        for english in ["Satisfaction", "Effort", "Next step", "Follow-up", "Visit feedback", "Price pressure", "[ ] no"] {
            assertScreenLacks(english)
        }

        press(.tab, .tab, .tab, .char("1"), .char("1"))
        XCTAssertEqual(focusedField, "NPS (0–10)")
        XCTAssertTrue(field("NPS (0–10)").contains("✗ 0 bis 10"), field("NPS (0–10)"))
        XCTAssertEqual(term.row(term.height - 2).trimmingCharacters(in: .whitespaces), "✗ NPS (0–10): 0 bis 10")

        press(.char("9"), .escape)
        assertScreenContains("Diesen Besuchsbericht verwerfen?")
    }

    func testAnInvalidFollowUpIsRefusedInGerman() throws {
        press(.char("v"))
        for _ in 0..<17 { press(.tab) }
        XCTAssertEqual(focusedField, "Wiedervorlage")
        type("31.02.")
        press(.ctrl("s"))
        assertScreenContains("Nicht gespeichert: Wiedervorlage — kein Datum (+7, 12.3., 12.03.2026)")
    }
}
