import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Merging two accounts from the interface as a user does: `m` on one, the likely
/// duplicates with score and reasons, the conflict dialog with both values, a field
/// toggled, Enter; Esc leaves both as they were; `u` gives both back.
final class MergeScreenTests: UITestCase {
    static let customers = """
        number,name,street,postal_code,city,email,phone,rep
        K1,Bäckerei Groß GmbH,,01067,Dresden,info@gross.de,+49 351 12345,AB
        K2,BAECKEREI GROSS GMBH,Hauptstr. 1,01067,Dresden,bestellung@gross.de,0351-12345,CD
        K3,Metzgerei Klein,Marktplatz 2,04109,Leipzig,,,AB

        """
    static let contacts = """
        customer,first_name,last_name,role,email
        K1,Eva,Groß,Einkauf,eva@gross.de
        K1,Eva,GROSS,Chefin,
        K2,Jens,Groß,,

        """
    static let purchases = """
        customer,date,amount,reference
        K1,2026-10-01,900,R1
        K2,2026-02-10,200,R2
        K2,2026-03-10,300,R3
        K3,2026-05-10,100,R4

        """
    static let feedback = "customer,date,nps,complaint,follow_up\nK2,2026-11-02,3,Lieferung zu spät,2026-12-01\n"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try openImported([(.customers, Self.customers), (.contacts, Self.contacts), (.purchases, Self.purchases),
                          (.feedback, Self.feedback)])
        try launch()
    }

    // MARK: Reading the store

    private func id(_ number: String) throws -> Int64? {
        try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number]) }
    }

    private func field(_ column: String, of number: String) throws -> String? {
        try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT \(column) FROM customer WHERE number = ?", arguments: [number])
        }
    }

    /// Rows of the customer's purchases, interactions, feedback, contact persons and follow-ups.
    private func related(_ number: String) throws -> [String: Int] {
        try store.pool.read { db in
            var out: [String: Int] = [:]
            for (name, sql) in [
                ("purchase", "SELECT count(*) FROM purchase WHERE customer_id = ?"),
                ("interaction", "SELECT count(*) FROM interaction WHERE customer_id = ?"),
                ("feedback", "SELECT count(*) FROM feedback f JOIN interaction i ON i.id = f.interaction_id WHERE i.customer_id = ?"),
                ("complaint", "SELECT count(*) FROM complaint WHERE customer_id = ?"),
                ("contact_person", "SELECT count(*) FROM contact_person WHERE customer_id = ?"),
                ("follow-up", "SELECT count(*) FROM calendar_entry WHERE customer_id = ? AND source = 'follow_up'"),
            ] {
                out[name] = try Int.fetchOne(db, sql: sql, arguments: [try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?",
                                                                                       arguments: [number])])
            }
            return out
        }
    }

    private func customersTable() throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT number, name, street, email, phone, rep_id FROM customer ORDER BY number").map { "\($0)" }
        }
    }

    /// The screen line holding `text`.
    private func line(_ text: String) -> String { term.lines.first { $0.contains(text) } ?? "" }

    // MARK: Tests

    func testMergingPlantedDuplicatesKeepsTheChosenValuesMovesEverythingAndUndoGivesBothBack() throws {
        let k1 = try related("K1"), k2 = try related("K2")
        XCTAssertEqual(k2, ["purchase": 2, "interaction": 1, "feedback": 1, "complaint": 1, "contact_person": 1, "follow-up": 1])
        XCTAssertEqual(number(of: selectedRowText ?? ""), "K1")

        press(.char("m"))
        assertScreenContains("Likely duplicates of K1 Bäckerei Groß GmbH")
        XCTAssertEqual(line("│ K2 ").split(separator: "│").dropFirst().first?.split(separator: " ").joined(separator: " "),
                       "K2 BAECKEREI GROSS GMBH 100 same name, same phone")
        XCTAssertTrue(isSelected("K2  BAECKEREI GROSS GMBH"), "the strongest candidate comes first")
        assertScreenContains("Another account: mark K1, then press m on it")

        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K2 BAECKEREI GROSS GMBH into K1 Bäckerei Groß GmbH"), term.row(1))
        XCTAssertTrue(term.row(0).contains("› Merge K2 into K1"), term.row(0))
        assertScreenContains("Moves to K1: 2 purchases, 1 interaction, 1 feedback, 1 complaint, 1 contact person,")
        assertScreenContains("Filled in from K2, empty in K1: street")
        XCTAssertEqual(line("Field").split(separator: " "), ["Field", "K1", "(kept)", "K2", "(removed)"])
        XCTAssertEqual(line("Name ").split(separator: " "), ["Name", "●", "Bäckerei", "Groß", "GmbH", "○", "BAECKEREI", "GROSS", "GMBH"])
        XCTAssertEqual(line("Phone ").split(separator: " "), ["Phone", "●", "+49", "351", "12345", "○", "0351-12345"])
        XCTAssertEqual(line("E-mail ").split(separator: " "), ["E-mail", "●", "info@gross.de", "○", "bestellung@gross.de"])
        XCTAssertEqual(line("Rep ").split(separator: " "), ["Rep", "●", "AB", "○", "CD"])
        XCTAssertTrue(isSelected("Name "), "the cursor starts on the first field")
        XCTAssertTrue(statusRow.hasPrefix(" Space choose  x swap  Enter merge  Esc cancel"), statusRow)

        // The e-mail is K2's: down twice, Space. The rep is K2's too: down, 2.
        press(.char("j"), .char("j"), .char(" "))
        XCTAssertEqual(line("E-mail ").split(separator: " "), ["E-mail", "○", "info@gross.de", "●", "bestellung@gross.de"])
        XCTAssertTrue(isSelected("E-mail "))
        press(.down, .char("2"))
        XCTAssertEqual(line("Rep ").split(separator: " "), ["Rep", "○", "AB", "●", "CD"])
        press(.enter)

        XCTAssertTrue(titleRow.hasPrefix(" Accounts · "), "back on the list: \(titleRow)")
        XCTAssertTrue(statusRow.hasPrefix(" Merged K2 into K1 (u undoes; later loyal merge --undo): moved 2 purchases, 1 interaction,"),
                      statusRow)
        XCTAssertEqual(number(of: selectedRowText ?? ""), "K1", "the cursor is on the kept account")
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K3"])
        XCTAssertEqual(try field("name", of: "K1"), "Bäckerei Groß GmbH", "not toggled: K1's")
        XCTAssertEqual(try field("email", of: "K1"), "bestellung@gross.de", "toggled: K2's")
        XCTAssertEqual(try field("(SELECT code FROM rep WHERE id = rep_id)", of: "K1"), "CD", "2: K2's")
        XCTAssertEqual(try field("phone", of: "K1"), "+49 351 12345")
        XCTAssertEqual(try field("street", of: "K1"), "Hauptstr. 1", "empty in K1: filled in silently")
        XCTAssertNil(try id("K2"))
        let merged = try related("K1")
        for (table, n) in k1 { XCTAssertEqual(merged[table], n + (k2[table] ?? 0), table) }
        let audit = try auditEntries()
        XCTAssertEqual(audit.map(\.action), ["merge"])
        XCTAssertEqual(audit.first?.actor, "tester")
        XCTAssertTrue(audit.first?.detail.hasPrefix("merged K2 into K1: moved ") == true, audit.first?.detail ?? "")

        press(.char("u"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Undone: the merge of K2 into K1")
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K2", "K3"])
        XCTAssertEqual(number(of: selectedRowText ?? ""), "K1")
        XCTAssertEqual(try related("K1"), k1)
        XCTAssertEqual(try related("K2"), k2)
        XCTAssertEqual(try field("email", of: "K1"), "info@gross.de")
        XCTAssertEqual(try field("street", of: "K1"), "")
        XCTAssertEqual(try auditEntries().map(\.action), ["merge", "undo merge"])
        press(.char("u"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Nothing to undo")
    }

    func testEscInTheDialogLeavesBothAccountsAsTheyWere() throws {
        let before = try customersTable()
        press(.char("m"), .enter, .char(" "), .char("x"))
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K1 "), "swapped: \(term.row(1))")
        press(.escape)
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · "), titleRow)
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Not merged: K2 and K1 are as they were")
        XCTAssertEqual(try customersTable(), before)
        XCTAssertEqual(try auditEntries().count, 0)
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K2", "K3"])
        // Esc in the picker changes nothing either.
        press(.char("m"), .escape)
        XCTAssertTrue(titleRow.hasPrefix(" Accounts · "), titleRow)
        XCTAssertEqual(try customersTable(), before)
    }

    func testAnAccountTheFinderDoesNotProposeIsMarkedThenMergedAndSwappedInTheDialog() throws {
        press(.char("j"), .char("j"))
        XCTAssertEqual(number(of: selectedRowText ?? ""), "K3")
        press(.char("m"))
        assertScreenContains("Likely duplicates of K3 Metzgerei Klein")
        XCTAssertTrue(isSelected("None found: mark K3, then press m on the other account"))
        press(.enter)
        XCTAssertTrue(statusRow.contains("K3 marked: go to the other account and press m to merge it into K3"), statusRow)
        press(.char("g"))
        XCTAssertTrue(statusRow.hasPrefix(" m merge into K3  Enter open"), "the mark stays in sight: \(statusRow)")

        press(.char("m"))
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K1 Bäckerei Groß GmbH into K3 Metzgerei Klein"), term.row(1))
        XCTAssertEqual(line("Name ").split(separator: " "), ["Name", "●", "Metzgerei", "Klein", "○", "Bäckerei", "Groß", "GmbH"])
        press(.char("2"))
        // Keep K1 instead: the values chosen stay chosen (the name stays Bäckerei Groß GmbH).
        press(.char("x"))
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K3 Metzgerei Klein into K1 Bäckerei Groß GmbH"), term.row(1))
        XCTAssertEqual(line("Name ").split(separator: " "), ["Name", "●", "Bäckerei", "Groß", "GmbH", "○", "Metzgerei", "Klein"])
        XCTAssertEqual(line("Street ").split(separator: " "), [], "K1 has no street: filled in, not asked")
        XCTAssertEqual(line("Rep ").split(separator: " "), [], "both AB: nothing to choose")
        assertScreenContains("Filled in from K3, empty in K1: street")
        press(.enter)
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K2"])
        XCTAssertEqual(number(of: selectedRowText ?? ""), "K1")
        XCTAssertFalse(statusRow.contains("merge into"), "the mark is used up: \(statusRow)")
        XCTAssertEqual(try field("street", of: "K1"), "Marktplatz 2")
        XCTAssertEqual(try field("city", of: "K1"), "Leipzig", "K3's city was chosen (not toggled) before the swap, and stays")
    }

    func testMarkingTheSameAccountAgainUnmarksIt() {
        press(.char("m"), .end, .enter)
        XCTAssertTrue(statusRow.contains("K1 marked"), statusRow)
        press(.char("m"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "K1 is no longer marked for a merge")
        press(.char("j"))
        XCTAssertFalse(statusRow.contains("merge into"), statusRow)
    }

    func testMergingFromTheDetailOfTheRemovedAccountShowsTheKeptOne() throws {
        press(.char("j"), .enter)
        XCTAssertTrue(term.row(1).hasPrefix(" K2 · BAECKEREI GROSS GMBH "), term.row(1))
        press(.char("m"))
        assertScreenContains("Likely duplicates of K2 BAECKEREI GROSS GMBH")
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K1 Bäckerei Groß GmbH into K2"), term.row(1))
        press(.char("x"), .enter)
        // The swap changes which number stays; the name shown chosen (K2's) stays chosen.
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · BAECKEREI GROSS GMBH "), "the kept account's detail: \(term.row(1))")
        XCTAssertTrue(statusRow.contains("Merged K2 into K1"), statusRow)
        press(.escape)
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K3"])
        XCTAssertEqual(number(of: selectedRowText ?? ""), "K1")
    }

    func testTwoContactPersonsMergeWithTheChosenRoleAndComeBack() throws {
        press(.enter, .char("p"))
        XCTAssertTrue(term.row(1).hasPrefix(" Contact persons of Bäckerei Groß GmbH"), term.row(1))
        XCTAssertEqual(term.row(3).split(separator: " ").prefix(3), ["Eva", "GROSS", "Chefin"])
        press(.char("m"))
        assertScreenContains("Likely duplicates of Eva GROSS at Bäckerei Groß GmbH")
        let eva = try XCTUnwrap(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM contact_person WHERE last_name = 'Groß'")
        })
        XCTAssertEqual(line("│ K1/").split(separator: "│").dropFirst().first?.split(separator: " ").joined(separator: " "),
                       "K1/\(eva) Eva Groß 60 same name")
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K1/\(eva) Eva Groß into K1/"), term.row(1))
        assertScreenContains("Filled in from K1/\(eva), empty in K1/")
        XCTAssertEqual(line("Last name ").split(separator: " "), ["Last", "name", "●", "GROSS", "○", "Groß"])
        XCTAssertEqual(line("Role ").split(separator: " "), ["Role", "●", "Chefin", "○", "Einkauf"])
        press(.char("j"), .char("2"), .enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Contact persons of Bäckerei Groß GmbH"), term.row(1))
        XCTAssertTrue(statusRow.hasPrefix(" Merged Eva Groß into Eva GROSS (u undoes; later loyal merge --undo): moved 1 e-mail or phone"),
                      statusRow)
        XCTAssertEqual(term.row(3).split(separator: " ").prefix(3), ["Eva", "GROSS", "Einkauf"])
        XCTAssertEqual(term.row(4).trimmingCharacters(in: .whitespaces), "")
        XCTAssertEqual(try related("K1")["contact_person"], 1)
        XCTAssertEqual(try store.pool.read { db in try String.fetchOne(db, sql: "SELECT email FROM contact_person") }, "eva@gross.de")

        press(.char("u"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Undone: the merge of Eva Groß into Eva GROSS")
        XCTAssertEqual(try related("K1")["contact_person"], 2)
        XCTAssertEqual(term.row(3).split(separator: " ").prefix(3), ["Eva", "GROSS", "Chefin"])
        XCTAssertEqual(term.row(4).split(separator: " ").prefix(3), ["Eva", "Groß", "Einkauf"])
    }

    func testEveryConflictingFieldHasALineAndTheCursorScrollsOnASmallTerminal() throws {
        try openImported([(.customers, """
            number,name,street,postal_code,city,email,phone,rep,website,industry,employees,since,preferences,preferred_channel,best_call_times,high_season,busy_hours,potential,class,notes,kind,consent_email,consent_date
            K1,Bäckerei Groß GmbH,A 1,01067,Dresden,a@gross.de,+49 351 12345,AB,a.de,Bäcker,5,2020-01-01,früh,phone,9-11,11-12,Mo 9-12,5000,A,Notiz eins,business,ja,2025-01-01
            K2,BAECKEREI GROSS GMBH,B 2,01068,Dresden-Neu,b@gross.de,0351-12345,CD,b.de,Handel,7,2021-01-01,spät,email,14-16,04-05,Di 9-12,8000,B,"Notiz
            zwei",consumer,nein,2026-01-01

            """)])
        try launch(width: 80, height: 24)
        press(.char("m"), .enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Merge K1 Bäckerei Groß GmbH into K2 "), term.row(1))
        XCTAssertTrue(isSelected("Name "))
        assertScreenLacks("Consent e-mail")
        press(.char("G"))
        XCTAssertTrue(isSelected("Consent e-mail"), screen)
        XCTAssertEqual(line("Consent e-mail").split(separator: " "), ["Consent", "e-mail", "●", "no,", "01.01.2026", "○", "yes,", "01.01.2025"])
        XCTAssertEqual(line("Notes ").split(separator: " "), ["Notes", "●", "Notiz↵zwei", "○", "Notiz", "eins"])
        XCTAssertEqual(line("Potential a year").split(separator: " "), ["Potential", "a", "year", "●", "8.000,00", "€", "○", "5.000,00", "€"])
        assertScreenContains("Business or consumer ● consumer")
        press(.char(" "), .char("g"))
        XCTAssertTrue(isSelected("Name "))
        press(.enter)
        XCTAssertEqual(try store.pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT granted FROM consent JOIN customer c ON c.id = customer_id WHERE c.number = 'K2'")
        }, true, "K1's consent was chosen")
    }

    func testDataInThePickerAndTheDialogIsShownSanitised() throws {
        // Imports refuse such text; written directly, as another program could.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE customer SET name = ?, email = ? WHERE number = 'K2'",
                           arguments: ["Evil\u{202E}gpj.exe GmbH", "x\u{1b}]52;c;SGVsbG8=\u{07}@gross.de"])
        }
        try launch()
        press(.char("m"))
        assertScreenContains("K2  Evil<U+202E>gpj.exe GmbH")
        assertNoRawControlCharacters()
        press(.enter)
        assertScreenContains("Merge K2 Evil<U+202E>gpj.exe GmbH into K1")
        XCTAssertTrue(line("E-mail ").contains("○ x^[]52;c;SGVsbG8=^G@gross.de"), line("E-mail "))
        assertNoRawControlCharacters()
    }

    private func assertNoRawControlCharacters(file: StaticString = #filePath, line: UInt = #line) {
        guard let buffer = term.lastBuffer else { return XCTFail("no frame", file: file, line: line) }
        for cell in buffer.cells {
            for scalar in cell.text.unicodeScalars {
                XCTAssertFalse(scalar.value < 0x20 || scalar.value == 0x7F || (0x202A...0x202E).contains(scalar.value),
                               "raw U+\(String(scalar.value, radix: 16)) on screen:\n\(screen)", file: file, line: line)
            }
        }
    }
}
