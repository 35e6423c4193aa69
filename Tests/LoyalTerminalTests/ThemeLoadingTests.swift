import Foundation
import XCTest
@testable import LoyalTerminal

final class ThemeLoadingTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shippedThemes = packageRoot.appendingPathComponent("themes").path

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("loyal-theme-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name + ".toml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private var loader: ThemeLoader {
        ThemeLoader(searchDirectories: [scratch.path, Self.shippedThemes])
    }

    func testEveryShippedThemeLoadsWithoutDiagnostics() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.shippedThemes)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(files, ["default.toml", "gruvbox-dark.toml", "high-contrast.toml", "light.toml",
                               "monochrome.toml", "solarized-dark.toml"])
        let shipped = ThemeLoader(searchDirectories: [Self.shippedThemes])
        for file in files {
            let name = String(file.dropLast(5))
            let result = shipped.load(named: name)
            XCTAssertEqual(result.diagnostics.map(\.description), [], name)
            XCTAssertFalse(result.usedFallback, name)
            XCTAssertEqual(result.theme.name, name)
            XCTAssertEqual(Set(result.theme.roles.keys), Set(StyleRole.allCases), "\(name) names every role")
        }
    }

    func testDefaultThemeColoursDegradeToTheTerminal() {
        let theme = ThemeLoader(searchDirectories: [Self.shippedThemes]).load(named: "default").theme
        // selected = { fg = "select_fg" (#ffffff), bg = "select_bg" (#005f87), bold }
        XCTAssertEqual(theme.style(for: .selected, mode: .trueColor),
                       ResolvedStyle(fg: .rgb(0xFF, 0xFF, 0xFF), bg: .rgb(0x00, 0x5F, 0x87), attributes: .bold))
        XCTAssertEqual(theme.style(for: .selected, mode: .c256),
                       ResolvedStyle(fg: .indexed(231), bg: .indexed(24), attributes: .bold))
        // #005f87 = (0,95,135): cyan (0,205,205) 110²+70² = 17000 beats blue (0,0,238) 95²+103² = 19634.
        XCTAssertEqual(theme.style(for: .selected, mode: .c8),
                       ResolvedStyle(fg: .indexed(7), bg: .indexed(6), attributes: .bold))
        XCTAssertEqual(theme.style(for: .selected, mode: .none), ResolvedStyle(attributes: .reverse))
        XCTAssertEqual(theme.style(for: .normal, mode: .c256),
                       ResolvedStyle(fg: .terminalDefault, bg: .terminalDefault))
        // dim names only fg: bg comes from normal.
        XCTAssertEqual(theme.style(for: .dim, mode: .c256),
                       ResolvedStyle(fg: .indexed(245), bg: .terminalDefault))
    }

    func testInheritedThemeUsesItsOwnPaletteInTheParentsRoles() {
        let theme = ThemeLoader(searchDirectories: [Self.shippedThemes]).load(named: "gruvbox-dark").theme
        XCTAssertEqual(theme.style(for: .normal, mode: .trueColor),
                       ResolvedStyle(fg: .rgb(0xEB, 0xDB, 0xB2), bg: .rgb(0x28, 0x28, 0x28)))
        XCTAssertEqual(theme.style(for: .riskHigh, mode: .trueColor),
                       ResolvedStyle(fg: .rgb(0xFB, 0x49, 0x34), bg: .rgb(0x28, 0x28, 0x28), attributes: .bold))
    }

    func testSyntaxErrorIsReportedWithFileAndLineAndDefaultIsUsed() throws {
        let path = try write("broken", """
            # a theme with a typo
            name = "broken"

            [palette]
            accent = "#5fafff"

            [roles
            normal = { fg = "accent" }
            """)
        let result = loader.load(named: "broken")
        XCTAssertTrue(result.usedFallback)
        XCTAssertEqual(result.theme.name, "default")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.file, path)
        XCTAssertEqual(result.diagnostics.first?.line, 7)
        XCTAssertTrue(result.diagnostics.first?.description.hasPrefix(path + ":7: ") ?? false,
                      result.diagnostics.first?.description ?? "")
    }

    func testUnknownRoleIsReportedOnItsLine() throws {
        let path = try write("typo", """
            name = "typo"

            [roles]
            normal = { fg = "white" }
            selected = { fg = "black", bg = "cyan" }
            risk_hgh = { fg = "red" }
            """)
        let result = loader.load(named: "typo")
        XCTAssertTrue(result.usedFallback)
        XCTAssertEqual(result.theme.name, "default")
        let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["\(path):6: key \"roles.risk_hgh\": is not a known role (known: \(known))"])
        XCTAssertTrue(known.hasPrefix("normal, dim, title, header, tab_active"))
    }

    func testBadColoursAndKeysAreReportedOnTheirLines() throws {
        let path = try write("colours", """
            name = "colours"
            shade = 3

            [palette]
            accent = "#5fafzz"
            fine = "#abc"

            [roles]
            normal = { fg = "default" }
            title = { fg = "acent", bold = true }
            selected = { bg = 300 }

            [roles.header]
            fg = "fine"
            blink = true
            """)
        let result = loader.load(named: "colours")
        XCTAssertTrue(result.usedFallback)
        XCTAssertEqual(result.diagnostics.map { "\($0.line ?? 0)" }, ["2", "5", "11", "15", "10"])
        XCTAssertEqual(result.diagnostics.map(\.file), Array(repeating: path, count: 5))
        let messages = result.diagnostics.map { "key \"\($0.key ?? "")\": \($0.message)" }
        XCTAssertTrue(messages[0].hasPrefix("key \"shade\": is not a known key (known: name, "), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("key \"palette.accent\": expected a colour (use \"#rrggbb\", "), messages[1])
        XCTAssertTrue(messages[1].hasSuffix(", found \"#5fafzz\""), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("key \"roles.selected.bg\": expected a colour ("), messages[2])
        XCTAssertTrue(messages[2].hasSuffix(", found 300"), messages[2])
        XCTAssertTrue(messages[3].hasPrefix("key \"roles.header.blink\": is not a known key (known: fg, bg, mono, bold"), messages[3])
        XCTAssertTrue(messages[4].hasPrefix("key \"roles.title.fg\": \"acent\" is neither in [palette] nor a colour"),
                      messages[4])
    }

    func testMissingThemeFallsBackToDefault() {
        let result = loader.load(named: "nope")
        XCTAssertTrue(result.usedFallback)
        XCTAssertEqual(result.theme.name, "default")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.file, "nope.toml")
        XCTAssertTrue(result.diagnostics.first?.message.hasPrefix("theme not found in ") ?? false)
        XCTAssertEqual(loader.load(named: "../etc/passwd").theme.name, "default")
    }

    func testBrokenDefaultFallsBackToBuiltin() throws {
        _ = try write("default", "[roles]\nnormal = { fg = \"nocolour\" }\n")
        let result = loader.load(named: "default")
        XCTAssertTrue(result.usedFallback)
        XCTAssertEqual(result.theme, Theme.builtin)
        XCTAssertEqual(result.diagnostics.first?.line, 2)
        XCTAssertEqual(result.theme.style(for: .selected, mode: .c256), ResolvedStyle(attributes: .reverse))
    }

    func testInheritanceCycleIsReported() throws {
        let a = try write("cycle-a", "inherits = \"cycle-b\"\n")
        _ = try write("cycle-b", "# b\ninherits = \"cycle-a\"\n")
        let result = loader.load(named: "cycle-a")
        XCTAssertTrue(result.usedFallback)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics.first?.file.hasSuffix("cycle-b.toml") ?? false)
        XCTAssertEqual(result.diagnostics.first?.line, 2)
        XCTAssertNotEqual(result.diagnostics.first?.file, a)
    }

    func testUserThemeShadowsShippedOneAndMayInherit() throws {
        _ = try write("light", """
            inherits = "default"
            [palette]
            accent = "#ff0000"
            [roles]
            done = { fg = "green", dim = true }
            """)
        let result = loader.load(named: "light")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.theme.name, "light")
        XCTAssertEqual(result.theme.style(for: .title, mode: .c256).fg, .indexed(196))
        XCTAssertEqual(result.theme.style(for: .done, mode: .c8),
                       ResolvedStyle(fg: .indexed(2), bg: .terminalDefault, attributes: .dim))
    }

    func testLoadByFilePath() throws {
        let path = try write("direct", "[roles]\nnormal = { fg = 33 }\n")
        let result = loader.load(file: path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.theme.name, "direct")
        XCTAssertEqual(result.theme.style(for: .normal, mode: .c256).fg, .indexed(33))
    }
}
