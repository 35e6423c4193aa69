import Foundation
import XCTest

/// Runs the built `loyal` binary in a private temporary home.
class CLITestCase: XCTestCase {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private(set) var home: URL!
    var dataHome: URL { home.appendingPathComponent("data") }
    var configHome: URL { home.appendingPathComponent("config") }
    var defaultDB: String { dataHome.appendingPathComponent("loyal/loyal.db").path }
    var configFile: String { configHome.appendingPathComponent("loyal/config.toml").path }

    /// The `loyal` executable SwiftPM built next to the test bundle.
    static let binary: URL? = {
        var candidates: [URL] = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }
            .map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("loyal") }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("loyal"))
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("loyal"))
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/loyal"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    override func setUpWithError() throws {
        try super.setUpWithError()
        home = FileManager.default.temporaryDirectory
            .appendingPathComponent("loyal-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: home)
        try super.tearDownWithError()
    }

    func environment(_ extra: [String: String?] = [:]) -> [String: String] {
        var env: [String: String] = [
            "HOME": home.path,
            "XDG_DATA_HOME": dataHome.path,
            "XDG_CONFIG_HOME": configHome.path,
            "LOYAL_TODAY": "2026-11-23",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            // English words (LANG=C) with German days and amounts, as these tests were written:
            // formats follow the locale's time and money categories (see FormatChoice).
            "LC_TIME": "de_DE.UTF-8",
            "LC_MONETARY": "de_DE.UTF-8",
        ]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `loyal ARGS…`; output goes to files, so large exports cannot block on a full pipe.
    @discardableResult
    func loyal(_ arguments: [String], env extra: [String: String?] = [:], in directory: URL? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard let binary = Self.binary else {
            XCTFail("the loyal executable was not found next to the test bundle; run `swift build` first",
                    file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let id = UUID().uuidString
        let outURL = home.appendingPathComponent(".out-\(id)"), errURL = home.appendingPathComponent(".err-\(id)")
        XCTAssertTrue(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        XCTAssertTrue(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = directory ?? home
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    func write(_ text: String, to name: String) throws -> URL {
        let url = home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    /// Numbers printed by `loyal demo`: customers, A, B, C and purchases.
    func demoCounts(_ output: String, file: StaticString = #filePath, line: UInt = #line) -> (customers: Int, a: Int, b: Int, c: Int, purchases: Int)? {
        guard let m = output.firstMatch(of: #/(\d+) customers \((\d+) A, (\d+) B, (\d+) C\)/#),
              let p = output.firstMatch(of: #/(\d+) purchases,/#),
              let customers = Int(m.1), let a = Int(m.2), let b = Int(m.3), let c = Int(m.4), let purchases = Int(p.1) else {
            XCTFail("unexpected demo output: \(output)", file: file, line: line)
            return nil
        }
        return (customers, a, b, c, purchases)
    }
}
