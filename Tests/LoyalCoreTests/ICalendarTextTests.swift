import XCTest
@testable import LoyalCore

/// Escaping, folding and unfolding (RFC 5545 §3.1, §3.3.11).
final class ICalendarTextTests: XCTestCase {
    /// The physical lines of a folded text, as bytes.
    func physicalLines(_ folded: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(folded.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { lines.append([]); i += 2; continue }
            lines[lines.count - 1].append(bytes[i]); i += 1
        }
        return lines
    }

    /// Decoding and encoding again gives the same bytes only when no UTF-8 sequence was cut.
    func isWholeUTF8(_ bytes: [UInt8]) -> Bool {
        Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
    }

    func testALongLineWithUmlautsFoldsAtSeventyFiveOctetsAndUnfoldsBackExactly() {
        let text = String(String(repeating: "Grüße aus Köln – Bärbel Müller läßt grüßen; ", count: 6).prefix(200))
        XCTAssertEqual(text.count, 200)
        let line = "DESCRIPTION:" + text
        XCTAssertGreaterThan(line.utf8.count, 212, "umlauts take two octets, the dash three")
        let folded = ICalendarText.fold(line)
        let lines = physicalLines(folded)
        XCTAssertGreaterThanOrEqual(lines.count, 4)
        for (i, l) in lines.enumerated() {
            XCTAssertLessThanOrEqual(l.count, 75, "line \(i) has \(l.count) octets")
            XCTAssertTrue(isWholeUTF8(l), "line \(i) cuts a character")
            if i > 0 { XCTAssertEqual(l.first, 0x20, "a continuation starts with a space") }
        }
        // Each line is as full as a character boundary allows (at most 3 octets short here).
        for l in lines.dropLast() { XCTAssertGreaterThanOrEqual(l.count, 73) }
        let unfolded = ICalendarText.unfold(folded + "\r\n")
        XCTAssertEqual(unfolded.count, 1)
        XCTAssertEqual(unfolded.first?.text, line)
    }

    func testAFoldNeverSplitsACharacterAtTheBoundary() {
        // 74 ASCII octets, then "ä" (2 octets) would straddle octet 75: it moves to the next line.
        let line = String(repeating: "X", count: 74) + "ä" + "b"
        XCTAssertEqual(ICalendarText.fold(line), String(repeating: "X", count: 74) + "\r\n äb")
        // A four-octet character straddling the boundary.
        let emoji = String(repeating: "Y", count: 73) + "🎂" + "!"
        XCTAssertEqual(ICalendarText.fold(emoji), String(repeating: "Y", count: 73) + "\r\n 🎂!")
    }

    func testExactlySeventyFiveOctetsIsNotFolded() {
        let line = String(repeating: "a", count: 75)
        XCTAssertEqual(ICalendarText.fold(line), line)
        let longer = String(repeating: "a", count: 76)
        XCTAssertEqual(ICalendarText.fold(longer), String(repeating: "a", count: 75) + "\r\n a")
        // Continuation lines hold 74 octets after their space.
        let twoFolds = String(repeating: "b", count: 75 + 74 + 1)
        XCTAssertEqual(physicalLines(ICalendarText.fold(twoFolds)).map(\.count), [75, 75, 2])
    }

    func testEscaping() {
        XCTAssertEqual(ICalendarText.escape("Preis; Rabatt, bitte C:\\Angebote prüfen\nZeile 2"),
                       "Preis\\; Rabatt\\, bitte C:\\\\Angebote prüfen\\nZeile 2")
        XCTAssertEqual(ICalendarText.escape("a\r\nb\rc"), "a\\nb\\nc", "CR LF is one line break")
        XCTAssertEqual(ICalendarText.escape("Zeit: 9:30"), "Zeit: 9:30", "colons need no escape in TEXT")
    }

    func testEscapingRoundTrip() {
        let texts = ["Preis; Rabatt, bitte C:\\Angebote prüfen\nZeile 2", "\\n is not a newline", ";;,,\\\\",
                     "Grüße\n\nmit Leerzeile", "", "ends with a backslash \\"]
        for t in texts {
            XCTAssertEqual(ICalendarText.unescape(ICalendarText.escape(t)), t)
        }
        XCTAssertEqual(ICalendarText.unescape("Zeile 1\\NZeile 2"), "Zeile 1\nZeile 2", "capital N too")
    }

    func testListValues() {
        XCTAssertEqual(ICalendarText.splitList("Loyal,After purchase,Call"), ["Loyal", "After purchase", "Call"])
        XCTAssertEqual(ICalendarText.splitList("a\\,b,c\\\\,d"), ["a,b", "c\\", "d"])
    }

    func testUnfoldAcceptsTabsAndBareLineFeedsAndCountsPhysicalLines() {
        let lines = ICalendarText.unfold("BEGIN:X\nSUMMARY:Ein\r\n\tlanger\r\n  Text\r\n\r\nEND:X")
        XCTAssertEqual(lines.map(\.text), ["BEGIN:X", "SUMMARY:Einlanger Text", "END:X"])
        XCTAssertEqual(lines.map(\.line), [1, 2, 6])
    }
}

/// Control characters cannot be imported any more (issue 11), so the CLI test of the
/// calendar export no longer carries them; the ICS text must still leave them out.
final class ICalendarTextControlTests: XCTestCase {
    func testControlCharactersAreLeftOutOfText() {
        XCTAssertEqual(ICalendarText.escape("Söhne \\ Partner\u{1B}[2J\u{07}\u{85}"), "Söhne \\\\ Partner[2J")
        XCTAssertEqual(ICalendarText.escape("a\tb\r\nc"), "a\tb\\nc")
    }
}
