import XCTest
@testable import LoyalCore

final class VCardWriterTests: XCTestCase {
    private func person() -> ContactPerson {
        var p = ContactPerson(customerID: 1, firstName: "Jürgen", lastName: "Groß; Sohn")
        p.role = "Einkauf, Leitung"
        p.email = "jg@gross.de"
        p.phone = "+49 611 1"
        p.birthday = Birthday(year: nil, month: 2, day: 29)
        p.notes = "Mag Kaffee\\Tee\nletzte Zeile"
        return p
    }

    /// The person's further e-mail and phone, as `contact_channel` holds them (its own two are
    /// written as work ones, first, since no channel has them).
    private let channels = [ContactChannel(.email, .home, "j@home.de"), ContactChannel(.phone, .mobile, "0170 2")]

    func testCardIsRFC6350WithEscapesTypesAndBirthdayWithoutYear() {
        let card = VCardWriter.card(VCardExportEntry(uid: "urn:loyal:K1:contact:7", person: person(), organization: "Groß & Co, KG",
                                                     channels: channels))
        XCTAssertEqual(card, [
            "BEGIN:VCARD", "VERSION:4.0", "PRODID:-//Loyal//Loyal CRM//EN", "UID:urn:loyal:K1:contact:7",
            "FN:Jürgen Groß\\; Sohn", "N:Groß\\; Sohn;Jürgen;;;", "ORG:Groß & Co\\, KG", "ROLE:Einkauf\\, Leitung",
            "EMAIL;TYPE=work:jg@gross.de", "EMAIL;TYPE=home:j@home.de",
            "TEL;VALUE=text;TYPE=work,voice:+49 611 1", "TEL;VALUE=text;TYPE=cell:0170 2",
            "BDAY:--0229", "NOTE:Mag Kaffee\\\\Tee\\nletzte Zeile", "END:VCARD", "",
        ].joined(separator: "\r\n"))
    }

    func testLongLinesFoldAt75OctetsNeverInsideACharacter() {
        var p = person()
        p.notes = String(repeating: "äöü€x", count: 200)
        let card = VCardWriter.card(VCardExportEntry(uid: "u", person: p, organization: nil))
        let lines = card.split(separator: "\r\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.allSatisfy { $0.utf8.count <= 75 }, "a line is longer than 75 octets")
        XCTAssertGreaterThan(lines.filter { $0.hasPrefix(" ") }.count, 20)
        XCTAssertFalse(card.contains("\u{FFFD}"))
        XCTAssertFalse(card.contains("ORG"))
        // Read back, the folded note is whole again.
        let read = VCardReader.read(Array(card.utf8))
        let (c, warnings) = VCardContact.from(read.cards[0])
        XCTAssertEqual(c.note, p.notes)
        XCTAssertEqual(warnings, [])
    }

    func testWrittenCardReadsBackToTheSamePerson() {
        let original = person()
        let card = VCardWriter.card(VCardExportEntry(uid: "u", person: original, organization: "Groß & Co, KG", channels: channels))
        let (c, _) = VCardContact.from(VCardReader.read(Array(card.utf8)).cards[0])
        XCTAssertEqual(c.organization, "Groß & Co, KG")
        var (back, backChannels) = VCardPerson.person(c, customerID: 1)
        back.id = original.id
        XCTAssertEqual(back, original)
        XCTAssertEqual(backChannels, [ContactChannel(.email, .work, "jg@gross.de"), ContactChannel(.email, .home, "j@home.de"),
                                      ContactChannel(.phone, .work, "+49 611 1"), ContactChannel(.phone, .mobile, "0170 2")])
    }

    func testThePersonsOwnAddressIsWrittenFirstWithTheKindItsChannelHas() {
        var p = person()
        p.email = "j@home.de"
        p.phone = ""
        let card = VCardWriter.card(VCardExportEntry(uid: "u", person: p, organization: nil,
                                                     channels: [ContactChannel(.email, .other, "x@y.de")] + channels))
        XCTAssertTrue(card.contains("EMAIL;TYPE=home:j@home.de\r\nEMAIL:x@y.de\r\nTEL;VALUE=text;TYPE=cell:0170 2\r\n"), card)
    }
}
