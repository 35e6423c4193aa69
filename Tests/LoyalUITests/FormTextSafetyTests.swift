import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Issue 11: forms refuse control characters and bidi overrides at the field (pasted
/// text arrives as characters), say why, save nothing and keep what was typed.
final class SoftFactsTextSafetyTests: UITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openImported([(.customers, "number,name,city\nK1,Holzwurm GmbH,Berlin\n")])
        try launch()
        press(.enter, .char("e"))
    }

    private func row(_ label: String) -> String { term.lines.first { $0.hasPrefix("  \(label) ") } ?? "" }
    private var customer: Customer { get throws { try XCTUnwrap(try store.customer(id: accounts()[0].id)) } }

    func testABidiOverrideInAOneLineFieldIsRefusedAndTheTextKept() throws {
        type("Bio")
        press(.char("\u{202E}"))
        type("kaffee")
        XCTAssertTrue(row("Preferences").contains("✗ contains U+202E"), row("Preferences"))
        XCTAssertTrue(row("Preferences").contains("Bio<U+202E>kaffee"), "shown visibly, kept: \(row("Preferences"))")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: Preferences — contains U+202E"), statusRow)
        XCTAssertTrue(term.row(1).hasPrefix(" Soft facts of Holzwurm GmbH"), "still on the form")
        XCTAssertEqual(try customer.preferences, "")

        press(.left, times: 6)
        press(.backspace)
        XCTAssertFalse(row("Preferences").contains("✗"), row("Preferences"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Saved"), statusRow)
        XCTAssertEqual(try customer.preferences, "Biokaffee")
    }

    func testNotesTakeLineBreaksButNotEscapes() throws {
        press(.tab, times: 7)
        type("Zeile eins")
        press(.enter)
        type("Zeile zwei")
        XCTAssertFalse(row("Notes").contains("✗"), row("Notes"))
        press(.char("\u{1B}"))
        XCTAssertTrue(row("Notes").contains("✗ contains U+001B"), row("Notes"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: Notes — contains U+001B"), statusRow)
        XCTAssertEqual(try customer.notes, "")
        press(.backspace, .ctrl("s"))
        XCTAssertEqual(try customer.notes, "Zeile eins\nZeile zwei")
    }
}

final class VisitFormTextSafetyTests: VisitFormTestCase {
    func testAnEscapeInTheVisitNotesIsRefusedAndNothingSaved() throws {
        try openVisits()
        press(.char("v"))
        type(String(repeating: "\t", count: 15))
        XCTAssertEqual(focusedField, "Notes")
        type("gut gelaufen ")
        press(.char("\u{1B}"))
        type("]0;pwned")
        XCTAssertTrue(field("Notes").contains("✗ contains U+001B"), field("Notes"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Not saved: Notes — contains U+001B (a control character)"), statusRow)
        XCTAssertEqual(try count("interaction", "day = '2026-11-23'"), 0)
        XCTAssertTrue(field("Notes").contains("gut gelaufen ^[]0;pwned"), "the text is kept: \(field("Notes"))")
        XCTAssertEqual(try draftValues()[.notes], "gut gelaufen \u{1B}]0;pwned", "and so is the draft")
        // Removing the character lets it save.
        press(.left, times: 8)
        press(.backspace)
        XCTAssertFalse(field("Notes").contains("✗"), field("Notes"))
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Saved"), statusRow)
        XCTAssertEqual(try count("interaction", "day = '2026-11-23' AND notes = 'gut gelaufen ]0;pwned'"), 1)
    }
}
