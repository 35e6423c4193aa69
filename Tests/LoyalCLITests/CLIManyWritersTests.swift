import Foundation
import XCTest

/// Many writers at once (issue 11): four processes saving visits with `loyal feedback add`
/// while a 100,000-row purchase import and a full refresh run. Every save must succeed:
/// opening waits for the lock like every transaction does, saves are retried on a busy
/// database, and the import holds the write lock only while it writes checked rows.
final class CLIManyWritersTests: CLITestCase {
    static let writers = 4
    static let savesPerWriter = 250

    /// A purchases file for the demo's 1,500 customers (K100001…K101500), every row new.
    private func purchaseFile(rows: Int) throws -> String {
        var text = "customer,date,amount,reference\n"
        text.reserveCapacity(rows * 40)
        for i in 0..<rows {
            text += "K\(100_001 + i % 1_500),2025-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1)),"
                + "\(i % 900 + 10).50,MW\(i)\n"
        }
        let path = home.appendingPathComponent("many-purchases.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Starts `loyal ARGS…` (or a shell loop) with its output in files under home; returns the process.
    private func start(_ executable: String, _ arguments: [String], name: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment()
        process.currentDirectoryURL = home
        let out = home.appendingPathComponent("\(name).out").path, err = home.appendingPathComponent("\(name).err").path
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func output(_ name: String, _ suffix: String) throws -> String {
        try String(contentsOfFile: home.appendingPathComponent("\(name).\(suffix)").path, encoding: .utf8)
    }

    func testFourWritersAnImportAndARefreshAtOnceLoseNoSave() throws {
        let binary = try XCTUnwrap(Self.binary).path
        let db = home.appendingPathComponent("busy.db").path
        let demo = try loyal(["demo", "--db", db])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let feedbackBefore = try loyal(["export", "feedback", "--db", db]).stdout.components(separatedBy: "\r\n").count
        let purchases = try purchaseFile(rows: 100_000)

        let started = Date()
        // Each writer is a shell loop of separate `loyal` processes, as scripts and reps at
        // their terminals are: every save opens the database anew. A failed save prints
        // "FAILED i" with its exit status; its message goes to the writer's .err file.
        var processes: [(String, Process)] = []
        for w in 1...Self.writers {
            let script = """
                i=1
                while [ $i -le \(Self.savesPerWriter) ]; do
                  customer=$(( 100001 + (i * 7 + \(w) * 131) % 1500 ))
                  "$0" feedback add --db "$1" --customer "K$customer" --nps $(( i % 11 )) --topics "mw-w\(w)-$i" \\
                    --follow-up +$(( i % 20 + 1 )) > /dev/null || echo "FAILED $i status $?"
                  i=$(( i + 1 ))
                done
                """
            processes.append(("writer\(w)", try start("/bin/sh", ["-c", script, binary, db], name: "writer\(w)")))
        }
        processes.append(("import", try start(binary, ["import", "purchases", purchases, "--db", db], name: "import")))
        processes.append(("refresh", try start(binary, ["refresh", "--db", db], name: "refresh")))
        for (_, p) in processes { p.waitUntilExit() }
        let seconds = Date().timeIntervalSince(started)

        for (name, p) in processes {
            let errors = try output(name, "err")
            XCTAssertEqual(p.terminationStatus, 0, "\(name): \(errors)")
            XCTAssertEqual(errors, "", "\(name) printed an error")
        }
        for w in 1...Self.writers {
            XCTAssertEqual(try output("writer\(w)", "out"), "", "writer \(w) lost saves")
        }
        let imported = try output("import", "out")
        XCTAssertTrue(imported.contains("100000 rows, 100000 written"), imported)

        let export = try loyal(["export", "feedback", "--db", db])
        XCTAssertEqual(export.status, 0, export.stderr)
        let rows = export.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(rows.count - feedbackBefore, Self.writers * Self.savesPerWriter, "one new feedback row per save")
        let markers = Set(rows.compactMap { row in row.components(separatedBy: ",").first { $0.hasPrefix("mw-w") } })
        XCTAssertEqual(markers.count, Self.writers * Self.savesPerWriter, "every save is there exactly once")
        let purchasesNow = try loyal(["export", "purchases", "--db", db]).stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(purchasesNow.filter { $0.contains(",MW") }.count, 100_000)
        print("4 writers x \(Self.savesPerWriter) saves + 100,000-row import + refresh: \(String(format: "%.1f", seconds)) s")
    }
}
