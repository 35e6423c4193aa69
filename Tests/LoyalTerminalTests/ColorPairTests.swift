import XCTest
@testable import LoyalTerminal

final class ColorPairTests: XCTestCase {
    func testPairsAreAllocatedOncePerCombination() {
        var pairs = ColorPairAllocator(capacity: 4)
        XCTAssertTrue(pairs.pair(fg: -1, bg: -1) == (0, false), "default on default is pair 0")
        XCTAssertTrue(pairs.pair(fg: 1, bg: -1) == (1, true))
        XCTAssertTrue(pairs.pair(fg: 2, bg: 0) == (2, true))
        XCTAssertTrue(pairs.pair(fg: 1, bg: -1) == (1, false), "same colours, same pair, no new init")
        XCTAssertTrue(pairs.pair(fg: 3, bg: 0) == (3, true))
        XCTAssertTrue(pairs.pair(fg: 4, bg: 0) == (0, false), "out of pairs: default colours")
        XCTAssertEqual(pairs.allocatedCount, 3)
    }

    func testCursesColorNumbers() {
        func n(_ c: TerminalColor?, _ mode: ColorMode, fg: Bool = true, defaults: Bool = true) -> Int32 {
            CursesColor.number(c, mode: mode, foreground: fg, defaultColorsAvailable: defaults)
        }
        XCTAssertEqual(n(nil, .c256), -1)
        XCTAssertEqual(n(.terminalDefault, .c256), -1)
        XCTAssertEqual(n(.terminalDefault, .c8, fg: true, defaults: false), 7)
        XCTAssertEqual(n(.terminalDefault, .c8, fg: false, defaults: false), 0)
        XCTAssertEqual(n(.indexed(196), .c256), 196)
        XCTAssertEqual(n(.indexed(3), .trueColor), 3)
        XCTAssertEqual(n(.indexed(196), .trueColor), 0xFF0000)
        XCTAssertEqual(n(.rgb(0x5F, 0xAF, 0xFF), .trueColor), 0x5FAFFF)
        XCTAssertEqual(n(.rgb(0, 0, 0), .trueColor), 8, "kept out of the basic-colour range")
    }

    func testThemeNeedsFewPairs() {
        // The default theme's 30 roles: normal is pair 0 (default on default); of the
        // other 29, eight repeat a combination (status_bar = tab_inactive, class_b =
        // header, class_c = dim, trend_up = success = risk_low, trend_down = risk_high,
        // help_key = warning, done = border), leaving 21 pairs.
        let theme = ThemeLoader(searchDirectories: [ThemeLoadingTests.shippedThemes]).load(named: "default").theme
        var pairs = ColorPairAllocator(capacity: 256)
        for role in StyleRole.allCases {
            let style = theme.style(for: role, mode: .c256)
            _ = pairs.pair(fg: CursesColor.number(style.fg, mode: .c256, foreground: true, defaultColorsAvailable: true),
                           bg: CursesColor.number(style.bg, mode: .c256, foreground: false, defaultColorsAvailable: true))
        }
        XCTAssertEqual(pairs.allocatedCount, 21)
    }
}
