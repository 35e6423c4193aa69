import XCTest
@testable import LoyalCore

/// `StoredText.stored` is written by hand (issue 17): byte for byte what JSONSerialization
/// wrote before, for every kind of argument and every character a text may hold.
final class StoredTextEncodingTests: XCTestCase {
    private func assertSame(_ t: StoredText, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(t.stored, t.storedBySerialization, file: file, line: line)
        // A key "," reads as a list, and "[\"…" is what marks a stored text: neither reads back.
        if t.key != ",", t.key.first != "\"" {
            XCTAssertEqual(StoredText(stored: t.stored), t, file: file, line: line)
        }
    }

    func testEveryKindOfArgument() {
        let day = Day(iso: "2026-11-02")!
        assertSame(StoredText("evidence.address_changed"))
        assertSame(StoredText("evidence.address_changed", [.day(day)]))
        assertSame(StoredText("k", [.text("Müller & Söhne"), .int(-42), .int(Int.max), .money(Money(cents: -123_456)),
                                    .decimal(0.18, 2), .decimal(1e-7, 1), .decimal(12345678.9, 1), .number(6),
                                    .number(-0.5), .percent(-0.4), .percent(0.1 + 0.2), .word("complaint.delivery")]))
        assertSame(StoredText("k", [.list([]), .list([.word("a"), .word("b")]),
                                    .list([.sub(StoredText("evidence.who_on", [.text("A (B)"), .day(day)]))])]))
        assertSame(StoredText("outer", [.sub(StoredText("inner", [.sub(StoredText("innermost", [.int(1)]))])),
                                        .sub(StoredText("empty"))]))
    }

    func testQuotesBackslashesSlashesAndControlCharacters() {
        var all = ""
        for v in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        assertSame(StoredText("k", [.text(all)]))
        assertSame(StoredText("k\"\\/\n", [.text("\"quoted\" \\ back / slash\t\r\n\u{8}\u{c}\u{0}\u{1f}\u{7f}")]))
        for v in 0..<0x80 {
            let s = String(Unicode.Scalar(UInt8(v)))
            assertSame(StoredText(s, [.text(s), .word(s), .list([.text(s)])]))
        }
    }

    func testNonASCII() {
        var text = "äöüß€–—‚‘’“”…•→≤≥ 日本語 🙂👩‍👩‍👧 e\u{301} \u{2028}\u{2029}\u{feff}\u{fffd}\u{a0}\u{85}"
        for v in stride(from: 0x80, to: 0x3000, by: 7) {
            if let s = Unicode.Scalar(v) { text.unicodeScalars.append(s) }
        }
        for v in stride(from: 0xE000, to: 0x110000, by: 997) {
            if let s = Unicode.Scalar(v) { text.unicodeScalars.append(s) }
        }
        assertSame(StoredText("k", [.text(text)]))
        assertSame(StoredText(text, [.sub(StoredText(text, [.text(text)]))]))
    }

    func testEveryFormsEvidenceIsStoredAsBefore() {
        // The forms' own texts: a mix of everything the rules store.
        let facts = CustomerSignalFacts(
            customerID: 1, asOf: Day(iso: "2026-11-24")!, revenue12m: Money(cents: 840_000),
            revenuePrevious12m: Money(cents: 1_400_000),
            purchaseDays: [Day(iso: "2026-01-02")!, Day(iso: "2026-02-02")!, Day(iso: "2026-03-02")!],
            pAlive: 0.1234, expectedPurchasesNextYear: 0.45,
            complaints: [ComplaintFact(id: 7, openedOn: Day(iso: "2026-10-01")!, category: .delivery)],
            feedback: [FeedbackFact(day: Day(iso: "2026-11-01")!, nps: 2, pricePressure: true,
                                    competitor: "\"Quote\" GmbH / Co\\KG", cancellation: true)],
            contacts: [ContactFact(id: 3, name: "Jürgen \"Jo\" Groß", role: "Einkauf/Leitung",
                                   leftOn: Day(iso: "2026-11-20")!)],
            addressChangedOn: Day(iso: "2026-11-10")!, categories: ["Brot & Backwaren"])
        let found = EarlyWarning.findings(facts, rules: SignalRule.defaults)
        XCTAssertFalse(found.isEmpty)
        for f in found {
            guard let t = StoredText(stored: f.storedEvidence) else { return XCTFail(f.storedEvidence) }
            XCTAssertEqual(f.storedEvidence, t.storedBySerialization)
        }
    }
}
