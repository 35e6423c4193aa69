import Foundation
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The audit view (`A` on the Team tab): newest first, paged by id, `/` search, `u` and `c` filters, Enter
/// shows each field's before and after; managers and admins only.
final class AuditScreenTests: UITestCase {
    static let customers = "number,name,rep,city\nK1,Adler GmbH,AB,Berlin\nK2,Birke KG,AB,Bonn\nK3,Clemens AG,CD,Celle\n"

    /// Three soft-facts edits: anna on K1 (Kaffee), max on K2 (Tee), anna on K1 again (Kakao).
    private func openEdited() throws {
        try openImported([(.customers, Self.customers)])
        for (number, preference, actor) in [("K1", "Kaffee", "anna"), ("K2", "Tee", "max"), ("K1", "Kakao", "anna")] {
            let id = try XCTUnwrap(accounts().first { $0.number == number }).id
            var c = try XCTUnwrap(store.customer(id: id))
            c.preferences = preference
            try store.saveSoftFacts(c, actor: actor)
        }
    }

    /// The audit's people-made entries as the list shows them: user, customer.
    private var entryLines: [String] { listRows.filter { $0.contains("edit soft facts") } }

    func testTheAuditListsNewestFirstAndEnterShowsBeforeAndAfter() throws {
        try openEdited()
        try launch(width: 120, height: 30)
        press(.char("5"))
        XCTAssertTrue(statusRow.contains(" A audit "), statusRow)
        press(.char("A"))
        XCTAssertTrue(titleRow.hasPrefix(" Audit · every user · every customer"), titleRow)
        XCTAssertTrue(headerRow.contains("When") && headerRow.contains("Changes"), headerRow)
        let lines = entryLines
        XCTAssertEqual(lines.count, 3, screen)
        XCTAssertTrue(lines[0].contains("anna") && lines[0].contains("K1") && lines[0].contains("preferences: Kaffee → Kakao"),
                      lines[0])
        XCTAssertTrue(lines[1].contains("max") && lines[1].contains("K2") && lines[1].contains("preferences:  → Tee"), lines[1])
        XCTAssertTrue(lines[2].contains("anna") && lines[2].contains("preferences:  → Kaffee"), lines[2])
        XCTAssertEqual(selectedRowText, lines[0], "the newest entry is selected")

        press(.enter)
        XCTAssertTrue(titleRow.hasPrefix(" Audit entry "), titleRow)
        assertScreenContains("Field")
        let row = try XCTUnwrap((0..<term.height).map { term.row($0) }
            .first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("preferences ") })
        let words = row.split(separator: " ").map(String.init)
        XCTAssertEqual(words, ["preferences", "Kaffee", "Kakao"])
        press(.escape)
        XCTAssertTrue(titleRow.hasPrefix(" Audit · "), titleRow)
        press(.escape)
        XCTAssertTrue(app.state.screen is TeamScreen)
    }

    func testUserAndCustomerFiltersAndSearch() throws {
        try openEdited()
        try launch(width: 120, height: 30)
        press(.char("5"), .char("A"), .char("j"))
        XCTAssertTrue(selectedRowText?.contains("max") == true, selectedRowText ?? "")
        press(.char("u"))
        XCTAssertTrue(titleRow.hasPrefix(" Audit · by max · every customer"), titleRow)
        XCTAssertEqual(listRows.count, 1, screen)
        press(.char("u"), .char("k"), .char("c"))
        XCTAssertTrue(titleRow.hasPrefix(" Audit · every user · customer K1"), titleRow)
        XCTAssertEqual(entryLines.count, 2, screen)
        XCTAssertTrue(entryLines.allSatisfy { $0.contains("anna") }, screen)
        press(.char("c"))

        press(.char("/"))
        type("tee")
        press(.enter)
        XCTAssertTrue(selectedRowText?.contains("→ Tee") == true, selectedRowText ?? "")
        press(.char("g"), .char("n"))
        XCTAssertTrue(selectedRowText?.contains("→ Tee") == true, "n finds it again from the top")
    }

    /// More entries than a page: the list reads them by id both ways, as every list does.
    func testALongAuditPagesBothWays() throws {
        try openImported([(.customers, Self.customers)])
        let id = try XCTUnwrap(accounts().first { $0.number == "K3" }).id
        for i in 1...250 {
            var c = try XCTUnwrap(store.customer(id: id))
            c.preferences = "Sorte \(i)"
            try store.saveSoftFacts(c, actor: "anna")
        }
        try launch(width: 120, height: 30)
        press(.char("5"), .char("A"))
        XCTAssertTrue(selectedRowText?.contains("Sorte 249 → Sorte 250") == true, selectedRowText ?? "")
        press(.char("G"))
        XCTAssertTrue(selectedRowText?.contains("customers.csv: 3 rows") == true, "the oldest: the import")
        let above = term.row(try XCTUnwrap(selectedScreenRow) - 1)
        XCTAssertTrue(above.contains("preferences:  → Sorte 1 "), above)
        press(.char("g"))
        XCTAssertTrue(selectedRowText?.contains("→ Sorte 250") == true, selectedRowText ?? "")
        // 26 rows a page: six pages down is entry 156 from the newest (0), the 94th edit,
        // beyond the first page of 100 read.
        press(.pageDown, times: 6)
        XCTAssertTrue(selectedRowText?.contains("Sorte 93 → Sorte 94") == true, selectedRowText ?? "")
        press(.pageUp, times: 6)
        XCTAssertTrue(selectedRowText?.contains("Sorte 249 → Sorte 250") == true, selectedRowText ?? "")
        // Search reaches an entry beyond the loaded pages.
        press(.char("g"), .char("/"))
        type("Sorte 2 ")
        press(.enter)
        XCTAssertTrue(selectedRowText?.contains("Sorte 2 → Sorte 3") == true, selectedRowText ?? "")
    }

    func testTheAuditSpeaksGerman() throws {
        try openEdited()
        Text.use(.de)
        defer { Text.use(LanguageChoice(.en, explicit: false)) }
        try launch(width: 120, height: 30)
        press(.char("5"))
        XCTAssertTrue(statusRow.contains(" A Protokoll "), statusRow)
        press(.char("A"))
        XCTAssertTrue(titleRow.hasPrefix(" Protokoll · alle Benutzer · alle Kunden"), titleRow)
        XCTAssertTrue(headerRow.contains("Wann") && headerRow.contains("Änderungen"), headerRow)
        press(.char("u"))
        XCTAssertTrue(titleRow.hasPrefix(" Protokoll · von anna · alle Kunden"), titleRow)
        press(.enter)
        XCTAssertTrue(titleRow.hasPrefix(" Protokolleintrag "), titleRow)
        XCTAssertTrue(screen.contains("Feld") && screen.contains("Vorher") && screen.contains("Nachher"), screen)
    }

    /// The action and the record in the reader's language, the time in its date style (UTC);
    /// the store keeps the English identifier.
    func testAuditRowsShowTheActionAndTimeInTheReadersLanguage() throws {
        try openEdited()
        defer { Text.use(LanguageChoice(.en, explicit: false)) }
        Text.use(.en)
        try launch(width: 120, height: 30)
        press(.char("5"), .char("A"))
        let english = try XCTUnwrap(entryLines.first, screen)
        XCTAssertNotNil(english.range(of: #"^ *\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} +anna +edit soft facts +customer \d+ +K1 "#,
                                      options: .regularExpression), english)
        press(.enter)
        XCTAssertNotNil(screen.range(of: #"When +\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC"#, options: .regularExpression), screen)
        assertScreenContains("edit soft facts")

        Text.use(.de)
        try launch(width: 120, height: 30)
        press(.char("5"), .char("A"))
        let german = try XCTUnwrap(listRows.first { $0.contains("anna") }, screen)
        XCTAssertNotNil(german.range(of: #"^ *\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} +anna +weiche Fakten geändert +Kunde \d+ +K1 "#,
                                     options: .regularExpression), german)
        XCTAssertFalse(screen.contains("edit soft facts"), screen)
        XCTAssertNil(screen.range(of: #"\d{4}-\d{2}-\d{2} \d{2}:"#, options: .regularExpression), screen)
        press(.enter)
        XCTAssertNotNil(screen.range(of: #"Wann +\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} UTC"#, options: .regularExpression), screen)
        assertScreenContains("weiche Fakten geändert")
        // The search finds the German word too.
        press(.escape, .char("G"))
        XCTAssertTrue(selectedRowText?.contains("Import") == true, selectedRowText ?? "")
        XCTAssertTrue(selectedRowText?.contains("Kunden") == true, selectedRowText ?? "")
        press(.char("g"), .char("/"))
        type("weiche Fakten")
        press(.enter)
        XCTAssertTrue(selectedRowText?.contains("weiche Fakten geändert") == true, selectedRowText ?? "")
    }

    func testARepIsNotOfferedTheAudit() throws {
        try openEdited()
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        try store.addTeamUser(TeamUser(name: "max", role: .manager))
        try reopen(as: "max")
        try launch(width: 120, height: 30)
        press(.char("5"), .char("A"))
        XCTAssertTrue(titleRow.hasPrefix(" Audit · every user"), "a manager reads everyone's entries: \(titleRow)")
        try reopen(as: "anna")
        try launch(width: 120, height: 30)
        press(.char("5"))
        XCTAssertFalse(statusRow.contains("audit"), statusRow)
        press(.char("A"))
        XCTAssertTrue(statusRow.hasPrefix(" The audit is for managers and admins"), statusRow)
        XCTAssertFalse(app.state.screen is AuditScreen)
    }
}
