import Foundation
import XCTest
@testable import LoyalTerminal

/// The themes compiled into the binary are exactly the files in themes/.
final class BundledThemesTests: XCTestCase {
    func testEveryFileInThemesIsBundledAsWritten() throws {
        let dir = ThemeLoadingTests.shippedThemes
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".toml") }
        XCTAssertEqual(Set(BundledThemes.texts.keys), Set(files.map { String($0.dropLast(5)) }),
                       "a new theme file needs its line in Package.swift's shippedThemes and in BundledThemes")
        for file in files {
            XCTAssertEqual(BundledThemes.texts[String(file.dropLast(5))],
                           try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8), file)
        }
    }

    func testWithoutAnyDirectoryEveryThemeLoadsFromTheBinary() {
        let loader = ThemeLoader(searchDirectories: [])
        for name in BundledThemes.texts.keys {
            let result = loader.load(named: name)
            XCTAssertEqual(result.diagnostics, [], name)
            XCTAssertFalse(result.usedFallback, name)
            XCTAssertEqual(result.theme.name, name)
            XCTAssertEqual(loader.location(of: name), "(built into loyal) \(name).toml")
        }
        // gruvbox-dark inherits default: the parent is found among the bundled ones too.
        XCTAssertEqual(loader.load(named: "gruvbox-dark").theme,
                       ThemeLoader(searchDirectories: [ThemeLoadingTests.shippedThemes], bundled: [:]).load(named: "gruvbox-dark").theme)
        XCTAssertNil(loader.location(of: "nope"))
        XCTAssertNil(loader.location(of: "../default"))
    }

    func testAFileInADirectoryComesBeforeTheBundledTheme() {
        let loader = ThemeLoader(searchDirectories: [ThemeLoadingTests.shippedThemes])
        XCTAssertEqual(loader.location(of: "light"), ThemeLoadingTests.shippedThemes + "/light.toml")
    }
}
