import Foundation
import CSQLiteMode
import GRDB
import LoyalCore

public enum StoreError: Error, CustomStringConvertible, Equatable {
    case newerSchema(path: String, found: Int, known: Int)
    case unknownMigrations(path: String, [String])
    case notLoyal(path: String)
    case cannotCreate(path: String, reason: String)
    case missing(path: String)
    case readOnly(path: String)
    case readOnlyNeedsUpgrade(path: String)
    case busy(seconds: Double)
    case inUse(path: String)
    case notFound(String)
    case invalid(String)
    /// The user may not do this (AccessScope).
    case denied(String)
    /// Users are defined and this one is not among them.
    case unknownUser(String)

    public var description: String {
        switch self {
        case let .newerSchema(path, found, known):
            return Text.tr("store_error.newer_schema", path, found, known)
        case let .unknownMigrations(path, names):
            return Text.tr("store_error.unknown_migrations", path, names.joined(separator: ", "))
        case let .notLoyal(path):
            return Text.tr("store_error.not_loyal", path)
        case let .cannotCreate(path, reason):
            return Text.tr("store_error.cannot_create", path, reason)
        case let .missing(path):
            return Text.tr("store_error.missing", path)
        case let .readOnly(path):
            return Text.tr("store_error.read_only", path)
        case let .readOnlyNeedsUpgrade(path):
            return Text.tr("store_error.read_only_upgrade", path)
        case let .busy(seconds):
            return Text.tr("store_error.busy", BusyTimeout.text(seconds))
        case let .inUse(path):
            return Text.tr("store_error.in_use", path)
        case let .notFound(what): return what
        case let .invalid(what): return what
        case let .denied(what): return what
        case let .unknownUser(name):
            return Text.tr("store_error.unknown_user", name)
        }
    }

    static func isBusy(_ e: DatabaseError) -> Bool {
        e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED
    }

    /// True for the errors `message(for:)` words better than their own description.
    public static func isDatabaseError(_ error: Error) -> Bool { error is StoreError || error is DatabaseError }

    /// One line for a person: Loyal's own errors as they are, SQLite's without the SQL
    /// statement GRDB appends (a user cannot act on it, and it leaks the schema).
    public static func message(for error: Error) -> String {
        if let e = error as? StoreError { return e.description }
        if let e = error as? DatabaseError {
            if isBusy(e) { return StoreError.busy(seconds: BusyTimeout.defaultSeconds).description }
            // A refusal of the user's scope (ScopeGuard's triggers) is already one line for a person.
            if e.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER, let m = e.message { return ScopeGuard.refusalText(m) }
            return Text.tr("store_error.database_error", e.message ?? "\(e.resultCode)")
        }
        return "\(error)"
    }
}

extension BusyTimeout {
    /// "5 s", "0.5 s".
    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// The SQLite file behind Loyal: one WAL-mode pool, foreign keys on, a busy
/// timeout so a second Loyal (or a script) waits instead of failing.
public final class Store: Sendable {
    public let path: String
    let pool: BusyPool
    /// True when the file was opened read-only (a read command on a file Loyal may not write).
    public let isReadOnly: Bool
    /// Who opened it and what they may see and change; everything for a store opened without a user.
    public let scope: AccessScope
    /// Who opened it and how long it waits for locks, to open it again the same way (`reopened`).
    let identity: UserIdentity?
    let busyTimeout: Double

    /// Opens or creates the database at `path`, migrating it to the current schema.
    /// A file of a newer schema is refused before anything is written to it. Every
    /// connection, the one that checks the file included, waits up to `busyTimeout`
    /// seconds for another Loyal's lock.
    ///
    /// `user`: the person at the keyboard. With users defined in the file, an unknown one is
    /// refused and the scope of a known one is put on every connection (ScopeGuard); nil
    /// opens without restriction (tools inside Loyal, tests).
    public init(path: String, access: StoreAccess = .create, busyTimeout: Double = BusyTimeout.defaultSeconds,
                user: UserIdentity? = nil) throws {
        _ = Store.multithreadMode
        self.path = path
        identity = user
        self.busyTimeout = busyTimeout
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if exists {
            let writable = FileAccess.isWritable(path)
            if !writable && access != .read { throw StoreError.readOnly(path: path) }
            isReadOnly = !writable
            try Store.checkCompatible(path: path, writable: writable, busyTimeout: busyTimeout)
        } else {
            if access != .create { throw StoreError.missing(path: path) }
            try Store.createPrivateFile(path: path)
            isReadOnly = false
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.readonly = isReadOnly
        let scoped = ScopeBox()
        config.prepareDatabase { db in
            // Read connections opened after the scope is known get its views; the writer,
            // opened before, gets its triggers below.
            if let scope = scoped.scope { try ScopeGuard.install(db, scope, reader: db.configuration.readonly) }
        }
        if !isReadOnly {
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Deleted rows and the old version of an updated row are overwritten with zeros,
                // not left in free space, so a GDPR erasure (or any edit) leaves no copy in the
                // file. Debian's SQLite does this by default; other builds do not.
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
        }
        let base = try BusyPool.opening(path: path, timeout: busyTimeout) {
            try DatabasePool(path: path, configuration: config)
        }
        pool = BusyPool(base: base, path: path, timeout: busyTimeout)
        do {
            if isReadOnly {
                let current = try pool.read { db in try Schema.migrator.hasCompletedMigrations(db) }
                if !current { throw StoreError.readOnlyNeedsUpgrade(path: path) }
            } else {
                try pool.retrying { try Schema.migrator.migrate(base) }
            }
            if let user {
                let shared = FileAccess.isGroupShared(path)
                let resolved = try pool.read { db in try AccessScope.resolve(db, user, groupShared: shared) }
                // Without users nothing is restricted and the caller's name is the audit's:
                // the connections stay as they are, so a single-user file opens as before.
                if resolved.isTeam {
                    scoped.scope = resolved
                    base.invalidateReadOnlyConnections()
                    let readOnly = isReadOnly
                    try pool.writeWithoutTransaction { db in try ScopeGuard.install(db, resolved, reader: readOnly) }
                }
                scope = resolved
            } else {
                scope = .single(user: "")
            }
        } catch {
            try? base.close()
            throw error
        }
    }

    /// Set once, before the process's first connection (see CSQLiteMode.h).
    private static let multithreadMode: Int32 = loyal_sqlite_use_multithread_mode()

    /// An SQLite file created by someone else, or by a newer Loyal, is left alone. The
    /// check reads through a read-write connection when it may: closing that one leaves
    /// no -wal or -shm file behind, where a read-only one would.
    static func checkCompatible(path: String, writable: Bool, busyTimeout: Double) throws {
        var config = Configuration()
        config.readonly = !writable
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try BusyPool.opening(path: path, timeout: busyTimeout) {
                try DatabaseQueue(path: path, configuration: config)
            }
            defer { try? queue.close() }
            try BusyPool.retrying(timeout: busyTimeout) {
                try queue.read { db in try checkSchemaHeader(db, path: path) }
            }
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB {
            throw StoreError.notLoyal(path: path)
        }
    }

    static func checkSchemaHeader(_ db: Database, path: String) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let appID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
        if tables > 0 && appID != Schema.applicationID { throw StoreError.notLoyal(path: path) }
        if version > Schema.version {
            throw StoreError.newerSchema(path: path, found: version, known: Schema.version)
        }
        // A newer Loyal may add a migration without a new user_version (indexes, a column):
        // this one would not know what the file holds.
        let known = Set(Schema.migrator.migrations)
        let unknown = try Schema.migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw StoreError.unknownMigrations(path: path, unknown) }
    }

    /// Throws unless `path` is a Loyal database (of any schema version).
    public static func checkIsLoyal(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(BusyTimeout.defaultSeconds)
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

/// The scope, once resolved, for connections opened later.
private final class ScopeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: AccessScope?
    var scope: AccessScope? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
