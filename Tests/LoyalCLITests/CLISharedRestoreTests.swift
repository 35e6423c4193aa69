import Foundation
import XCTest

/// `loyal restore` on the install script's shared database (issue 18): directory 2770 and
/// file 0660 of the team's group. The restored file, and the lock beside it that every
/// interface opens, stay the group's, or the next user could not open the database.
final class CLISharedRestoreTests: CLITestCase {
    private func mode(_ path: String) -> (mode: Int, group: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int(info.st_mode & 0o7777), info.st_gid)
    }

    /// A group the test may give files: a supplementary one when there is any besides the
    /// primary, so "kept the group" is not merely "got the primary group".
    private var teamGroup: gid_t {
        var groups = [gid_t](repeating: 0, count: 64)
        let n = getgroups(Int32(groups.count), &groups)
        return groups.prefix(Int(max(n, 0))).first { $0 != getegid() } ?? getegid()
    }

    func testRestoreKeepsTheSharedFilesGroupAndMode() throws {
        let dir = home.appendingPathComponent("team").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let group = teamGroup
        XCTAssertEqual(chown(dir, getuid(), group), 0)
        XCTAssertEqual(chmod(dir, 0o2770), 0)
        let db = dir + "/loyal.db", backup = home.appendingPathComponent("monday.db").path
        XCTAssertEqual(try loyal(["demo", "--customers", "30", "--db", db]).status, 0)
        XCTAssertEqual(chown(db, getuid(), group), 0)
        XCTAssertEqual(chmod(db, 0o660), 0)
        XCTAssertEqual(try loyal(["backup", backup, "--db", db]).status, 0)
        XCTAssertEqual(mode(backup)?.mode, 0o600, "a backup stays private to whoever took it")

        let r = try loyal(["restore", backup, "--db", db, "--yes"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(mode(db)?.mode, 0o660)
        XCTAssertEqual(mode(db)?.group, group)
        XCTAssertEqual(mode(db + ".lock")?.mode, 0o660, "every user's interface opens the lock")
        XCTAssertEqual(mode(db + ".lock")?.group, group)
        XCTAssertEqual(mode(db + ".before-restore")?.mode, 0o600, "the copy of what was there is the admin's")

        // Onto a shared directory where the database is gone: created as the group's.
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        XCTAssertEqual(try loyal(["restore", backup, "--db", db, "--yes"]).status, 0)
        XCTAssertEqual(mode(db)?.mode, 0o660)
        XCTAssertEqual(mode(db)?.group, group)
        XCTAssertEqual(try loyal(["accounts", "--db", db, "--limit", "1"]).status, 0)
    }

    /// A private database stays private: restore gives no one else access.
    func testRestoreKeepsAPrivateDatabasePrivate() throws {
        let db = home.appendingPathComponent("mine.db").path, backup = home.appendingPathComponent("b.db").path
        XCTAssertEqual(try loyal(["demo", "--customers", "20", "--db", db]).status, 0)
        XCTAssertEqual(try loyal(["backup", backup, "--db", db]).status, 0)
        XCTAssertEqual(try loyal(["restore", backup, "--db", db, "--yes"]).status, 0)
        XCTAssertEqual(mode(db)?.mode, 0o600)
        XCTAssertEqual(mode(db + ".lock")?.mode, 0o600)
    }
}
