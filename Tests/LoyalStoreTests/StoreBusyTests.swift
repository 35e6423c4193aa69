import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Another Loyal holding the lock: opening and writing wait for it up to the busy
/// timeout, then fail with one line that names no SQL (issue 11, concurrency).
final class StoreBusyTests: StoreTestCase {
    /// Holds a lock from another connection, released after `seconds`. `exclusive`: the
    /// whole file, as a checkpoint that truncates the WAL does (only possible while no
    /// other connection is open); otherwise the write lock, as another Loyal's save does.
    private func holdLock(exclusive: Bool, for seconds: Double) throws -> XCTestExpectation {
        var config = Configuration()
        config.busyMode = .timeout(5)
        let holder = try DatabaseQueue(path: dbPath, configuration: config)
        let locked = DispatchSemaphore(value: 0)
        let released = expectation(description: "lock released")
        let begin = exclusive ? "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE"
        Thread.detachNewThread {
            do {
                try holder.writeWithoutTransaction { db in
                    var signalled = false
                    defer { if !signalled { locked.signal() } }
                    try db.execute(sql: "\(begin); UPDATE meta SET value = value")
                    locked.signal(); signalled = true
                    Thread.sleep(forTimeInterval: seconds)
                    try db.execute(sql: "COMMIT; PRAGMA locking_mode = NORMAL; SELECT count(*) FROM meta")
                }
                try holder.close()
            } catch { XCTFail("holder: \(error)") }
            released.fulfill()
        }
        locked.wait()
        return released
    }

    private func preparedFile() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\n")
        try store.close()
    }

    func testOpeningWaitsForALockInsteadOfFailingAtOnce() throws {
        try preparedFile()
        let released = try holdLock(exclusive: true, for: 0.6)
        let started = Date()
        let store = try Store(path: dbPath, access: .read, busyTimeout: 5)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.4, "it waited for the lock")
        XCTAssertFalse(try store.isEmpty())
        try store.close()
        wait(for: [released], timeout: 5)
    }

    func testOpeningGivesUpAfterTheTimeoutWithOneClearLine() throws {
        try preparedFile()
        let released = try holdLock(exclusive: true, for: 1.5)
        let started = Date()
        XCTAssertThrowsError(try Store(path: dbPath, access: .write, busyTimeout: 0.5)) { error in
            XCTAssertEqual(error as? StoreError, .busy(seconds: 0.5))
            XCTAssertEqual(StoreError.message(for: error),
                           "the database is busy (another Loyal is writing); tried for 0.5 s")
        }
        let waited = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(waited, 0.5)
        XCTAssertLessThan(waited, 1.4, "gave up at the timeout, not when the lock went")
        wait(for: [released], timeout: 5)
    }

    func testAWriteWaitsForAnotherWriterAndThenSucceeds() throws {
        let store = try makeStore()
        let released = try holdLock(exclusive: false, for: 0.5)
        try store.setMeta("written", "after the other writer")
        XCTAssertEqual(try store.meta("written"), "after the other writer")
        wait(for: [released], timeout: 5)
    }

    func testAWriteThatWaitsTooLongFailsWithoutSQLInTheMessage() throws {
        let store = try Store(path: dbPath, busyTimeout: 0.3)
        defer { try? store.close() }
        let released = try holdLock(exclusive: false, for: 1)
        XCTAssertThrowsError(try store.setMeta("written", "too late")) { error in
            XCTAssertEqual(error as? StoreError, .busy(seconds: 0.3))
            let message = StoreError.message(for: error)
            XCTAssertFalse(message.contains("INSERT") || message.contains("SELECT"), message)
        }
        wait(for: [released], timeout: 5)
    }

    func testARawSQLiteErrorIsWordedWithoutItsStatement() {
        let error = DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE constraint failed: customer.number",
                                  sql: "INSERT INTO customer (number) VALUES (?)")
        XCTAssertTrue("\(error)".contains("INSERT"), "GRDB's own description carries the SQL")
        XCTAssertEqual(StoreError.message(for: error), "database error: UNIQUE constraint failed: customer.number")
    }
}
