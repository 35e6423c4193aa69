import Foundation
import GRDB
import LoyalCore
import XCTest

/// `loyal import FILE.vcf …` and `loyal export contacts --format vcf`, on the real files and on the demo.
final class VCardCLITests: CLITestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/vcf")

    static var fixtureFiles: [String] {
        let names = FileManager.default.enumerator(atPath: fixtures.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".vcf") }.sorted().map { fixtures.appendingPathComponent($0).path }
    }

    private func rows(_ db: String, _ sql: String) throws -> [[String]] {
        try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                (0..<row.count).map { i -> String in
                    switch (row[i] as DatabaseValue).storage {
                    case .null: return "∅"
                    case .int64(let n): return String(n)
                    case .double(let d): return String(d)
                    case .string(let s): return s
                    case .blob: return "blob"
                    }
                }
            }
        }
    }

    func testEveryNamedPersonOfTheRealFilesImportsAndWarningsNameFileAndCard() throws {
        let db = home.appendingPathComponent("v.db").path
        let files = Self.fixtureFiles
        XCTAssertEqual(files.count, 31)
        let result = try loyal(["import"] + files + ["--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("31 files: vCards: 1080 cards read, 1078 people imported"), result.stdout)
        // A person in two files (the same John Doe of IBM exported by several programs) is stored once:
        // as many people as distinct (company or private name, first, last) among the named cards.
        var keys = Set<String>()
        for file in files {
            for card in VCardReader.read([UInt8](FileManager.default.contents(atPath: file)!)).cards {
                let c = VCardContact.from(card).contact
                guard c.hasName else { continue }
                let customer = c.organization.isEmpty ? [c.firstName, c.lastName].filter { !$0.isEmpty }.joined(separator: " ")
                                                      : c.organization
                keys.insert(customer.lowercased().filter { !$0.isWhitespace } + "|" + c.firstName + "|" + c.lastName)
            }
        }
        XCTAssertEqual(try rows(db, "SELECT count(*) FROM contact_person"), [[String(keys.count)]])
        // Warnings, not errors: the nameless Android cards, the damaged file, the impossible BDAY.
        XCTAssertTrue(result.stderr.contains("John_Doe_ANDROID.vcf: line 1 (card 1): no name (FN or N): skipped"), result.stderr)
        XCTAssertTrue(result.stderr.contains("v21_qp_cropped_blank_lines.vcf: line 1 (card 1): card has no END:VCARD"))
        XCTAssertTrue(result.stderr.contains(#"v4_thunderbird_cardbook.vcf: line 22 (card 2): BDAY "19723101" is not a possible date"#))
        // Names, e-mails, phones and birthdays as the files have them.
        let people = try rows(db, """
            SELECT c.name, p.first_name, p.last_name, p.email, p.phone, p.birthday FROM contact_person p
            JOIN customer c ON c.id = p.customer_id
            WHERE p.last_name IN ('Möhrke', 'Perreault', 'Nüßlebaum', 'Angstadt') OR (c.name = 'SED') ORDER BY p.last_name
            """)
        XCTAssertEqual(people, [
            ["TheCompany", "Michael", "Angstadt", "mike.angstadt@gmail.com", "(111) 555-1111", "1922-03-10"],
            ["SED", "Max", "Mustermann", "geschaeftlich@freenet.de", "Diensttelefon", "∅"],
            ["KiTa Öhrdingen", "Gerda", "Möhrke", "info@kinderland-blubblub.de", "034441/ 2 22 67", "∅"],
            ["Sören Nüßlebaum", "Sören", "Nüßlebaum", "", "", "∅"],
            ["Viagenie", "Simon", "Perreault", "simon.perreault@viagenie.ca", "+1-418-656-9254;ext=102", "--02-03"],
        ])
        // Every number of a person is kept with its kind; the notes keep the addresses only.
        let channels = try rows(db, """
            SELECT ch.medium, ch.kind, ch.value FROM contact_channel ch JOIN contact_person p ON p.id = ch.contact_person_id
            JOIN customer c ON c.id = p.customer_id WHERE c.name = 'SED' ORDER BY ch.id
            """)
        XCTAssertTrue(channels.contains(["email", "work", "geschaeftlich@freenet.de"]), "\(channels)")
        XCTAssertTrue(channels.contains(["email", "home", "privat@freenet.de"]), "\(channels)")
        XCTAssertTrue(channels.contains(["phone", "mobile", "Mobil"]), "\(channels)")
        let notes = try rows(db, "SELECT p.notes FROM contact_person p JOIN customer c ON c.id = p.customer_id WHERE c.name = 'SED'")
        XCTAssertFalse(notes[0][0].contains("phone"), notes[0][0])
    }

    func testDryRunListsWhatWouldBeStoredAndWritesNothing() throws {
        let db = home.appendingPathComponent("d.db").path
        let file = Self.fixtures.appendingPathComponent("ez-vcard/rfc6350-example.vcf").path
        let result = try loyal(["import", "contacts", file, "--dry-run", "--db", db])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("card 1: Simon Perreault → Viagenie (new customer), simon.perreault@viagenie.ca, "
                                             + "+1-418-656-9254;ext=102, born --02-03"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 cards read, 1 people would be imported (1 new, 0 updated), 1 customers would be created, "
                                             + "0 warnings (dry run: nothing written)"), result.stdout)
        XCTAssertEqual(try rows(db, "SELECT count(*) FROM contact_person"), [["0"]])
        XCTAssertEqual(try rows(db, "SELECT count(*) FROM customer"), [["0"]])
    }

    func testAFileWithoutCardsIsAnError() throws {
        let empty = try write("no cards here\n", to: "empty.vcf")
        let result = try loyal(["import", empty.path, "--db", home.appendingPathComponent("e.db").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("nothing was imported: no vCard"), result.stderr)
    }

    private func demoContacts(_ db: String) throws -> [[String]] {
        try rows(db, """
            SELECT c.name, p.first_name, p.last_name, p.role, p.email, p.phone, ifnull(p.birthday, ''), p.notes
            FROM contact_person p JOIN customer c ON c.id = p.customer_id
            ORDER BY c.name, p.last_name, p.first_name, p.email
            """)
    }

    func testExportedDemoContactsReimportUnchanged() throws {
        let demo = home.appendingPathComponent("demo.db").path
        XCTAssertEqual(try loyal(["demo", "--db", demo, "--customers", "200", "--years", "1"]).status, 0)
        let vcf = home.appendingPathComponent("all.vcf").path
        let export = try loyal(["export", "contacts", "--format", "vcf", "-o", vcf, "--db", demo])
        XCTAssertEqual(export.status, 0, export.stderr)
        let copy = home.appendingPathComponent("copy.db").path
        let imported = try loyal(["import", vcf, "--db", copy])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        // Nothing but the note on namesakes at different customers (the demo has some), as `loyal duplicates` lists them.
        XCTAssertEqual(imported.stderr.split(separator: "\n").filter { !$0.contains("likely duplicates created by this import") }, [])
        let before = try demoContacts(demo), after = try demoContacts(copy)
        XCTAssertGreaterThan(before.count, 200)
        XCTAssertGreaterThan(before.filter { !$0[6].isEmpty }.count, 0, "no demo birthday to compare")
        XCTAssertEqual(after.count, before.count)
        for (a, b) in zip(before, after) where a != b { XCTFail("\(a) came back as \(b)"); break }
        XCTAssertTrue(export.stderr.contains("\(before.count) contacts as vCard 4.0"), export.stderr)
    }

    func testOneCustomersContactsAndUnknownCustomer() throws {
        let demo = try smallDemo()
        let number = try rows(demo, "SELECT c.number, count(*) FROM customer c JOIN contact_person p ON p.customer_id = c.id GROUP BY c.id LIMIT 1")[0]
        let result = try loyal(["export", "contacts", "--format", "vcf", "--customer", number[0], "--db", demo])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.components(separatedBy: "BEGIN:VCARD\r\n").count - 1, Int(number[1]))
        XCTAssertTrue(result.stdout.hasSuffix("END:VCARD\r\n"))
        let unknown = try loyal(["export", "contacts", "--format", "vcf", "--customer", "NOPE", "--db", demo])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no customer has the number \"NOPE\""), unknown.stderr)
    }

    /// A Python that has vobject: Debian's (scripts/install-deps installs python3-vobject), or the one on PATH.
    private func pythonWithVobject() -> String? {
        for python in ["/usr/bin/python3", "/usr/local/bin/python3", "python3"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [python, "-c", "import vobject"]
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { continue }
            p.waitUntilExit()
            if p.terminationStatus == 0 { return python }
        }
        return nil
    }

    func testVobjectReadsLoyalsExport() throws {
        guard let python = pythonWithVobject() else {
            throw XCTSkip("no python3 with the vobject package; scripts/install-deps installs python3-vobject")
        }
        let demo = try smallDemo()
        let vcf = home.appendingPathComponent("all.vcf").path
        XCTAssertEqual(try loyal(["export", "contacts", "--format", "vcf", "-o", vcf, "--db", demo]).status, 0)
        let script = """
            import sys, vobject
            cards = list(vobject.readComponents(open(sys.argv[1], encoding='utf-8', newline='').read(), validate=True))
            for c in cards:
                print('\\t'.join([c.n.value.given, c.n.value.family, c.email.value if hasattr(c, 'email') else '',
                                  c.bday.value if hasattr(c, 'bday') else '']))
            """
        let out = home.appendingPathComponent("vobject.txt")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, "-c", script, vcf]
        p.standardOutput = try FileHandle(forWritingTo: out)
        try p.run(); p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "vobject refused Loyal's vCard")
        let read = String(decoding: try Data(contentsOf: out), as: UTF8.self).split(separator: "\n").map(String.init)
        let expected = try rows(demo, """
            SELECT p.first_name, p.last_name, p.email, ifnull(p.birthday, '')
            FROM contact_person p JOIN customer c ON c.id = p.customer_id ORDER BY c.number, p.id
            """).map { row in
                // vobject gives BDAY as written: 19730404, or --0709 without a year.
                let b = row[3], basic = b.hasPrefix("--") ? "--" + b.dropFirst(2).replacingOccurrences(of: "-", with: "")
                                                          : b.replacingOccurrences(of: "-", with: "")
                return [row[0], row[1], row[2], basic].joined(separator: "\t")
            }
        XCTAssertEqual(read, expected)
    }
}
