import XCTest
@testable import LoyalTerminal

final class ColorTests: XCTestCase {
    func testParsing() {
        XCTAssertEqual(TerminalColor(parsing: "#5fafff"), .rgb(0x5F, 0xAF, 0xFF))
        XCTAssertEqual(TerminalColor(parsing: "#ABC"), .rgb(0xAA, 0xBB, 0xCC))
        XCTAssertEqual(TerminalColor(parsing: "196"), .indexed(196))
        XCTAssertEqual(TerminalColor(parsing: "red"), .indexed(1))
        XCTAssertEqual(TerminalColor(parsing: "White"), .indexed(7))
        XCTAssertEqual(TerminalColor(parsing: "bright_red"), .indexed(9))
        XCTAssertEqual(TerminalColor(parsing: "grey"), .indexed(8))
        XCTAssertEqual(TerminalColor(parsing: "default"), .terminalDefault)
        XCTAssertNil(TerminalColor(parsing: "256"))
        XCTAssertNil(TerminalColor(parsing: "-1"))
        XCTAssertNil(TerminalColor(parsing: "#12345"))
        XCTAssertNil(TerminalColor(parsing: "#gggggg"))
        XCTAssertNil(TerminalColor(parsing: "purple"))
    }

    func testXtermPalette() {
        XCTAssertTrue(XtermPalette.rgb(16) == (0, 0, 0))
        XCTAssertTrue(XtermPalette.rgb(196) == (0xFF, 0, 0))
        XCTAssertTrue(XtermPalette.rgb(75) == (0x5F, 0xAF, 0xFF))
        XCTAssertTrue(XtermPalette.rgb(231) == (0xFF, 0xFF, 0xFF))
        XCTAssertTrue(XtermPalette.rgb(232) == (8, 8, 8))
        XCTAssertTrue(XtermPalette.rgb(255) == (238, 238, 238))
    }

    func testHexTo256PicksTheNearestFixedPaletteEntry() {
        XCTAssertEqual(TerminalColor.rgb(0xFF, 0, 0).adapted(to: .c256), .indexed(196))
        XCTAssertEqual(TerminalColor.rgb(0x5F, 0xAF, 0xFF).adapted(to: .c256), .indexed(75))
        // Grey 128: cube entry 102 is (135,135,135), grey ramp 244 is exactly (128,128,128).
        XCTAssertEqual(TerminalColor.rgb(0x80, 0x80, 0x80).adapted(to: .c256), .indexed(244))
        // Solarized base03 (0,43,54): grey 234 (28,28,28) is at distance 784+225+676 = 1685,
        // closer than cube 17 (0,0,95) at 1849+1681 = 3530 and grey 235 at 1725.
        XCTAssertEqual(TerminalColor.rgb(0x00, 0x2B, 0x36).adapted(to: .c256), .indexed(234))
        XCTAssertEqual(TerminalColor.indexed(3).adapted(to: .c256), .indexed(3))
    }

    func testDegradeTo8PicksTheNearestBasicColour() {
        // Basic colours as xterm shows them: red cd0000, green 00cd00, yellow cdcd00,
        // blue 0000ee, magenta cd00cd, cyan 00cdcd, white e5e5e5.
        XCTAssertEqual(TerminalColor.indexed(196).adapted(to: .c8), .indexed(1))   // ff0000
        XCTAssertEqual(TerminalColor.indexed(46).adapted(to: .c8), .indexed(2))    // 00ff00
        XCTAssertEqual(TerminalColor.indexed(226).adapted(to: .c8), .indexed(3))   // ffff00
        XCTAssertEqual(TerminalColor.indexed(21).adapted(to: .c8), .indexed(4))    // 0000ff
        XCTAssertEqual(TerminalColor.indexed(201).adapted(to: .c8), .indexed(5))   // ff00ff
        XCTAssertEqual(TerminalColor.indexed(51).adapted(to: .c8), .indexed(6))    // 00ffff
        XCTAssertEqual(TerminalColor.indexed(231).adapted(to: .c8), .indexed(7))   // ffffff
        XCTAssertEqual(TerminalColor.indexed(16).adapted(to: .c8), .indexed(0))    // 000000
        // Orange ff8700: to yellow 50²+70² = 7400, to red 50²+135² = 20725.
        XCTAssertEqual(TerminalColor.indexed(208).adapted(to: .c8), .indexed(3))
        // Greys choose between black and white only. Grey 244 (128): to white
        // 3·101² = 30603, to black 3·128² = 49152 (plain distance would say
        // yellow: 2·77²+128² = 28242). Grey 240 (88): to black 23232, to white 59643.
        XCTAssertEqual(TerminalColor.indexed(244).adapted(to: .c8), .indexed(7))
        XCTAssertEqual(TerminalColor.indexed(240).adapted(to: .c8), .indexed(0))
        XCTAssertEqual(TerminalColor.rgb(0x8A, 0x8A, 0x8A).adapted(to: .c8), .indexed(7))
        // Solarized base03 (0,43,54) is no grey (spread 54): black 1849+2916 = 4765
        // beats blue 1849+184² = 35705.
        XCTAssertEqual(TerminalColor.rgb(0x00, 0x2B, 0x36).adapted(to: .c8), .indexed(0))
        // 5fafff: to cyan 95²+30²+50² = 12425, to white 134²+54²+26² = 21548.
        XCTAssertEqual(TerminalColor.rgb(0x5F, 0xAF, 0xFF).adapted(to: .c8), .indexed(6))
        XCTAssertEqual(TerminalColor.indexed(9).adapted(to: .c8), .indexed(1), "bright red shows as red")
        XCTAssertEqual(TerminalColor.indexed(5).adapted(to: .c8), .indexed(5))
        XCTAssertEqual(TerminalColor.terminalDefault.adapted(to: .c8), .terminalDefault)
    }

    func testTrueColorKeepsAndNoneDropsColours() {
        XCTAssertEqual(TerminalColor.rgb(1, 2, 3).adapted(to: .trueColor), .rgb(1, 2, 3))
        XCTAssertEqual(TerminalColor.indexed(200).adapted(to: .trueColor), .indexed(200))
        XCTAssertNil(TerminalColor.rgb(1, 2, 3).adapted(to: .none))
        XCTAssertNil(TerminalColor.terminalDefault.adapted(to: .none))
    }

    func testColorModeDetection() {
        XCTAssertEqual(ColorMode.detect(terminalColors: 256, environment: [:]), .c256)
        XCTAssertEqual(ColorMode.detect(terminalColors: 0x1000000, environment: [:]), .trueColor)
        XCTAssertEqual(ColorMode.detect(terminalColors: 8, environment: [:]), .c8)
        XCTAssertEqual(ColorMode.detect(terminalColors: 16, environment: [:]), .c8)
        XCTAssertEqual(ColorMode.detect(terminalColors: 0, environment: [:]), .none)
        XCTAssertEqual(ColorMode.detect(terminalColors: 256, environment: ["NO_COLOR": "1"]), .none)
        XCTAssertEqual(ColorMode.detect(terminalColors: 0x1000000, environment: ["NO_COLOR": "yes"]), .none)
        XCTAssertEqual(ColorMode.detect(terminalColors: 256, environment: ["NO_COLOR": ""]), .c256,
                       "an empty NO_COLOR does not count")
    }

    func testNoColorKeepsEveryRoleRecognisable() {
        let theme = Theme(name: "t", roles: [
            .normal: RoleStyle(fg: .indexed(7), bg: .indexed(0)),
            .title: RoleStyle(fg: .indexed(4), attributes: .bold),
            .error: RoleStyle(fg: .indexed(1), monochrome: [.bold, .underline]),
            .header: RoleStyle(attributes: .italic),
        ])
        XCTAssertEqual(theme.style(for: .selected, mode: .none), ResolvedStyle(attributes: .reverse))
        XCTAssertEqual(theme.style(for: .statusBar, mode: .none), ResolvedStyle(attributes: .reverse))
        XCTAssertEqual(theme.style(for: .title, mode: .none), ResolvedStyle(attributes: .bold))
        XCTAssertEqual(theme.style(for: .error, mode: .none), ResolvedStyle(attributes: [.bold, .underline]))
        XCTAssertEqual(theme.style(for: .header, mode: .none), ResolvedStyle(attributes: .italic),
                       "a role without colours keeps its own attributes")
        XCTAssertEqual(theme.style(for: .normal, mode: .none), ResolvedStyle())
        // Colour mode: an unnamed role gets normal's colours plus its built-in attribute.
        XCTAssertEqual(theme.style(for: .selected, mode: .c8),
                       ResolvedStyle(fg: .indexed(7), bg: .indexed(0), attributes: .reverse))
        XCTAssertEqual(theme.style(for: .title, mode: .c8),
                       ResolvedStyle(fg: .indexed(4), bg: .indexed(0), attributes: .bold))
    }
}
