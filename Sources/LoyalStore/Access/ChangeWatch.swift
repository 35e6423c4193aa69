import Foundation
import GRDB

/// Notices that someone wrote to the database: another Loyal, a CLI command, a script.
///
/// SQLite's `PRAGMA data_version` changes on a connection whenever *another* connection
/// commits, so the watch keeps a connection of its own that never writes: every commit,
/// this process's own included, moves it. Reading it is a look at the WAL index: tens of
/// microseconds (ChangeWatchTests prints it), cheap enough to ask twice a second.
public final class ChangeWatch: @unchecked Sendable {
    private let queue: DatabaseQueue
    private var last: Int64?

    init(path: String, busyTimeout: Double) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        queue = try BusyPool.opening(path: path, timeout: busyTimeout) {
            try DatabaseQueue(path: path, configuration: config)
        }
        last = try version()
    }

    private func version() throws -> Int64 {
        try BusyPool.retrying(timeout: 1) {
            try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        }
    }

    /// True when something was committed since the last call (or since the watch began).
    /// A failed read counts as no change: the next poll asks again.
    public func changed() -> Bool {
        guard let now = try? version() else { return false }
        defer { last = now }
        return now != last
    }

    public func close() { try? queue.close() }
}

extension Store {
    /// A watch on this database's commits (for live updates of an open interface).
    public func watchChanges() throws -> ChangeWatch {
        try ChangeWatch(path: path, busyTimeout: busyTimeout)
    }

    /// The same database opened again by the same user, with a connection pool of its own
    /// (for work on another thread that must not queue behind the interface's reads).
    public func reopened() throws -> Store {
        try Store(path: path, access: isReadOnly ? .read : .write, busyTimeout: busyTimeout, user: identity)
    }
}
