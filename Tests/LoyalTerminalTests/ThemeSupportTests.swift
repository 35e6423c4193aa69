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

    func testDiagnosticDescription() {
        XCTAssertEqual(ThemeDiagnostic(file: "themes/x.toml", line: 7, message: "oops").description,
                       "themes/x.toml:7: oops")
        XCTAssertEqual(ThemeDiagnostic(file: "x.toml", line: nil, message: "gone").description, "x.toml: gone")
    }
}
