import XCTest
@testable import LoyalCore

/// What names a person in text: the GDPR export lists it, erasure removes it.
final class PersonMentionsTests: XCTestCase {
    var zacharias: PersonMentions {
        var m = PersonMentions()
        m.addPerson(firstName: "Zacharias", lastName: "Quastenflößer", email: "zq@example.com",
                    phone: "+49 171 5550199", partnerName: "Walburga Quastenflößer")
        return m
    }

    func testHisNameIsFoundInAnyCaseSpellingAndOrder() {
        let m = zacharias
        for text in ["Termin mit Zacharias Quastenflößer", "ZACHARIAS QUASTENFLOESSER rief an",
                     "Quastenflosser, Zacharias", "mail an zq@example.com", "Walburga Quastenflößer hat Geburtstag"] {
            XCTAssertTrue(m.mentions(text, strongOnly: true), text)
        }
        XCTAssertTrue(m.mentions("Herr Quastenflößer will Rabatt"), "his surname near his own records")
        XCTAssertFalse(m.mentions("Herr Quastenflößer will Rabatt", strongOnly: true), "a surname alone elsewhere is someone else")
        XCTAssertFalse(m.mentions("Zacharias war da"), "a first name alone names many people")
        XCTAssertFalse(m.mentions("Quastenflößerei GmbH"), "whole words only")
    }

    func testAPhoneIsFoundByItsDigitsInEveryFormat() {
        let m = zacharias
        XCTAssertTrue(m.mentions("Handy 0171 555-0199"))
        XCTAssertTrue(m.mentions("+49 (171) 5550199"))
        XCTAssertTrue(m.mentions("004917155501 99"))
        XCTAssertFalse(m.mentions("0171 5550198"))
    }

    func testLinesNamingHimGoAndTheRestStays() {
        let m = zacharias
        XCTAssertEqual(m.removingMentions("Ansprechpartner: Zacharias Quastenflößer\nZahlt pünktlich\n\nLager in Kiel"),
                       "Zahlt pünktlich\n\nLager in Kiel")
        XCTAssertEqual(m.removingMentions("phone: +49 171 5550100 → +49 171 5550199; role: Einkauf → Leitung",
                                          separators: ["\n", "; "]),
                       "role: Einkauf → Leitung", "the audit's changes are parts of one line")
        XCTAssertEqual(m.removingMentions("Herr Quastenflößer will Rabatt", strongOnly: true), "Herr Quastenflößer will Rabatt")
        XCTAssertEqual(m.removingMentions("Zacharias Quastenflößer"), "")
    }

    func testRecordsKeepTheirTextWithTheTombstoneForHisName() {
        let m = zacharias
        XCTAssertEqual(m.replacing(in: "Birthday of Zacharias Quastenflößer (79)", with: "erased 2026-11-23"),
                       "Birthday of erased 2026-11-23 (79)")
        XCTAssertEqual(m.replacing(in: "Visitenkarte von Herrn quastenflößer", with: "erased 2026-11-23"),
                       "Visitenkarte von Herrn erased 2026-11-23")
        XCTAssertEqual(m.replacing(in: "Herrn Quastenflößer anrufen", with: "X", strongOnly: true), "Herrn Quastenflößer anrufen")
        XCTAssertEqual(m.replacing(in: "Quastenflößerei anrufen", with: "X"), "Quastenflößerei anrufen")
    }

    func testAPersonWithOneNameOrShortNamesGivesNoStrongName() {
        var m = PersonMentions()
        m.addPerson(firstName: "", lastName: "Maria")
        XCTAssertTrue(m.strong.isEmpty, "one name alone would find every Maria in the file")
        XCTAssertTrue(m.mentions("Maria kommt Dienstag"), "but near his own records it counts")
        var short = PersonMentions()
        short.addPerson(firstName: "Li", lastName: "Wu")
        XCTAssertEqual(Set(short.strong), ["Li Wu", "Wu Li", "Wu, Li"])
        XCTAssertTrue(short.weak.isEmpty, "two letters are no word to look for")
    }

    func testAFileIsSearchedForHisNamesStoredAndFoldedAndForHisEmailAndPhone() {
        XCTAssertTrue(zacharias.nameForms.contains("Zacharias Quastenflößer"))
        XCTAssertTrue(zacharias.nameForms.contains("zacharias quastenflosser"), "sort keys hold the folded name")
        XCTAssertEqual(zacharias.identifiers, ["zq@example.com", "+49 171 5550199"])
        XCTAssertEqual(Set(zacharias.searchWords.map { $0.lowercased() }),
                       ["quastenflößer", "quastenflosser", "quastenfloesser", "zq@example.com", "5550199"],
                       "a text naming him contains one of these: the surname of a full name, the longest part of a phone")
    }
}
