import Foundation
import XCTest
@testable import LoyalStore

/// PATH.lock: interfaces share it, demo --replace needs it alone (issue 11, files).
final class DatabaseLockTests: StoreTestCase {
    func testInterfacesShareTheLockAndAnExclusiveTakerIsRefusedAtOnce() throws {
        let first = try DatabaseLock.shared(database: dbPath)
        let second = try DatabaseLock.shared(database: dbPath)
        XCTAssertEqual(first.path, dbPath + ".lock")
        let started = Date()
        XCTAssertThrowsError(try DatabaseLock.exclusive(database: dbPath)) { error in
            XCTAssertEqual(error as? StoreError, .inUse(path: dbPath))
            XCTAssertEqual("\(error)", "\(dbPath) is in use by another Loyal")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5, "it does not wait")
        first.release()
        XCTAssertThrowsError(try DatabaseLock.exclusive(database: dbPath), "one interface is still open")
        second.release()
        let alone = try DatabaseLock.exclusive(database: dbPath)
        XCTAssertThrowsError(try DatabaseLock.shared(database: dbPath)) { error in
            XCTAssertEqual(error as? StoreError, .inUse(path: dbPath), "no interface opens a file being replaced")
        }
        alone.release()
        XCTAssertNoThrow(try DatabaseLock.shared(database: dbPath).release())
    }
}
