import Foundation
import GRDB
import XCTest

/// `loyal backup` while others write, and `loyal restore` (issue 18, point 6).
final class CLIBackupTests: CLITestCase {
    private func integrityAndFeedback(_ path: String) throws -> (String, Int) {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM feedback") ?? -1)
        }
    }

    private func feedbackCount(_ db: String) throws -> Int { try integrityAndFeedback(db).1 }

    func testABackupTakenWhileTwoWritersSaveIsWholeCheckedAndPrivate() throws {
        let binary = try XCTUnwrap(Self.binary).path
        let db = home.appendingPathComponent("team.db").path
        XCTAssertEqual(try loyal(["demo", "--customers", "200", "--db", db]).status, 0)
        let before = try feedbackCount(db)
        // Two reps saving visits, each save its own process, while three backups are taken.
        var writers: [Process] = []
        for w in 1...2 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", """
                i=1; while [ $i -le 40 ]; do
                  "$0" feedback add --db "$1" --customer K1000$(( 10 + i % 90 )) --nps 8 --topics "bk-\(w)-$i" > /dev/null || echo FAILED
                  i=$(( i + 1 )); done
                """, binary, db]
            p.environment = environment()
            let out = Pipe(); p.standardOutput = out; p.standardError = out
            try p.run()
            writers.append(p)
        }
        var counts: [Int] = []
        for n in 1...3 {
            let target = home.appendingPathComponent("backup-\(n).db").path
            let r = try loyal(["backup", target, "--db", db])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("200 customers") && r.stdout.contains("integrity ok"), r.stdout)
            let (check, feedback) = try integrityAndFeedback(target)
            XCTAssertEqual(check, "ok")
            counts.append(feedback)
            XCTAssertEqual(try mode(target), 0o600)
            // One file: no -wal or -shm beside a backup, even after it was read.
            XCTAssertFalse(FileManager.default.fileExists(atPath: target + "-wal"))
        }
        for p in writers { p.waitUntilExit(); XCTAssertEqual(p.terminationStatus, 0) }
        let after = try feedbackCount(db)
        XCTAssertEqual(after, before + 80, "every save kept")
        XCTAssertEqual(counts, counts.sorted(), "each backup a later snapshot")
        XCTAssertTrue(counts.allSatisfy { $0 >= before && $0 <= after }, "\(before) \(counts) \(after)")
        // A half-written backup never takes the name: no temporary files are left either.
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(left, [])
    }

    func testRestoreBringsTheBackupBackAndKeepsWhatWasThere() throws {
        let db = home.appendingPathComponent("team.db").path, backup = home.appendingPathComponent("monday.db").path
        XCTAssertEqual(try loyal(["demo", "--customers", "100", "--db", db]).status, 0)
        let monday = try feedbackCount(db)
        XCTAssertEqual(try loyal(["backup", backup, "--db", db]).status, 0)
        XCTAssertEqual(try loyal(["feedback", "add", "--db", db, "--customer", "K100001", "--nps", "3"]).status, 0)
        XCTAssertEqual(try feedbackCount(db), monday + 1)

        let asked = try loyal(["restore", backup, "--db", db])
        XCTAssertEqual(asked.status, 1)
        XCTAssertTrue(asked.stderr.contains("add --yes"), asked.stderr)
        XCTAssertEqual(try feedbackCount(db), monday + 1, "without --yes nothing changes")

        let r = try loyal(["restore", backup, "--db", db, "--yes"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("100 customers"), r.stdout)
        XCTAssertEqual(try feedbackCount(db), monday)
        XCTAssertEqual(try integrityAndFeedback(db).0, "ok")
        XCTAssertEqual(try feedbackCount(db + ".before-restore"), monday + 1, "the data before is kept")
        XCTAssertEqual(try loyal(["accounts", "--db", db, "--limit", "1"]).status, 0)

        // Onto a new machine: the database does not exist yet.
        let fresh = home.appendingPathComponent("new/team.db").path
        XCTAssertEqual(try loyal(["restore", backup, "--db", fresh, "--yes"]).status, 0)
        XCTAssertEqual(try feedbackCount(fresh), monday)
    }

    func testRestoreIsRefusedWhileAnInterfaceHasTheDatabaseOpenAndForBadFiles() throws {
        let db = home.appendingPathComponent("team.db").path, backup = home.appendingPathComponent("b.db").path
        XCTAssertEqual(try loyal(["demo", "--customers", "50", "--db", db]).status, 0)
        XCTAssertEqual(try loyal(["backup", backup, "--db", db]).status, 0)
        // An open interface holds DB.lock shared.
        let fd = open(db + ".lock", O_RDWR | O_CREAT, 0o600)
        XCTAssertEqual(flock(fd, LOCK_SH), 0)
        let busy = try loyal(["restore", backup, "--db", db, "--yes"])
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.contains("in use by another Loyal"), busy.stderr)
        close(fd)

        let same = try loyal(["backup", db, "--db", db])
        XCTAssertEqual(same.status, 1)
        XCTAssertTrue(same.stderr.contains("is the database itself"), same.stderr)
        _ = try write("not a database\n", to: "junk.db")
        let junk = try loyal(["restore", home.appendingPathComponent("junk.db").path, "--db", db, "--yes"])
        XCTAssertEqual(junk.status, 1)
        XCTAssertTrue(junk.stderr.contains("is not a Loyal database"), junk.stderr)
        let none = try loyal(["restore", home.appendingPathComponent("none.db").path, "--db", db, "--yes"])
        XCTAssertTrue(none.stderr.contains("no backup at"), none.stderr)
        XCTAssertEqual(try integrityAndFeedback(db).0, "ok")
    }
}
