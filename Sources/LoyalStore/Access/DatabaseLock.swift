import Foundation

/// A lock beside the database (PATH.lock) that says "a Loyal has this file open": every
/// open interface holds it shared; work that must have the file to itself (demo --replace
/// deleting it) takes it exclusively, without waiting. An flock goes with the process, so
/// a crashed interface never leaves the file locked.
public final class DatabaseLock: @unchecked Sendable {
    public let path: String
    private var fd: Int32

    public static func lockPath(for database: String) -> String { database + ".lock" }

    private init(path: String, fd: Int32) { self.path = path; self.fd = fd }

    /// Held while an interface has the database open; refused while another Loyal holds it exclusively.
    public static func shared(database: String) throws -> DatabaseLock {
        try take(database: database, operation: LOCK_SH)
    }

    /// The database to itself; refused at once while any interface has it open.
    public static func exclusive(database: String) throws -> DatabaseLock {
        try take(database: database, operation: LOCK_EX)
    }

    private static func take(database: String, operation: Int32) throws -> DatabaseLock {
        let path = lockPath(for: database)
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: error.localizedDescription)
            }
        }
        // On a team's shared database (group, 0660) the lock is the group's too: whoever
        // opens an interface first creates it, and everyone after must be able to open it.
        let shared = SharedMode.of(database: database)
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, shared?.mode ?? 0o600)
        // flock needs no write access: a lock file made private by someone else still locks.
        if fd < 0, errno == EACCES { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        // A lock made private before (by an older Loyal) is put right by its owner.
        if let shared { shared.apply(fd: fd) }
        while flock(fd, operation | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let failure = errno
            Foundation.close(fd)
            if failure == EWOULDBLOCK { throw StoreError.inUse(path: database) }
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(failure)))
        }
        return DatabaseLock(path: path, fd: fd)
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        Foundation.close(fd)
        fd = -1
    }

    deinit { release() }
}
