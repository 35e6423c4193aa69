import XCTest
@testable import LoyalTerminal

/// What the command line writes to a terminal: cleaned as the screen is, line breaks kept.
final class TerminalTextTests: XCTestCase {
    func testLineBreaksStayAndEverythingElseIsShown() {
        XCTAssertEqual(TerminalText.safe("a,b\r\nc\n"), "a,b\r\nc\n")
        XCTAssertEqual(TerminalText.safe("K1,\u{1B}]52;c;aGk=\u{07}Clip\r\n"), "K1,^[]52;c;aGk=^GClip\r\n")
        XCTAssertEqual(TerminalText.safe("über\rschrieben\n"), "über^Mschrieben\n")
        XCTAssertEqual(TerminalText.safe("Mei\u{202E}er\r"), "Mei<U+202E>er^M")
        XCTAssertEqual(TerminalText.safe("Müller GmbH"), "Müller GmbH")
    }
}
