import Foundation
import XCTest

/// What a user gets outside the source tree: `--version`, a copied binary that still has
/// its themes, a clear refusal on a terminal that cannot address the cursor.
final class PackagingTests: CLITestCase {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `executable ARGS…` with exactly `env` (nothing inherited).
    func run(_ executable: String, _ arguments: [String], env: [String: String]) throws -> Result {
        let out = home.appendingPathComponent(".out-\(UUID().uuidString)"), err = home.appendingPathComponent(".err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = env
        process.currentDirectoryURL = home
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// The binary copied alone into a fresh folder, as a user copies it to another machine.
    func copiedBinary() throws -> String {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let folder = home.appendingPathComponent("elsewhere/bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("loyal")
        try FileManager.default.copyItem(at: binary, to: copy)
        return copy.path
    }

    func emptyHome() throws -> String {
        let empty = home.appendingPathComponent("empty-home")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        return empty.path
    }

    func testVersionIsTheConstantAndASemanticVersion() throws {
        let source = try String(contentsOf: Self.package.appendingPathComponent("Sources/loyal/Version.swift"), encoding: .utf8)
        let constant = try XCTUnwrap(source.firstMatch(of: #/current = "([^"]+)"/#)?.1)
        let version = try loyal(["--version"])
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertEqual(version.stdout, "\(constant)\n")
        XCTAssertNotNil(version.stdout.wholeMatch(of: #/\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\n/#), version.stdout)
    }

    func testACopiedBinaryWithAnEmptyHomeHasEveryShippedTheme() throws {
        let copy = try copiedBinary(), empty = try emptyHome()
        let themes = try FileManager.default.contentsOfDirectory(atPath: Self.package.appendingPathComponent("themes").path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertTrue(themes.contains("default"))
        for theme in [nil] + themes {
            let result = try run(copy, ["config", "theme"] + (theme.map { ["--theme", $0] } ?? []),
                                 env: ["HOME": empty, "PATH": "/usr/bin:/bin"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, "", "no theme problem")
            let name = theme ?? "default"
            XCTAssertEqual(result.stdout, "\(name)\t(built into loyal) \(name).toml\n")
        }
        let missing = try run(copy, ["config", "theme", "--theme", "nope"], env: ["HOME": empty])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.toml: theme not found in \(empty)/.config/loyal/themes"), missing.stderr)
    }

    func testAUserThemeOverridesTheBuiltInOne() throws {
        let copy = try copiedBinary(), empty = try emptyHome()
        let dir = URL(fileURLWithPath: empty).appendingPathComponent(".config/loyal/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("name = \"default\"\n[roles]\nnormal = { fg = \"red\" }\n".utf8).write(to: dir.appendingPathComponent("default.toml"))
        let result = try run(copy, ["config", "theme"], env: ["HOME": empty])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "default\t\(dir.path)/default.toml\n")
    }

    func testTERMDumbIsRefusedWhileSubcommandsWork() throws {
        let db = try smallDemo()
        let refused = try loyalOnTerminal(["--db", db], env: ["TERM": "dumb"], input: true)
        XCTAssertEqual(refused.status, 1, refused.text)
        XCTAssertEqual(refused.text.replacingOccurrences(of: "\r\n", with: "\n"),
                       "Error: the interface needs a terminal that can move the cursor, and TERM=dumb cannot; run it in a "
                       + "terminal such as xterm-256color (or set TERM to what yours is). The subcommands work anywhere: loyal --help\n")
        let fresh = home.appendingPathComponent("never.db").path
        XCTAssertEqual(try loyalOnTerminal(["--db", fresh], env: ["TERM": "dumb"], input: true).status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh), "a refused interface creates no database")
        let unknown = try loyalOnTerminal(["--db", db], env: ["TERM": "no-such-terminal"], input: true)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.text.contains("cannot use terminal type \"no-such-terminal\" (check TERM)"), unknown.text)

        let accounts = try loyalOnTerminal(["accounts", "--db", db, "--limit", "3"], env: ["TERM": "dumb"], input: true)
        XCTAssertEqual(accounts.status, 0, accounts.text)
        XCTAssertTrue(accounts.text.hasPrefix("NUMBER "), accounts.text)
        XCTAssertTrue(accounts.text.contains("3 of 30 accounts shown"), accounts.text)
    }
}
