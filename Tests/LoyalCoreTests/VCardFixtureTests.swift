import XCTest
@testable import LoyalCore

/// The 31 real vCard files of Tests/Fixtures/vcf. Expected values come from reading the files
/// (SOURCES.md: vobject fails on the 2.1 files, ez-vcard gets some values wrong).
final class VCardFixtureTests: XCTestCase {
    /// Cards with a name (FN or N) per file. Every card has one except the first two of the
    /// Android export, which hold only an e-mail address and a category.
    static let namedPeople: [String: Int] = [
        "ez-vcard/John_Doe_ANDROID.vcf": 4, "ez-vcard/gmail-list.vcf": 3, "ez-vcard/rfc2426-example.vcf": 2,
        "folkerkinzel-vcards/large_1000_cards_v3.vcf": 1000, "folkerkinzel-vcards/v3_cp1252_no_charset.vcf": 2,
        "folkerkinzel-vcards/v3_google_groups_utf8.vcf": 2, "folkerkinzel-vcards/v3_utf16le_bom.vcf": 2,
        "folkerkinzel-vcards/v4_thunderbird_cardbook.vcf": 2, "syncevolution/eds_contact.vcf": 17,
        "syncevolution/vcard21.vcf": 16, "syncevolution/yahoo_contact.vcf": 8,
    ]

    func testEveryPersonWithANameIsRead() {
        let files = VCardFixture.files
        XCTAssertEqual(files.count, 31)
        var total = 0
        for name in files {
            let named = VCardFixture.contacts(name).contacts.filter(\.hasName).count
            XCTAssertEqual(named, Self.namedPeople[name] ?? 1, name)
            total += named
        }
        XCTAssertEqual(total, 1078)
    }

    private func contact(_ file: String, _ index: Int = 0) throws -> VCardContact {
        let cs = VCardFixture.contacts(file).contacts
        XCTAssertGreaterThan(cs.count, index, file)
        return try XCTUnwrap(cs.dropFirst(index).first)
    }

    private func assert(_ c: VCardContact, first: String, last: String, org: String = "", emails: [String],
                        phones: [String] = [], birthday: String?, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(c.firstName, first, file: file, line: line)
        XCTAssertEqual(c.lastName, last, file: file, line: line)
        XCTAssertEqual(c.organization, org, file: file, line: line)
        XCTAssertEqual(c.emails.map(\.value), emails, file: file, line: line)
        if !phones.isEmpty { XCTAssertEqual(c.phones.map { "\($0.kind.rawValue) \($0.value)" }, phones, file: file, line: line) }
        XCTAssertEqual(c.birthday?.description, birthday, file: file, line: line)
    }

    func testWindowsAddressBookQuotedPrintableUTF8() throws {
        let c = try contact("folkerkinzel-vcards/v2_1_wab_qp_utf8.vcf")
        assert(c, first: "Max", last: "Mustermann", org: "Firma",
               emails: ["privat@folker-kinzel.de", "business@folker-kinzel.de", "andere@folker-kinzel.de"],
               phones: ["work Tel geschäftlich", "home Tel privat", "mobile Handy", "other Other Phone", "pager Pager",
                        "fax 0123/579", "fax Fax privat"],
               birthday: "1972-01-31")
        // Umlauts split across soft line breaks, six lines of them.
        XCTAssertTrue(c.note.hasPrefix("Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ üüüüüü ßßßßßß\nKommentar ÄÄÄÄÄÄ"))
        XCTAssertEqual(c.note.split(separator: "\n").count, 6)
        XCTAssertEqual(c.addresses.first?.oneLine, "Firmenstraße, 1, PLZFirma Ort Firma, Bundesland Firma, Land Firma")
    }

    func testIPhoneExportWithCRCRLFAndGroups() throws {
        let c = try contact("ez-vcard/John_Doe_IPHONE.vcf")
        assert(c, first: "John", last: "Doe", org: "IBM", emails: ["john.doe@ibm.com"],
               phones: ["mobile 905-555-1234", "home 905-666-1234", "work 905-777-1234", "fax 905-888-1234",
                        "fax 905-999-1234", "pager 905-111-1234", "other 905-222-1234"],
               birthday: "2012-06-06")
    }

    func testOutlookQuotedPrintableNotes() throws {
        let c = try contact("ez-vcard/outlook-2003.vcf")
        assert(c, first: "John", last: "Doe", org: "Company, The", emails: ["jdoe@hotmail.com"], birthday: "1980-03-21")
        XCTAssertEqual(c.note, "This is the note field!!\nSecond line\n\nThird line is empty")
        let mike = try contact("ez-vcard/outlook-2007.vcf")
        assert(mike, first: "Michael", last: "Angstadt", org: "TheCompany", emails: ["mike.angstadt@gmail.com"],
               birthday: "1922-03-10")
    }

    func testWindows1252FilesWithAndWithoutCharset() throws {
        assert(try contact("folkerkinzel-vcards/v21_german_cp1252.vcf"), first: "Sören", last: "Nüßlebaum",
               emails: [], birthday: nil)
        let kms = try contact("folkerkinzel-vcards/v3_cp1252_no_charset.vcf", 1)
        assert(kms, first: "WSF", last: "KMS", org: "KMS Außenstelle", emails: ["blablö@blub.com"], birthday: nil)
        let rudi = try contact("folkerkinzel-vcards/outlook_v21_cp1252_label.vcf")
        assert(rudi, first: "Rudi", last: "Wimmel", org: "Wurstdarm KG", emails: ["Wimmel@wurstdarm.de"], birthday: nil)
    }

    func testUTF16WithBOMReadsLikeItsUTF8Twin() throws {
        let utf16 = VCardFixture.contacts("folkerkinzel-vcards/v3_utf16le_bom.vcf").contacts
        let folker = try XCTUnwrap(utf16.first)
        assert(folker, first: "Folker", last: "Kinzel", emails: ["email1@wumms.de", "email2@folker-kinzel.de"],
               birthday: "1978-03-11")
        XCTAssertEqual(utf16.last?.organization, "KMS Außenstelle")
    }

    func testBirthdaysWithoutAYearAndImpossibleOnes() throws {
        assert(try contact("ez-vcard/rfc6350-example.vcf"), first: "Simon", last: "Perreault", org: "Viagenie",
               emails: ["simon.perreault@viagenie.ca"], birthday: "--02-03")
        let (cs, warnings) = VCardFixture.contacts("folkerkinzel-vcards/v4_thunderbird_cardbook.vcf")
        XCTAssertEqual(cs.map(\.lastName), ["Möhrke", "Mustermann"])
        XCTAssertNil(cs[1].birthday)
        XCTAssertEqual(warnings.map(\.description), [#"line 22 (card 2): BDAY "19723101" is not a possible date: no birthday stored"#])
        assert(try contact("ez-vcard/gmail-single2.vcf"), first: "VCard", last: "Test", org: "TheCompany",
               emails: ["email@example.com", "homeemail@example.com", "workemail@example.com", "otheremail@example.com",
                        "customcategory@example.com"], birthday: "1912-06-23")
    }

    func testDamagedFileKeepsItsPersonWithWarnings() throws {
        let (cs, warnings) = VCardFixture.contacts("folkerkinzel-vcards/v21_qp_cropped_blank_lines.vcf")
        XCTAssertEqual(cs.map(\.lastName), ["Mustermann"])
        XCTAssertTrue(warnings.contains { $0.message == "card has no END:VCARD (the file ends inside it)" })
        XCTAssertTrue(warnings.contains { $0.message.hasPrefix("not a vCard line, skipped") })
    }

    func testEvolutionEscapesAndAndroidQuotedPrintable() throws {
        let eds = VCardFixture.contacts("syncevolution/eds_contact.vcf").contacts
        let special = try XCTUnwrap(eds.first { $0.familyName.hasPrefix("Last") && $0.givenName.contains("special") })
        XCTAssertEqual(special.givenName, "First ; special ;")
        let android = VCardFixture.contacts("ez-vcard/John_Doe_ANDROID.vcf").contacts
        XCTAssertEqual(android[2].lastName, "Ñ Ñ Ñ Ñ")
        XCTAssertEqual(android[4].emails.map(\.value), ["bob@company.com", String(repeating: "Ñ", count: 14)])
    }

    func testWhatsAppFileWithoutFinalNewline() throws {
        let c = try contact("folkerkinzel-vcards/v3_whatsapp_no_final_newline.vcf")
        XCTAssertEqual(c.firstName, "zzMad Perla 45")
        XCTAssertEqual(c.phones.map(\.value), ["7yy-zzz-xxx", "7yy-zzz-xxx"])
        XCTAssertEqual(c.note, "PERLA\nmadrid")
    }
}
