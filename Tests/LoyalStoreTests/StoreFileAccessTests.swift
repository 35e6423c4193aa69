import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Which files Loyal opens, how, and which it leaves alone (issue 11, files).
final class StoreFileAccessTests: StoreTestCase {
    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func testReadAndWriteAccessRefuseAMissingFileAndCreateNothing() throws {
        let path = directory.appendingPathComponent("typo/loyal.db").path
        for access in [StoreAccess.read, .write] {
            XCTAssertThrowsError(try Store(path: path, access: access)) { error in
                XCTAssertEqual(error as? StoreError, .missing(path: path))
                XCTAssertEqual("\(error)", "no database at \(path); create one with `loyal demo` or an import")
            }
        }
        XCTAssertFalse(exists(path))
        XCTAssertFalse(exists(directory.appendingPathComponent("typo").path), "not even the folder")
    }

    func testAnUnknownMigrationIsRefusedAndTheFileLeftUntouched() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-from-the-future')") }
        try queue.close()
        XCTAssertFalse(exists(dbPath + "-wal"))
        let before = try Data(contentsOf: URL(fileURLWithPath: dbPath))

        for access in [StoreAccess.read, .write, .create] {
            XCTAssertThrowsError(try Store(path: dbPath, access: access)) { error in
                XCTAssertEqual(error as? StoreError, .unknownMigrations(path: dbPath, ["v2-from-the-future"]))
                XCTAssertTrue("\(error)".contains("not opened and not changed"), "\(error)")
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dbPath)), before)
        XCTAssertFalse(exists(dbPath + "-wal"), "no -wal left behind")
        XCTAssertFalse(exists(dbPath + "-shm"), "no -shm left behind")
    }

    func testANewerUserVersionLeavesNoWalOrShmBehind() throws {
        let store = try makeStore()
        try store.close()
        let queue = try DatabaseQueue(path: dbPath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 7") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: dbPath))
        XCTAssertThrowsError(try Store(path: dbPath, access: .read))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dbPath)), before)
        XCTAssertFalse(exists(dbPath + "-wal"))
        XCTAssertFalse(exists(dbPath + "-shm"))
    }

    func testAReadOnlyFileOpensReadOnlyForReadingAndIsRefusedForWriting() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\nK2,Beta\n")
        try store.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: dbPath)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dbPath) }
        let before = try Data(contentsOf: URL(fileURLWithPath: dbPath))

        let reader = try Store(path: dbPath, access: .read)
        XCTAssertTrue(reader.isReadOnly)
        XCTAssertFalse(try reader.isEmpty())
        XCTAssertEqual(try exportRows(reader, .customers).map { $0["number"] }, ["K1", "K2"])
        try reader.close()

        for access in [StoreAccess.write, .create] {
            XCTAssertThrowsError(try Store(path: dbPath, access: access)) { error in
                XCTAssertEqual(error as? StoreError, .readOnly(path: dbPath))
                XCTAssertEqual("\(error)", "\(dbPath) is read-only; nothing was changed")
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dbPath)), before)
    }
}
