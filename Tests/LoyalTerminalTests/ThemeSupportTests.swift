import XCTest
@testable import LoyalTerminal

final class ThemeSupportTests: XCTestCase {
    func testCandidateDirectoriesForADebugBuild() {
        let dirs = ThemeLoader.candidateDirectories(
            executablePath: "/home/ann/src/loyal/.build/debug/loyal",
            environment: ["XDG_CONFIG_HOME": "/home/ann/.cfg", "HOME": "/home/ann"])
        XCTAssertEqual(dirs, ["/home/ann/.cfg/loyal/themes", "/home/ann/src/loyal/themes", "/usr/share/loyal/themes"])
    }

    func testCandidateDirectoriesForAReleaseBuildWithTriple() {
        let dirs = ThemeLoader.candidateDirectories(
            executablePath: "/w/loyal/.build/x86_64-unknown-linux-gnu/release/loyal",
            environment: ["HOME": "/home/bob"])
        XCTAssertEqual(dirs, ["/home/bob/.config/loyal/themes", "/w/loyal/themes", "/usr/share/loyal/themes"])
    }

    func testCandidateDirectoriesForInstalledAndRelativeExecutables() {
        XCTAssertEqual(
            ThemeLoader.candidateDirectories(executablePath: "/usr/local/bin/loyal", environment: [:]),
            ["/usr/local/share/loyal/themes", "/usr/share/loyal/themes"])
        XCTAssertEqual(
            ThemeLoader.candidateDirectories(executablePath: ".build/debug/loyal", environment: ["XDG_CONFIG_HOME": ""]),
            ["themes", "/usr/share/loyal/themes"])
        XCTAssertEqual(
            ThemeLoader.candidateDirectories(executablePath: "/usr/bin/loyal", environment: [:]),
            ["/usr/share/loyal/themes"])
    }

    func testThisTestBinaryFindsTheShippedThemes() {
        // The test bundle lives in <repo>/.build/..., like a debug `loyal`.
        let dirs = ThemeLoader.defaultSearchDirectories()
        XCTAssertTrue(dirs.contains(ThemeLoadingTests.shippedThemes), "\(dirs)")
    }

    func testLineIndexFindsKeysInHeadersInlineTablesAndDottedKeys() {
        let index = TOMLLineIndex(text: """
            name = "x" # comment with = sign
            [palette]
            "quoted key" = "#fff"

            [roles]
            selected = { fg = "a", bg = "b", mono = ["reverse", "bold"] }
            title.fg = "c"
            [roles.header]
            bold = true
            """)
        XCTAssertEqual(index.line(of: ["name"]), 1)
        XCTAssertEqual(index.line(of: ["palette", "quoted key"]), 3)
        XCTAssertEqual(index.line(of: ["roles"]), 5)
        XCTAssertEqual(index.line(of: ["roles", "selected"]), 6)
        XCTAssertEqual(index.line(of: ["roles", "selected", "mono"]), 6)
        XCTAssertEqual(index.line(of: ["roles", "title", "fg"]), 7)
        XCTAssertEqual(index.line(of: ["roles", "header", "bold"]), 9)
        XCTAssertEqual(index.line(of: ["roles", "header", "missing"]), 8)
        XCTAssertEqual(index.line(of: ["roles", "nothing"]), 5)
        XCTAssertNil(index.line(of: ["other"]))
    }

    func testDiagnosticDescription() {
        XCTAssertEqual(ThemeDiagnostic(file: "themes/x.toml", line: 7, message: "oops").description,
                       "themes/x.toml:7: oops")
        XCTAssertEqual(ThemeDiagnostic(file: "x.toml", line: nil, message: "gone").description, "x.toml: gone")
    }
}
