import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Names that try to talk to the terminal (OSC 52 clipboard, clear screen, bidi
/// override) are shown as visible stand-ins everywhere, never sent raw.
final class HostileTextTests: UITestCase {
    static let clipboard = "\u{1b}]52;c;SGVsbG8=\u{07}Evil\u{202E}gnp.exe"
    static let clear = "Clear\u{1b}[2J Screen GmbH"

    override func setUpWithError() throws {
        try super.setUpWithError()
        let customers = "number,name,city,notes\nK1,Erste,Berlin,\nK2,Zweite,Köln,\nK3,Normal GmbH,Hamm,\n"
        let contacts = "customer,first_name,last_name,role\nK1,Eve,Mallory,Chef\n"
        let purchases = "customer,date,amount\nK1,2026-10-01,100\nK2,2026-09-01,50\nK3,2026-08-01,10\n"
        try openImported([(.customers, customers), (.contacts, contacts), (.purchases, purchases)])
        // Imports and forms refuse such text since issue 11, and a migration cleans it; it is
        // written directly here, as another program could, because the screens must stay safe anyway.
        try store.pool.write { db in
            for (number, name, city, notes) in [("K1", Self.clipboard, "Berlin", "Ruf an\u{1b}[31m rot"),
                                                ("K2", Self.clear, "Köln\u{1b}[H", "")] {
                let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE number = ?", arguments: [number]))
                var customer = CustomerRecords.customer(row)
                customer.name = name; customer.city = city; customer.notes = notes
                try CustomerRecords.update(db, customer, now: Timestamp.now())
            }
            try db.execute(sql: "UPDATE contact_person SET first_name = ?, role = ?",
                           arguments: ["Eve\u{1b}]0;pwned\u{07}", "Chef\u{202E}"])
        }
        try launch()
    }

    /// No cell of the frame holds a control character or an invisible formatting character.
    private func assertNoRawControlCharacters(file: StaticString = #filePath, line: UInt = #line) {
        guard let buffer = term.lastBuffer else { return XCTFail("no frame", file: file, line: line) }
        for cell in buffer.cells {
            for scalar in cell.text.unicodeScalars {
                XCTAssertFalse(scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                               || (0x202A...0x202E).contains(scalar.value),
                               "raw U+\(String(scalar.value, radix: 16)) on screen:\n\(screen)", file: file, line: line)
            }
        }
    }

    func testTheListShowsHostileNamesSanitised() throws {
        XCTAssertEqual(listRows.map(number), ["K1", "K2", "K3"])
        // The name column is 26 wide at 100 columns (the potential shows too): the stand-ins
        // count as the text they are, so the cut falls inside "<U+202E>".
        XCTAssertTrue(listRows[0].contains("^[]52;c;SGVsbG8=^GEvil<U+… "), listRows[0])
        XCTAssertTrue(listRows[1].contains("Clear^[[2J Screen GmbH"), listRows[1])
        XCTAssertTrue(listRows[1].contains("Köln^[[H"), listRows[1])
        XCTAssertEqual(cell(3, of: listRows[0]), "A", "the columns after the name stay in place")
        XCTAssertEqual(cell(6, of: listRows[1]), "01.09.2026")
        assertNoRawControlCharacters()
        // At 120 columns the name column is 41 wide and the whole name shows, bidi override included.
        term.resize(width: 120, height: 30)
        app.drain(term)
        XCTAssertTrue(listRows[0].contains("^[]52;c;SGVsbG8=^GEvil<U+202E>gnp.exe "), listRows[0])
        assertNoRawControlCharacters()
    }

    func testTheDetailAndTabBarShowThemSanitisedToo() throws {
        press(.enter)
        XCTAssertTrue(term.row(0).contains("› ^[]52;c;SGVsbG8=^GEvil"), term.row(0))
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · ^[]52;c;SGVsbG8=^GEvil<U+202E>gnp.exe "), term.row(1))
        assertNoRawControlCharacters()
        var text = screen
        for _ in 0..<4 { press(.pageDown); assertNoRawControlCharacters(); text += screen }
        XCTAssertTrue(text.contains("Ruf an^[[31m rot"), "notes")
        XCTAssertTrue(text.contains("Eve^[]0;pwned^G Mallory"), "contact person")
        XCTAssertTrue(text.contains("Chef<U+202E>"), "role")

        press(.char("p"))
        XCTAssertTrue(term.row(1).contains("Contact persons of ^[]52;c;SGVsbG8=^GEvil<U+202E>gnp.exe"), term.row(1))
        assertScreenContains("Eve^[]0;pwned^G Mallory")
        assertNoRawControlCharacters()
        press(.enter)
        assertScreenContains("Eve^[]0;pwned^G")
        assertNoRawControlCharacters()
    }

    func testSearchAndPickersSanitiseWhatTheyShow() throws {
        press(.char("/"))
        type("clear")
        press(.char("\u{1b}"))  // a pasted ESC arrives as a character, not as the Esc key
        XCTAssertTrue(statusRow.hasPrefix("/clear^["), statusRow)
        assertNoRawControlCharacters()
        press(.escape)
        press(.char("j"), .enter, .char("e"))
        assertScreenContains("Soft facts of Clear^[[2J Screen GmbH")
        assertNoRawControlCharacters()
        press(.escape)
        press(.escape, .char("?"))
        assertNoRawControlCharacters()
    }
}
