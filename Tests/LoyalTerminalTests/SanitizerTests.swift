import XCTest
@testable import LoyalTerminal

final class SanitizerTests: XCTestCase {
    func testOSC52ClipboardWriteBecomesPrintable() {
        let hostile = "\u{1b}]52;c;SGVsbG8=\u{07}"
        XCTAssertEqual(Sanitizer.clean(hostile), "^[]52;c;SGVsbG8=^G")
    }

    func testCSISequencesAreShownNotExecuted() {
        XCTAssertEqual(Sanitizer.clean("\u{1b}[2J\u{1b}[31mRed\u{1b}[0m"), "^[[2J^[[31mRed^[[0m")
        XCTAssertEqual(Sanitizer.clean("\u{1b}[1;1H"), "^[[1;1H")
    }

    func testC1ControlsBecomeCodePoints() {
        // U+009B is CSI in its 8-bit form; U+0085 is NEXT LINE.
        XCTAssertEqual(Sanitizer.clean("\u{9b}31mX"), "<U+009B>31mX")
        XCTAssertEqual(Sanitizer.clean("a\u{85}b"), "a<U+0085>b")
        XCTAssertEqual(Sanitizer.clean("\u{80}\u{9f}"), "<U+0080><U+009F>")
    }

    func testBidiControlsBecomeVisible() {
        XCTAssertEqual(Sanitizer.clean("invoice\u{202E}fdp.exe"), "invoice<U+202E>fdp.exe")
        XCTAssertEqual(Sanitizer.clean("\u{2066}x\u{2069}"), "<U+2066>x<U+2069>")
        XCTAssertEqual(Sanitizer.clean("\u{200E}\u{200F}\u{061C}"), "<U+200E><U+200F><U+061C>")
        XCTAssertEqual(Sanitizer.clean("\u{202A}\u{202B}\u{202C}\u{202D}"),
                       "<U+202A><U+202B><U+202C><U+202D>")
    }

    func testInvisibleSpoofingCharactersBecomeVisible() {
        XCTAssertEqual(Sanitizer.clean("Pay\u{200B}Pal"), "Pay<U+200B>Pal")
        XCTAssertEqual(Sanitizer.clean("\u{FEFF}Name"), "<U+FEFF>Name")
        XCTAssertEqual(Sanitizer.clean("a\u{2028}b"), "a<U+2028>b")
        XCTAssertEqual(Sanitizer.clean("\u{3164}"), "<U+3164>")
    }

    func testLineBreaksTabsAndOtherC0UseCaretNotation() {
        XCTAssertEqual(Sanitizer.clean("a\rb\nc\td"), "a^Mb^Jc^Id")
        XCTAssertEqual(Sanitizer.clean("\u{0}\u{7f}\u{8}"), "^@^?^H")
        XCTAssertEqual(Sanitizer.clean("\u{1c}\u{1f}"), "^\\^_")
    }

    func testNormalTextIsUntouched() {
        for text in [
            "Müller & Söhne GmbH", "Straße", "ÄÖÜäöüß", "漢字かなカナ", "한국어",
            "😀 👍🏽 👨‍👩‍👧 🇩🇪", "e\u{301}", "ﬁ", "Ελληνικά", "עברית", "العربية", "",
            "plain ASCII ~!@#$%^&*()_+{}|:\"<>?",
        ] {
            XCTAssertEqual(Sanitizer.clean(text), text, text)
            XCTAssertFalse(Sanitizer.needsCleaning(text), text)
        }
    }

    func testCleanResultContainsNoControlCharacters() {
        let hostile = "\u{1b}]0;pwned\u{07}\u{1b}P+q\u{1b}\\\u{9d}8;;http://x\u{9c}\r\n\u{202E}"
        let cleaned = Sanitizer.clean(hostile)
        for scalar in cleaned.unicodeScalars {
            XCTAssertTrue(scalar.value >= 0x20 && scalar.value != 0x7F, "\(scalar.value)")
            XCTAssertFalse((0x80...0x9F).contains(scalar.value))
        }
        XCTAssertEqual(cleaned, "^[]0;pwned^G^[P+q^[\\<U+009D>8;;http://x<U+009C>^M^J<U+202E>")
    }
}
