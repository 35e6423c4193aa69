import Foundation
import GRDB
import LoyalCore

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case newerSchema(path: String, found: Int, known: Int)
    case notLoyal(path: String)
    case cannotCreate(path: String, reason: String)
    case notFound(String)
    case invalid(String)

    public var description: String {
        switch self {
        case let .newerSchema(path, found, known):
            return "\(path) was written by a newer Loyal (schema version \(found); this version knows up to \(known)). "
                + "It was not opened and not changed. Update Loyal to use it."
        case let .notLoyal(path):
            return "\(path) is not a Loyal database; it was not opened and not changed"
        case let .cannotCreate(path, reason):
            return "cannot create \(path): \(reason)"
        case let .notFound(what): return what
        case let .invalid(what): return what
        }
    }
}

/// The SQLite file behind Loyal: one WAL-mode pool, foreign keys on, a busy
/// timeout so a second Loyal (or a script) waits instead of failing.
public final class Store: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens or creates the database at `path`, migrating it to the current schema.
    /// A file of a newer schema is refused before anything is written to it.
    public init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            try Store.checkCompatible(path: path)
        } else {
            try Store.createPrivateFile(path: path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: config)
        try Schema.migrator.migrate(pool)
    }

    /// An SQLite file created by someone else, or by a newer Loyal, is left alone.
    static func checkCompatible(path: String) throws {
        var config = Configuration()
        config.readonly = true
        do {
            try readSchemaHeader(path: path, config: config)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw StoreError.notLoyal(path: path)
        }
    }

    private static func readSchemaHeader(path: String, config: Configuration) throws {
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        try queue.read { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let appID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables > 0 && appID != Schema.applicationID { throw StoreError.notLoyal(path: path) }
            if version > Schema.version {
                throw StoreError.newerSchema(path: path, found: version, known: Schema.version)
            }
        }
    }

    /// Throws unless `path` is a Loyal database (of any schema version).
    public static func checkIsLoyal(path: String) throws {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            let appID = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
            if appID != Schema.applicationID { throw StoreError.notLoyal(path: path) }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw StoreError.notLoyal(path: path)
        }
    }

    /// The database holds customer data: only its owner may read it (mode 0600).
    static func createPrivateFile(path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: error.localizedDescription)
            }
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        _ = Foundation.close(fd)
    }

    public func close() throws { try pool.close() }

    // MARK: - Meta

    public func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try pool.write { db in try Store.setMeta(db, key, value) }
    }

    static func setMeta(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [key, value])
    }

    /// True when the database has no customers yet.
    public func isEmpty() throws -> Bool {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") == 0 }
    }

    /// Refreshes the planner's statistics after bulk changes so list queries pick the right index.
    public func optimize() throws {
        // An approximate ANALYZE (analysis_limit) is enough for index choice and takes
        // milliseconds instead of scanning millions of purchase rows.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA analysis_limit = 2000; ANALYZE") }
    }
}
