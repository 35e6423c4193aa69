import XCTest
@testable import LoyalCore

/// Hand-made cards, one per quirk of the formats real programs write.
final class VCardParserTests: XCTestCase {
    private func contacts(_ text: String) -> (contacts: [VCardContact], warnings: [VCardWarning]) {
        contacts(Array(text.utf8))
    }

    private func contacts(_ bytes: [UInt8]) -> (contacts: [VCardContact], warnings: [VCardWarning]) {
        let file = VCardReader.read(bytes)
        var warnings = file.warnings
        let mapped = file.cards.map { card -> VCardContact in
            let (c, w) = VCardContact.from(card)
            warnings += w
            return c
        }
        return (mapped, warnings)
    }

    private func one(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> VCardContact {
        let (cs, _) = contacts(text)
        XCTAssertEqual(cs.count, 1, file: file, line: line)
        return try XCTUnwrap(cs.first, file: file, line: line)
    }

    func testFoldedLinesUnfoldWithCRLFOrLF() throws {
        for end in ["\r\n", "\n", "\r\r\n", "\r"] {
            let c = try one(["BEGIN:VCARD", "VERSION:3.0", "FN:Anna Ber", " gmann", "NOTE:one", "\ttwo", "END:VCARD"]
                .joined(separator: end))
            XCTAssertEqual(c.formattedName, "Anna Bergmann", "line end \(end.debugDescription)")
            XCTAssertEqual(c.note, "onetwo")
            XCTAssertEqual(c.firstName, "Anna")
            XCTAssertEqual(c.lastName, "Bergmann")
        }
    }

    func testQuotedPrintableSoftBreaksJoinBytesOfOneCharacter() throws {
        // "Müller" split inside the two bytes of ü, as Windows Address Book writes it.
        let c = try one("""
            BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=\r\n=BCller;Hans\r\n\
            NOTE;ENCODING=QUOTED-PRINTABLE:Zeile 1=0D=0AZeile 2=\r\n weiter\r\nEND:VCARD\r\n
            """)
        XCTAssertEqual(c.lastName, "Müller")
        XCTAssertEqual(c.firstName, "Hans")
        XCTAssertEqual(c.note, "Zeile 1\nZeile 2 weiter")
    }

    func testBareVersion21ParametersGiveTypesEncodingAndCharset() throws {
        let c = try one("""
            BEGIN:VCARD\nVERSION:2.1\nN:Kunz;Eva\nTEL;WORK;VOICE:0611 1\nTEL;CELL:0170 2\nTEL;WORK;FAX:0611 3\n\
            TEL;HOME;utf-8;QUOTED-PRINTABLE:Tel gesch=C3=A4ftlich\nEMAIL;PREF;INTERNET:eva@kunz.de\nEND:VCARD\n
            """)
        XCTAssertEqual(c.phones, [VCardChannel(value: "0611 1", kind: .work), VCardChannel(value: "0170 2", kind: .mobile),
                                  VCardChannel(value: "0611 3", kind: .fax), VCardChannel(value: "Tel geschäftlich", kind: .home)])
        XCTAssertEqual(c.emails, [VCardChannel(value: "eva@kunz.de", kind: .other)])
    }

    func testTypeParametersInEveryForm() throws {
        let c = try one("""
            BEGIN:VCARD\nVERSION:4.0\nFN:A B\nTEL;TYPE="work,voice";VALUE=uri:tel:+49-611-1\nTEL;TYPE=cell;TYPE=voice:2\n\
            item1.EMAIL;type=INTERNET;type=HOME:a@b.de\nitem1.X-ABLabel:_$!<Home>!$_\nEND:VCARD\n
            """)
        XCTAssertEqual(c.phones.map(\.kind), [.work, .mobile])
        XCTAssertEqual(c.phones.first?.value, "+49-611-1")
        XCTAssertEqual(c.emails, [VCardChannel(value: "a@b.de", kind: .home)])
    }

    func testEscapesInTextAndStructuredValues() throws {
        let c = try one(#"""
            BEGIN:VCARD
            VERSION:3.0
            N:Dupont\, jr.;Jean\; Luc;;;
            ORG:Dupont\, Fils & Cie;Vertrieb
            NOTE:Zeile 1\nZeile 2\, mit Komma\\Backslash
            END:VCARD
            """#)
        XCTAssertEqual(c.lastName, "Dupont, jr.")
        XCTAssertEqual(c.firstName, "Jean; Luc")
        XCTAssertEqual(c.organization, "Dupont, Fils & Cie")
        XCTAssertEqual(c.note, "Zeile 1\nZeile 2, mit Komma\\Backslash")
    }

    func testCharsetsUTF16AndWindows1252() throws {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nüßlebaum;Sören\r\nEND:VCARD\r\n"
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        for bytes in [le, be, [0xEF, 0xBB, 0xBF] + Array(text.utf8)] {
            XCTAssertEqual(contacts(bytes).contacts.first?.lastName, "Nüßlebaum")
        }
        // Windows-1252 without a CHARSET: read by the fallback, with a warning.
        let ansi: [UInt8] = Array("BEGIN:VCARD\nVERSION:2.1\nN:N".utf8) + [0xFC, 0xDF] + Array("lebaum;S".utf8) + [0xF6]
            + Array("ren\nEND:VCARD\n".utf8)
        let (cs, ws) = contacts(ansi)
        XCTAssertEqual(cs.first?.lastName, "Nüßlebaum")
        XCTAssertEqual(cs.first?.firstName, "Sören")
        XCTAssertEqual(ws.map(\.message), ["not UTF-8 and no CHARSET named: read as Windows-1252"])
        // Named by CHARSET, the same bytes need no fallback; € is 0x80 in Windows-1252.
        let named: [UInt8] = Array("BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=Windows-1252:".utf8) + [0xC4, 0x80]
            + Array(";X\nEND:VCARD\n".utf8)
        XCTAssertEqual(contacts(named).contacts.first?.lastName, "Ä€")
        XCTAssertEqual(contacts(named).warnings, [])
    }

    func testPhotosAreSkippedAndDoNotEndTheCard() throws {
        let c = try one("""
            BEGIN:VCARD\r\nVERSION:2.1\r\nN:Weber;Ida\r\nPHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQ\r\n\
             ABAAD/2wBDAAIBAQEBAQIBAQE\r\n\r\nEMAIL:ida@weber.de\r\nPHOTO;VALUE=uri:http://x/p.jpg\r\nEND:VCARD\r\n
            """)
        XCTAssertEqual(c.emails.map(\.value), ["ida@weber.de"])
        XCTAssertEqual(c.lastName, "Weber")
    }

    func testBirthdaysInEveryFormAndImpossibleOnesAreWarnings() {
        let cases: [(String, String?)] = [
            ("1980-05-17", "1980-05-17"), ("19800517", "1980-05-17"), ("--0203", "--02-03"), ("--02-03", "--02-03"),
            ("1980-05-17T00:00:00Z", "1980-05-17"), ("19800517T120000", "1980-05-17"), ("1912-06-23", "1912-06-23"),
            ("19723101", nil), ("1980-02-30", nil), ("circa 1800", nil), ("1980", nil), ("T102200Z", nil), ("1980-0517", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(VCardBirthday.parse(text)?.description, expected, text)
        }
        let (cs, ws) = contacts("BEGIN:VCARD\nVERSION:4.0\nFN:Max Mustermann\nBDAY:19723101\nEND:VCARD\n")
        XCTAssertNil(cs.first?.birthday)
        XCTAssertEqual(ws.map(\.description), [#"line 4 (card 1): BDAY "19723101" is not a possible date: no birthday stored"#])
    }

    func testDamagedCardsAreWarningsAndTheRestIsRead() {
        let text = """
            BEGIN:VCARD\nVERSION:3.0\nFN:Eins Erster\nthis line is broken\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:nobody@x.de\n\
            END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Drei Dritter\n
            """
        let (cs, ws) = contacts(text)
        XCTAssertEqual(cs.map(\.formattedName), ["Eins Erster", "", "Drei Dritter"])
        XCTAssertEqual(ws.map(\.description), [
            #"line 4 (card 1): not a vCard line, skipped: "this line is broken""#,
            "line 1 (card 1): card has no END:VCARD (a new card begins on line 5)",
            "line 9 (card 3): card has no END:VCARD (the file ends inside it)",
            "line 5 (card 2): no name (FN or N): skipped",
        ])
    }

    func testNamesFromNOrFromFN() throws {
        // FN splits as a CSV import splits a whole name: the title is no part of the first name.
        XCTAssertEqual(try one("BEGIN:VCARD\nFN:Dr. Maria Anna Schulz\nEND:VCARD").firstName, "Maria Anna")
        XCTAssertEqual(try one("BEGIN:VCARD\nFN:Dr. Maria Anna Schulz\nEND:VCARD").lastName, "Schulz")
        let n = try one("BEGIN:VCARD\nFN:Whatever\nN:Schulz;Maria;Anna;Dr.;\nTITLE:Einkauf\nROLE:Leitung\nEND:VCARD")
        XCTAssertEqual([n.firstName, n.lastName, n.jobRole], ["Maria", "Schulz", "Einkauf, Leitung"])
    }

    func testMixedCaseBeginAndNoFinalNewline() throws {
        let (cs, ws) = contacts("begin:vCard\r\nversion:3.0\r\nfn:Kurz Knapp\r\nend:vCard")
        XCTAssertEqual(cs.map(\.lastName), ["Knapp"])
        XCTAssertEqual(ws, [])
    }

    func testAddressesBecomeOneLine() throws {
        let c = try one(#"BEGIN:VCARD\#nFN:A B\#nADR;TYPE=WORK:;Geb. 3;Hauptstr. 1\nHof;Mainz;RP;55116;DE\#nEND:VCARD"#)
        XCTAssertEqual(c.addresses.first?.street, "Hauptstr. 1, Hof, Geb. 3")
        XCTAssertEqual(c.addresses.first?.oneLine, "Hauptstr. 1, Hof, Geb. 3, 55116 Mainz, RP, DE")
        XCTAssertEqual(c.addresses.first?.kind, .work)
    }

    /// Unfolding and decoding stay linear: a 4 MB note in 60,000 folded lines reads in well under a second.
    func testLongFoldedValueReadsInLinearTime() {
        var text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lang;Lisa\r\nNOTE;ENCODING=QUOTED-PRINTABLE:"
        text += String(repeating: "=C3=A4=C3=B6=C3=BC abcdefghijklmnopqrstuvwxyz 0123456789 ABCDEFGHIJKLMN=\r\n", count: 60_000)
        text += "ende\r\nEND:VCARD\r\n"
        let start = ContinuousClock.now
        let (cs, _) = contacts(text)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(3))
        XCTAssertEqual(cs.first?.note.count, 60_000 * 56 + 4)
    }
}
