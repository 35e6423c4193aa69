import XCTest
@testable import LoyalCore

/// A people file's rows as the contact import reads them: the person's name from whole or
/// split columns, every e-mail and phone with its kind, birthdays as exports write them.
final class ContactImportParsingTests: XCTestCase {
    func parse(_ fields: [String], _ values: [String], mapping: [String: String] = [:]) throws -> (ContactImportRecord, [ImportProblem]) {
        let header = try ImportHeader(entity: .contacts, header: CSVRecord(line: 1, fields: fields), mapping: mapping)
        var row = ImportRow(record: CSVRecord(line: 2, fields: values), header: header)
        let record = ImportParser.contact(&row)
        return (record, row.problems)
    }

    func testAWholeNameSplitsAndItsTitleIsKeptInExtra() throws {
        let (r, problems) = try parse(["Name", "Firma"], ["Dr. Anna Maria Schulz", "Bäckerei Groß"])
        XCTAssertEqual(problems, [])
        XCTAssertEqual([r.contact.firstName, r.contact.lastName], ["Anna Maria", "Schulz"])
        XCTAssertEqual(r.extra, #"{"name_title":"Dr."}"#)
        XCTAssertEqual(r.companyName, "Bäckerei Groß")
        XCTAssertEqual(r.customerNumber, "")
        XCTAssertFalse(r.isPrivate)
        let (comma, _) = try parse(["Name"], ["Schulz, Anna"])
        XCTAssertEqual([comma.contact.firstName, comma.contact.lastName], ["Anna", "Schulz"])
        XCTAssertTrue(comma.isPrivate)
    }

    func testVornameAndNameMeanTheLastNameByName() throws {
        let (r, _) = try parse(["Vorname", "Name"], ["Anna", "Schulz"])
        XCTAssertEqual([r.contact.firstName, r.contact.lastName], ["Anna", "Schulz"])
        let (whole, _) = try parse(["Vorname", "Name"], ["Anna", "Anna Schulz"])
        XCTAssertEqual([whole.contact.firstName, whole.contact.lastName], ["Anna", "Schulz"])
        // Split columns win over the whole name (Pipedrive has all three).
        let (all, _) = try parse(["Person - Name", "Person - First name", "Person - Last name"], ["Rita Rose", "Rita", "Rose-Berg"],
                                 mapping: ImportPreset.named("pipedrive-people")!.map)
        XCTAssertEqual([all.contact.firstName, all.contact.lastName], ["Rita", "Rose-Berg"])
    }

    func testAPersonNeedsANameColumnAndANameInTheRow() throws {
        XCTAssertThrowsError(try ImportHeader(entity: .contacts, header: CSVRecord(line: 1, fields: ["Kundennummer", "E-Mail"]))) {
            XCTAssertTrue(($0 as? ImportProblem)?.message.hasPrefix("missing column \"last_name\" (accepted: last_name, Nachname") == true,
                          "\($0)")
            XCTAssertTrue(($0 as? ImportProblem)?.message.contains(" or \"name\" (accepted: name, full name") == true, "\($0)")
        }
        let (_, problems) = try parse(["Name", "E-Mail"], ["", "a@b.de"])
        XCTAssertEqual(problems.map(\.description), ["2: column \"Name\": is empty"])
    }

    func testEMailsAndPhonesFromSeveralColumnsAndCellsKeepTheirKinds() throws {
        let fields = ["Person - Name", "Person - Email - Work", "Person - Email - Home", "Person - Phone - Home", "Person - Phone - Mobile"]
        let (r, problems) = try parse(fields, ["Rita Rose", "rita@rose.example, info@rose.example", "rita@privat.example; RITA@rose.example",
                                              "040 1\n040 2", "0170 1 (privat)"],
                                      mapping: ImportPreset.named("pipedrive-people")!.map)
        XCTAssertEqual(problems, [], "a line break separates values in a cell of e-mails or phones")
        XCTAssertEqual(r.contact.email, "rita@rose.example", "the first work one")
        XCTAssertEqual(r.contact.phone, "0170 1", "no work phone: the first in the columns' order, mobile before home")
        // Every one in the columns' order, the person's own two included; the same address
        // twice (in another case) is one; a (privat) suffix names the kind.
        XCTAssertEqual(r.channels, [
            ContactChannel(.email, .work, "rita@rose.example"), ContactChannel(.email, .work, "info@rose.example"),
            ContactChannel(.email, .home, "rita@privat.example"), ContactChannel(.phone, .home, "0170 1"),
            ContactChannel(.phone, .home, "040 1"), ContactChannel(.phone, .home, "040 2"),
        ])
    }

    func testSeveralColumnsOfOneKindAllCount() throws {
        // HubSpot's contacts with every property: Email and Work email, Mobile and WhatsApp numbers.
        let fields = ["First Name", "Last Name", "Email", "Work email", "Mobile Phone Number", "WhatsApp Phone Number"]
        let header = try ImportHeader(entity: .contacts, header: CSVRecord(line: 1, fields: fields),
                                      mapping: ImportPreset.named("hubspot-contacts")!.map)
        XCTAssertEqual(header.moreColumns, ["email": [3], "mobile": [5]])
        var row = ImportRow(record: CSVRecord(line: 2, fields: ["Tom", "Krüger", "tom@x.example", "einkauf@x.example", "0171 1", "0171 2"]),
                            header: header)
        let r = ImportParser.contact(&row)
        XCTAssertEqual(r.contact.email, "tom@x.example")
        XCTAssertEqual(r.channels.map(\.value), ["tom@x.example", "einkauf@x.example", "0171 1", "0171 2"])
    }

    func testBirthdaysAsExportsWriteThem() {
        let cases: [(String, String?)] = [
            ("1980-05-17", "1980-05-17"), ("17.05.1980", "1980-05-17"), ("17.05.1980 00:00", "1980-05-17"),
            ("1980-05-17T00:00:00.000Z", "1980-05-17"), ("1980-05-17 00:00:00", "1980-05-17"), ("19800517", "1980-05-17"),
            ("--05-17", "--05-17"), ("--0517", "--05-17"), ("05-17", "--05-17"), ("17.05.", "--05-17"),
            ("31.02.1980", nil), ("13-01", nil), ("demnächst", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(Birthday(importing: text)?.description, expected, text)
        }
    }

    func testHubSpotsSeveralAssociatedCompaniesTakeTheFirst() throws {
        let (r, _) = try parse(["Associated Company IDs", "Last Name"], ["9001;9002", "Berg"],
                               mapping: ImportPreset.named("hubspot-contacts")!.map)
        XCTAssertEqual(r.customerNumber, "9001")
    }
}
