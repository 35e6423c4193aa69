import Foundation
import GRDB
import LoyalCore

/// What a backup or a restore copied, for the line the CLI prints.
public struct BackupSummary: Sendable, Equatable {
    public var customers: Int
    public var purchases: Int
    public var bytes: Int64
}

extension Store {
    /// A consistent copy of the database while others keep working: SQLite's online
    /// backup reads one snapshot (in WAL mode writers are not stopped), into a private
    /// (0600) file beside `target` that replaces it only once it is complete and passes
    /// `PRAGMA integrity_check`, so a crash or a full disk never leaves a half backup
    /// under the backup's name, and the previous one stays until then.
    public func backup(to target: String) throws -> BackupSummary {
        // A copy holds every rep's customers: not for a rep who sees only their own.
        try scope.require(.manager, to: Text.tr("store_error.may_backup"))
        try Store.refuseSameFile(target, path)
        if let type = try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType,
           type != .typeRegular {
            throw StoreError.invalid(Text.tr("store_error.backup_not_regular", target))
        }
        let temp = Store.siblingTemp(of: target)
        try Store.createPrivateFile(path: temp)
        defer { Store.removeDatabaseFiles(temp) }
        let summary: BackupSummary
        do {
            let copy = try DatabaseQueue(path: temp)
            try pool.retrying { try pool.base.backup(to: copy) }
            // One self-contained file: a copy in WAL mode would grow -wal and -shm files
            // beside it whenever it is only looked at.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            summary = try Store.checkedSummary(copy, path: target)
            try copy.close()
        }
        guard rename(temp, target) == 0 else {
            throw StoreError.cannotCreate(path: target, reason: String(cString: strerror(errno)))
        }
        return summary
    }

    /// Replaces the database at `path` with the backup at `source`, in one write
    /// transaction through the backup API (a CLI command running meanwhile waits, then
    /// sees either the old or the restored data, never a mix). Refused while an
    /// interface has the file open: its screen would show data that is gone. The backup
    /// is checked and brought to this Loyal's schema on a private copy first, so the file
    /// named is never changed, and the current database is kept as PATH.before-restore (a missing
    /// database is created: a restore onto a new machine).
    public static func restore(from source: String, into path: String,
                               busyTimeout: Double = BusyTimeout.defaultSeconds) throws -> BackupSummary {
        try refuseSameFile(source, path)
        guard FileManager.default.fileExists(atPath: source) else { throw StoreError.notFound(Text.tr("store_error.no_backup", source)) }
        let lock = try DatabaseLock.exclusive(database: path)
        defer { lock.release() }
        let staged = siblingTemp(of: path)
        try createPrivateFile(path: staged)
        defer { removeDatabaseFiles(staged) }
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let from = try DatabaseQueue(path: source, configuration: readOnly)
            try from.read { db in try checkSchemaHeader(db, path: source) }
            let to = try DatabaseQueue(path: staged)
            try from.backup(to: to)
            try from.close(); try to.close()
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw StoreError.notLoyal(path: source)
        }
        let backup = try Store(path: staged, access: .write, busyTimeout: busyTimeout)
        defer { try? backup.close() }
        let summary = try checkedSummary(backup.pool.base, path: source)
        // Restoring onto a new machine: there is nothing to keep yet.
        let existed = FileManager.default.fileExists(atPath: path)
        // A team's shared file (group, 0660) stays the team's: restored by an admin, it
        // must not become the admin's alone.
        let shared = SharedMode.of(database: path)
        let live = try Store(path: path, access: .create, busyTimeout: busyTimeout)
        defer { try? live.close() }
        if existed { _ = try live.backup(to: path + ".before-restore") }
        try live.pool.retrying { try backup.pool.base.backup(to: live.pool.base) }
        if let shared {
            for suffix in ["", "-wal", "-shm", DatabaseLock.lockPath(for: "")] { shared.apply(to: path + suffix) }
        }
        return summary
    }

    private static func checkedSummary(_ db: some DatabaseReader, path: String) throws -> BackupSummary {
        try db.read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard check == ["ok"] else {
                throw StoreError.invalid(Text.tr("store_error.integrity", path, check.prefix(3).joined(separator: "; ")))
            }
            let pages = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return BackupSummary(customers: try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0,
                                 purchases: try Int.fetchOne(db, sql: "SELECT count(*) FROM purchase") ?? 0,
                                 bytes: pages * size)
        }
    }

    private static func refuseSameFile(_ a: String, _ b: String) throws {
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().path
        if ra == rb { throw StoreError.invalid(Text.tr("store_error.backup_is_database", a)) }
    }

    private static func siblingTemp(of path: String) -> String {
        path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
