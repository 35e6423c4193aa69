import Foundation
import XCTest
@testable import LoyalCore

/// Checks a generated file with real calendar software, when it is installed
/// (`apt-get install calcurse`, `pip install icalendar`); skipped otherwise.
final class ICalendarExternalTests: XCTestCase {
    var file: URL!

    override func setUpWithError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loyal-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        file = dir.appendingPathComponent("plan.ics")
        try Data(ICalendarWriterTests.sampleDocument().utf8).write(to: file)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }

    func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// calcurse imports every event and skips none.
    func testCalcurseImportsEveryEvent() throws {
        guard let calcurse = executable("calcurse") else { throw XCTSkip("calcurse is not installed") }
        let data = file.deletingLastPathComponent().appendingPathComponent("calcurse")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let events = try ICalendarReader.parse(ICalendarWriterTests.sampleDocument()).components("VEVENT").count
        let result = try run(calcurse, ["-D", data.path, "-i", file.path])
        print("calcurse -i:", result.output)
        XCTAssertEqual(result.status, 0, result.output)
        let counts = Self.counts(result.output)
        XCTAssertEqual(counts["skipped"], 0, result.output)
        XCTAssertEqual((counts["event"] ?? 0) + (counts["app"] ?? 0), events, result.output)
        // calcurse expands the yearly rule: the 29 February birthday shows on 28.02. in 2029.
        for (day, shows) in [("2028-02-29", true), ("2029-02-28", true), ("2029-03-01", false)] {
            let q = try run(calcurse, ["-D", data.path, "--input-datefmt", "4", "--output-datefmt", "%F", "-Q",
                                       "--from", day, "--days", "1"])
            XCTAssertEqual(q.output.contains("Birthday of Anna Schmidt"), shows, "\(day): \(q.output)")
        }
    }

    /// Python's `icalendar` (a full RFC 5545 parser) reads the file, and
    /// dateutil expands the 29 February rule onto 28.02. in common years.
    func testPythonIcalendarParsesTheFileAndExpandsTheBirthdayRule() throws {
        // Debian's Python first (scripts/install-deps installs python3-icalendar), then the one on PATH.
        let pythons = (["/usr/bin/python3"] + [executable("python3")].compactMap { $0 })
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        guard !pythons.isEmpty else { throw XCTSkip("python3 is not installed") }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/check-ics")
        var result = (status: Int32(3), output: "")
        for python in pythons where result.status == 3 { result = try run(python, [script.path, file.path]) }
        if result.status == 3 { throw XCTSkip("python icalendar is not installed; scripts/install-deps installs python3-icalendar") }
        print("scripts/check-ics:", result.output)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains(
            "c1-birthday-p10@loyal 2027-02-28 2028-02-29 2029-02-28 2030-02-28 2031-02-28 2032-02-29 Birthday of Anna Schmidt"),
                      result.output)
        XCTAssertTrue(result.output.contains("c1-follow-up-feedback-3@loyal 2026-11-17T09:30 Visit Müller GmbH"), result.output)
        XCTAssertTrue(result.output.contains("PRODID -//Loyal//Loyal communication calendar//EN"), result.output)
        XCTAssertTrue(result.output.contains("timezone Europe/Berlin 2027-07-01T12:00 +02:00 2027-12-01T12:00 +01:00"),
                      result.output)
    }

    /// "Import process report: 0407 lines read" "1 app / 32 events / 0 todos / 0 skipped".
    static func counts(_ output: String) -> [String: Int] {
        var result: [String: Int] = [:]
        let words = output.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "," })
        for (i, w) in words.enumerated().dropLast() {
            if let n = Int(w) {
                let label = words[i + 1].lowercased()
                for key in ["app", "event", "todo", "skipped"] where label.hasPrefix(key) { result[key] = n }
            }
        }
        return result
    }
}
