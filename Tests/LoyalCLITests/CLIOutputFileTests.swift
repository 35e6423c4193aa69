import Foundation
import XCTest

/// `-o PATH`: through symlinks, directly into devices and FIFOs, new files 0600, atomic
/// for regular files with no temporary file left behind.
final class CLIOutputFileTests: CLITestCase {
    private var exported: URL { home.appendingPathComponent("out") }

    private func fileType(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: exported.path).filter { $0.hasPrefix(".") }
    }

    private func expectedExport(_ db: String) throws -> String {
        let run = try loyal(["export", "customers", "--db", db])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: exported, withIntermediateDirectories: true)
    }

    func testANewFileIsPrivateAndAnExistingOneKeepsItsMode() throws {
        let db = try smallDemo()
        let expected = try expectedExport(db)
        let fresh = exported.appendingPathComponent("customers.csv").path
        XCTAssertEqual(try loyal(["export", "customers", "--db", db, "-o", fresh]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: fresh, encoding: .utf8), expected)
        XCTAssertEqual(try mode(fresh), 0o600)

        let shared = exported.appendingPathComponent("shared.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: shared))
        XCTAssertEqual(chmod(shared, 0o640), 0)
        XCTAssertEqual(try loyal(["export", "customers", "--db", db, "-o", shared]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: shared, encoding: .utf8), expected)
        XCTAssertEqual(try mode(shared), 0o640)
        XCTAssertEqual(try leftovers(), [])
    }

    func testASymlinkIsWrittenThroughAndStays() throws {
        let db = try smallDemo()
        let expected = try expectedExport(db)
        let target = exported.appendingPathComponent("target.csv").path, link = exported.appendingPathComponent("link.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        XCTAssertEqual(try loyal(["export", "customers", "--db", db, "-o", link]).status, 0)
        XCTAssertEqual(try fileType(link), .typeSymbolicLink)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.csv")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), expected)

        // A link whose target does not exist yet: the target is created, 0600.
        let dangling = exported.appendingPathComponent("dangling.csv").path, created = exported.appendingPathComponent("new.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: created)
        XCTAssertEqual(try loyal(["export", "customers", "--db", db, "-o", dangling]).status, 0)
        XCTAssertEqual(try fileType(dangling), .typeSymbolicLink)
        XCTAssertEqual(try String(contentsOfFile: created, encoding: .utf8), expected)
        XCTAssertEqual(try mode(created), 0o600)
        XCTAssertEqual(try leftovers(), [])
    }

    /// Exports into a FIFO and returns what its reader got, nil when the FIFO was replaced.
    private func exportIntoFIFO(_ db: String) throws -> String? {
        let fifo = exported.appendingPathComponent("fifo").path
        guard mkfifo(fifo, 0o600) == 0 else { throw XCTSkip("mkfifo failed") }
        let received = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var data = Data()
        Thread {
            if let reader = FileHandle(forReadingAtPath: fifo) { data = reader.readDataToEndOfFile(); try? reader.close() }
            received.signal()
        }.start()
        let run = try loyal(["export", "customers", "--db", db, "-o", fifo])
        if run.status != 0, let writer = FileHandle(forWritingAtPath: fifo) { try? writer.close() }  // release the reader
        XCTAssertEqual(received.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(run.status, 0, run.stderr)
        var info = stat()
        guard lstat(fifo, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func testAFIFOAndADeviceAreWrittenDirectly() throws {
        let db = try smallDemo()
        let expected = try expectedExport(db)
        // Only after the FIFO proved that devices are written in place is /dev/null tried.
        guard let received = try exportIntoFIFO(db) else {
            return XCTFail("the FIFO was replaced by a regular file")
        }
        XCTAssertEqual(received, expected)
        XCTAssertEqual(try leftovers(), [])

        var info = stat()
        guard stat("/dev/null", &info) == 0, info.st_mode & S_IFMT == S_IFCHR else { throw XCTSkip("/dev/null is not a device") }
        let run = try loyal(["export", "customers", "--db", db, "-o", "/dev/null"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is no longer a device")

        // A full disk behind -o is reported with the path (CLIWriteErrorTests covers stdout).
        guard stat("/dev/full", &info) == 0, info.st_mode & S_IFMT == S_IFCHR else { throw XCTSkip("no /dev/full") }
        let full = try loyal(["export", "purchases", "--db", db, "-o", "/dev/full"])
        XCTAssertEqual(full.status, 1, full.stderr)
        XCTAssertEqual(full.stderr, "loyal: cannot write /dev/full: No space left on device\n")
        XCTAssertEqual(stat("/dev/full", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/full is no longer a device")
    }

    func testAFailedExportLeavesTheFileAsItWasAndNoTemporaryFile() throws {
        let db = try smallDemo()
        let existing = exported.appendingPathComponent("keep.csv").path
        try Data("before\n".utf8).write(to: URL(fileURLWithPath: existing))
        let run = try loyal(["export", "customers", "--db", db, "--format", "ics", "-o", existing])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "before\n")
        XCTAssertEqual(try leftovers(), [])

        let directory = try loyal(["export", "customers", "--db", db, "-o", exported.path])
        XCTAssertEqual(directory.status, 1)
        XCTAssertTrue(directory.stderr.contains("cannot write \(exported.path): it is a directory"), directory.stderr)
        XCTAssertEqual(try leftovers(), [])
    }
}
