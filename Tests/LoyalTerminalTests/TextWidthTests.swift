import XCTest
@testable import LoyalTerminal

final class TextWidthTests: XCTestCase {
    func testColumnsOfSingleGraphemes() {
        XCTAssertEqual(TextWidth.columns(of: "ä"), 1)
        XCTAssertEqual(TextWidth.columns(of: "ß"), 1)
        XCTAssertEqual(TextWidth.columns(of: "漢"), 2)
        XCTAssertEqual(TextWidth.columns(of: "한"), 2)
        XCTAssertEqual(TextWidth.columns(of: "カ"), 2)
        XCTAssertEqual(TextWidth.columns(of: "ｶ"), 1, "halfwidth katakana")
        XCTAssertEqual(TextWidth.columns(of: "Ａ"), 2, "fullwidth Latin")
        XCTAssertEqual(TextWidth.columns(of: "\u{3000}"), 2, "ideographic space")
        XCTAssertEqual(TextWidth.columns(of: "e\u{301}"), 1)
        XCTAssertEqual(TextWidth.columns(of: "😀"), 2)
        XCTAssertEqual(TextWidth.columns(of: "👍🏽"), 2)
        XCTAssertEqual(TextWidth.columns(of: "👨‍👩‍👧"), 2)
        XCTAssertEqual(TextWidth.columns(of: "🇩🇪"), 2)
        XCTAssertEqual(TextWidth.columns(of: "❤"), 1, "text presentation by default")
        XCTAssertEqual(TextWidth.columns(of: "❤\u{FE0F}"), 2, "VS16 asks for emoji presentation")
        XCTAssertEqual(TextWidth.columns(of: "─"), 1)
        XCTAssertEqual(TextWidth.columns(of: "\u{301}"), 0, "lone combining mark")
        XCTAssertEqual(TextWidth.columns(of: "\u{200D}"), 0)
    }

    func testColumnsOfStrings() {
        XCTAssertEqual(TextWidth.columns(of: "Müller"), 6)
        XCTAssertEqual(TextWidth.columns(of: "漢字abc"), 7)
        XCTAssertEqual(TextWidth.columns(of: "Cafe\u{301} 😀"), 7)
        XCTAssertEqual(TextWidth.columns(of: ""), 0)
    }

    func testTruncateAddsEllipsisWithinWidth() {
        XCTAssertEqual(TextWidth.truncate("Müller GmbH", to: 8), "Müller …")
        XCTAssertEqual(TextWidth.truncate("Müller GmbH", to: 11), "Müller GmbH")
        XCTAssertEqual(TextWidth.truncate("Müller GmbH", to: 1), "…")
        XCTAssertEqual(TextWidth.truncate("Müller GmbH", to: 0), "")
        XCTAssertEqual(TextWidth.truncate("abcdef", to: 4, ellipsis: ""), "abcd")
        XCTAssertEqual(TextWidth.truncate("abcdef", to: 2, ellipsis: "..."), "ab")
    }

    func testTruncateLeavesOutWideCharacterAtTheEdge() {
        XCTAssertEqual(TextWidth.truncate("漢字漢字", to: 5), "漢字…")
        XCTAssertEqual(TextWidth.truncate("漢字漢字", to: 4), "漢…", "字 would straddle column 3")
        XCTAssertEqual(TextWidth.truncate("漢字漢字", to: 3, ellipsis: ""), "漢")
    }

    func testTruncateNeverSplitsAGrapheme() {
        let s = "e\u{301}e\u{301}e\u{301}"
        let cut = TextWidth.truncate(s, to: 2)
        XCTAssertEqual(cut, "e\u{301}…")
        XCTAssertEqual(Array(cut.unicodeScalars).map(\.value), [0x65, 0x301, 0x2026])
    }

    func testTruncateNeverExceedsWidthAndKeepsWholeGraphemes() {
        let samples = ["Müller GmbH", "漢字かなカナ", "a漢b字c", "😀x👨‍👩‍👧y🇩🇪", "e\u{301}漢e\u{301}", "ab"]
        for s in samples {
            let graphemes = Array(s)
            for width in 0...14 {
                for ellipsis in ["…", "", "..."] {
                    let cut = TextWidth.truncate(s, to: width, ellipsis: ellipsis)
                    XCTAssertLessThanOrEqual(TextWidth.columns(of: cut), width, "\(s) \(width)")
                    let body = Array(cut.hasSuffix(ellipsis) && cut != s ? String(cut.dropLast(ellipsis.count)) : cut)
                    XCTAssertEqual(Array(graphemes.prefix(body.count)), body, "\(s) \(width)")
                }
            }
        }
    }

    func testPadAlignsToExactWidth() {
        XCTAssertEqual(TextWidth.pad("Müller", to: 8), "Müller  ")
        XCTAssertEqual(TextWidth.pad("漢", to: 4, alignment: .right), "  漢")
        XCTAssertEqual(TextWidth.pad("ab", to: 5, alignment: .center), " ab  ")
        XCTAssertEqual(TextWidth.pad("abcdef", to: 4), "abc…")
        XCTAssertEqual(TextWidth.pad("漢字漢字", to: 4, ellipsis: ""), "漢字")
        XCTAssertEqual(TextWidth.pad("漢字漢字", to: 3, ellipsis: ""), "漢 ")
        XCTAssertEqual(TextWidth.pad("x", to: 0), "")
    }
}
