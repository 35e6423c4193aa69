import Foundation
import XCTest

/// `loyal gdpr export` and `loyal gdpr erase` as an admin runs them.
final class GDPRCLITests: CLITestCase {
    /// A business K1 with Zacharias and a colleague, and a private customer P1; returns his id.
    func plant() throws -> Int {
        _ = try write("""
            number,name,city,email,kind,notes
            K1,Werkzeughandel Nord GmbH,Kiel,info@werkzeug-nord.example,business,Ansprechpartner Zacharias Quastenflosser
            P1,Walburga Quastenflosser,Kiel,wq@quastenflosser.example,consumer,

            """, to: "customers.csv")
        _ = try write("""
            customer,first_name,last_name,email,phone,birthday,notes
            K1,Zacharias,Quastenflosser,zq@quastenflosser.example,+49 171 5550199,1947-12-10,Briefmarkensammler
            K1,Erika,Mustermann,erika@werkzeug-nord.example,,,

            """, to: "contacts.csv")
        _ = try write("customer,date,amount,reference\nK1,2026-01-10,1200.50,R1\nP1,2026-02-10,45,R2\n", to: "purchases.csv")
        for (entity, file) in [("customers", "customers.csv"), ("contacts", "contacts.csv"), ("purchases", "purchases.csv")] {
            let r = try loyal(["import", entity, file])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let export = try loyal(["gdpr", "export", "--customer", "K1"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let people = try XCTUnwrap((json["tables"] as? [String: [[String: Any]]])?["contact_person"])
        return try XCTUnwrap(people.first { $0["last_name"] as? String == "Quastenflosser" }?["id"] as? Int)
    }

    func testExportWritesEveryFieldAsJSONToAPrivateFileAndAsReadableText() throws {
        let id = try plant()
        let file = home.appendingPathComponent("zacharias.json").path
        let written = try loyal(["gdpr", "export", "--contact", "\(id)", "-o", file])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stdout, "")
        XCTAssertEqual(written.stderr, "contact \(id): 4 rows in 3 tables and 1 mentions elsewhere written to \(file)\n",
                       "his record, his e-mail and phone, and his birthday in the calendar")
        XCTAssertEqual(try mode(file), 0o600, "it is personal data")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let person = try XCTUnwrap((json["tables"] as? [String: [[String: Any]]])?["contact_person"]?.first)
        XCTAssertEqual(person["email"] as? String, "zq@quastenflosser.example")
        XCTAssertEqual(person["birthday"] as? String, "1947-12-10")
        XCTAssertEqual((json["mentions"] as? [[String: Any]])?.first?["text"] as? String, "Ansprechpartner Zacharias Quastenflosser")

        let text = try loyal(["gdpr", "export", "--contact", "\(id)", "--format", "text"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("GDPR export (Art. 15) of contact \(id): Zacharias Quastenflosser\n"
                                            + "Customer K1 Werkzeughandel Nord GmbH (business)\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\nContact person (1)\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\n  birthday          1947-12-10\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\nNamed elsewhere (1)\n  Customer 1, notes: Ansprechpartner Zacharias Quastenflosser\n"),
                      text.stdout)
    }

    func testEraseShowsWhatWithoutYesAndErasesWithYesInOneLine() throws {
        let id = try plant()
        let purchases = try loyal(["export", "purchases"]).stdout
        let preview = try loyal(["gdpr", "erase", "--contact", "\(id)"])
        XCTAssertEqual(preview.status, 0, preview.stderr)
        XCTAssertTrue(preview.stdout.hasPrefix("Would erase contact \(id) (Zacharias Quastenflosser) of customer K1:\n"
                                               + "  contact_person \(id): first_name, last_name, email, phone, birthday, notes\n"
                                               + "  calendar_entry 3: deleted\n"
                                               + "  contact_channel 1, 2: deleted\n"
                                               + "  customer 1: notes\n"), preview.stdout)
        XCTAssertTrue(preview.stdout.hasSuffix("Nothing was changed; add --yes to erase.\n"), preview.stdout)
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: defaultDB)).range(of: Data("Quastenflosser".utf8)) != nil)

        let erased = try loyal(["gdpr", "erase", "--contact", "\(id)", "--yes"])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertEqual(erased.stderr, "")
        XCTAssertEqual(erased.stdout, "erased contact \(id) of customer K1: 2 rows emptied or rewritten, 3 deleted, "
                       + "name now \"erased 2026-11-23\"; 1 purchase and 0 consent records kept; the file and its WAL hold no copy\n")
        XCTAssertEqual(try loyal(["export", "purchases"]).stdout, purchases, "the figures stay")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: defaultDB))
        for s in ["Zacharias", "zq@quastenflosser", "5550199", "1947-12-10", "Briefmarkensammler"] {
            XCTAssertNil(bytes.range(of: Data(s.utf8)), s)
        }
        XCTAssertNotNil(bytes.range(of: Data("Walburga Quastenflosser".utf8)), "the private customer P1 is someone else")

        let again = try loyal(["gdpr", "erase", "--contact", "\(id)", "--yes"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.hasPrefix("Error: contact \(id) is already erased (audit entry of "), again.stderr)
    }

    func testAPrivateCustomerIsErasedAndABusinessIsRefused() throws {
        _ = try plant()
        let business = try loyal(["gdpr", "erase", "--customer", "K1", "--yes"])
        XCTAssertEqual(business.status, 1)
        XCTAssertEqual(business.stderr, "Error: customer K1 is a business: its record and figures are not personal data. "
                       + "Erase its contact persons instead (loyal gdpr erase --contact ID; loyal gdpr export --customer K1 "
                       + "lists them); nothing was changed\n")
        let erased = try loyal(["gdpr", "erase", "--customer", "P1", "--yes"])
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertTrue(erased.stdout.hasPrefix("erased customer P1: "), erased.stdout)
        let accounts = try loyal(["accounts", "--limit", "0", "--format", "csv"]).stdout
        XCTAssertTrue(accounts.contains("P1,erased 2026-11-23"), accounts)
        XCTAssertNil(try Data(contentsOf: URL(fileURLWithPath: defaultDB)).range(of: Data("Walburga".utf8)))
    }

    func testOnePersonMustBeNamed() throws {
        _ = try plant()
        for args in [["gdpr", "export"], ["gdpr", "erase", "--contact", "1", "--customer", "K1"]] {
            let r = try loyal(args)
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains("name one: --contact ID or --customer NUMBER"), r.stderr)
        }
        let unknown = try loyal(["gdpr", "export", "--contact", "999"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "Error: no contact person has the id 999\n")
    }
}
