import Foundation
import XCTest

/// `scripts/install --prefix DIR --no-build` with the debug binary: the tree a user gets,
/// without the release build (minutes) the script makes otherwise.
final class InstallScriptTests: CLITestCase {
    func testInstallGivesBinaryManPageCompletionsAndThemes() throws {
        let package = PackagingTests.package
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let tools = (try? FileManager.default.contentsOfDirectory(atPath: package.appendingPathComponent(".build").path)) ?? []
        let generator = tools.flatMap { triple in ["debug", "release"].map { ".build/\(triple)/\($0)/generate-manual-tool" } }
            .first { FileManager.default.isExecutableFile(atPath: package.appendingPathComponent($0).path) }
        if generator == nil && ProcessInfo.processInfo.environment["CI"] == nil {
            // SwiftPM cannot run from inside `swift test` (it holds the build folder); .ci/run builds the tool first.
            throw XCTSkip("no generate-manual tool yet: run `swift package plugin generate-manual --configuration debug`")
        }
        let prefix = home.appendingPathComponent("prefix")
        let (status, output) = try install(["--prefix", prefix.path, "--no-build"], env: ["LOYAL_BIN": binary.path])
        XCTAssertEqual(status, 0, output)

        let version = try loyal(["--version"]).stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(output.hasSuffix("installed loyal \(version) in \(prefix.path)\n"), output)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/loyal").path))
        func text(_ path: String) throws -> String { try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8) }

        let manual = try text("share/man/man1/loyal.1")
        XCTAssertTrue(manual.contains(".Dt LOYAL 1"), manual)
        for subcommand in ["accounts", "demo", "import", "config"] {
            XCTAssertTrue(manual.contains(".It Em \(subcommand)"), "the man page documents \(subcommand)")
        }
        XCTAssertTrue(try text("share/bash-completion/completions/loyal").contains("complete"))
        XCTAssertTrue(try text("share/zsh/site-functions/_loyal").hasPrefix("#compdef loyal"))
        XCTAssertTrue(try text("share/fish/vendor_completions.d/loyal.fish").contains("complete -c 'loyal'"))

        let shipped = try FileManager.default.contentsOfDirectory(atPath: package.appendingPathComponent("themes").path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("share/loyal/themes").path)
            .sorted(), shipped)
        for file in shipped {
            XCTAssertEqual(try text("share/loyal/themes/\(file)"),
                           try String(contentsOf: package.appendingPathComponent("themes/\(file)"), encoding: .utf8))
        }
    }

    /// `--shared-db DIR --group G --shared-only` on an installed binary: the group owns the
    /// directory (2770) and the database (0660), the binary is setgid G, and the file counts
    /// as group-shared, so LOYAL_USER is honoured there only for an admin. The user's own
    /// group stands in for `loyal`, which only root could create.
    func testSharedDatabaseGetsTheGroupAndModes() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let prefix = home.appendingPathComponent("prefix"), data = home.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: prefix.appendingPathComponent("bin/loyal"))
        let group = String(cString: getgrgid(getgid())!.pointee.gr_name)
        let (status, output) = try install(["--prefix", prefix.path, "--shared-only", "--shared-db", data.path, "--group", group])
        XCTAssertEqual(status, 0, output)

        func mode(_ url: URL) -> (mode: Int, group: gid_t) {
            var info = stat()
            XCTAssertEqual(stat(url.path, &info), 0, url.path)
            return (Int(info.st_mode & 0o7777), info.st_gid)
        }
        let db = data.appendingPathComponent("loyal.db")
        XCTAssertEqual(mode(data).mode, 0o2770)
        XCTAssertEqual(mode(db).mode, 0o660)
        XCTAssertEqual(mode(prefix.appendingPathComponent("bin/loyal")).mode, 0o2755)
        for url in [data, db, prefix.appendingPathComponent("bin/loyal")] { XCTAssertEqual(mode(url).group, getgid()) }

        // The database is Loyal's, single-user until users are added; then the boundary holds.
        let env: [String: String?] = ["LOYAL_DB": db.path]
        XCTAssertEqual(try loyal(["users", "add", "boss", "--role", "admin"], env: env.merging(["LOYAL_USER": "boss"]) { $1 }).stdout,
                       "user boss added as admin\n")
        let r = try loyal(["accounts"], env: env.merging(["LOYAL_USER": "boss"]) { $1 })
        XCTAssertEqual(r.status, 1, "on a group-shared file LOYAL_USER is not enough: the login name is not an admin")
        XCTAssertTrue(r.stderr.contains("is honoured on a shared database only for an admin"), r.stderr)
    }

    /// Runs scripts/install with ARGS; its exit status and everything it printed.
    private func install(_ arguments: [String], env: [String: String?] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = PackagingTests.package.appendingPathComponent("scripts/install")
        process.arguments = arguments
        process.environment = environment(env)
        let log = home.appendingPathComponent("install.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    func testUnknownArgumentIsRefused() throws {
        let process = Process()
        process.executableURL = PackagingTests.package.appendingPathComponent("scripts/install")
        process.arguments = ["--prefx", "/tmp/nowhere"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 64)
    }
}
