import Foundation
import GRDB

/// The pool with Loyal's busy rule: SQLite's busy timeout waits for a lock, and a write
/// (or read) that still meets SQLITE_BUSY or SQLITE_LOCKED — a snapshot another writer
/// made stale, a WAL being recovered — is tried again until the timeout has passed since
/// the action began. Every closure given here may run more than once, so it must do
/// nothing but database work and assignments it repeats from scratch.
struct BusyPool: Sendable {
    let base: DatabasePool
    let path: String
    let timeout: Double

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try retrying { try base.read(value) }
    }

    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try retrying { try base.write(updates) }
    }

    func writeWithoutTransaction<T>(_ updates: (Database) throws -> T) throws -> T {
        try retrying { try base.writeWithoutTransaction(updates) }
    }

    func close() throws { try base.close() }

    func retrying<T>(_ attempt: () throws -> T) throws -> T {
        do {
            return try BusyPool.retrying(timeout: timeout, attempt)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
            throw StoreError.readOnly(path: path)
        }
    }
}

extension BusyPool {
    /// Opening runs SQL too (GRDB checks the file, sets WAL mode, writes its first WAL
    /// frame): a lock met there is waited for like any other.
    static func opening<T>(path: String, timeout: Double, _ open: () throws -> T) throws -> T {
        try retrying(timeout: timeout, open)
    }

    static func retrying<T>(timeout: Double, _ attempt: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        var pause: UInt32 = 2_000
        while true {
            do {
                return try attempt()
            } catch let e as DatabaseError where StoreError.isBusy(e) {
                if Date() >= deadline { throw StoreError.busy(seconds: timeout) }
                // A short, growing pause lets the other writer finish instead of spinning on its lock.
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
        }
    }
}
