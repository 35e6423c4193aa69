import Foundation

enum FileAccess {
    /// Whether Loyal should write `path`. For root `access(2)` always says yes, so a file
    /// its owner made read-only (no write bit for anyone) is taken at its word.
    static func isWritable(_ path: String) -> Bool {
        if geteuid() == 0 {
            var info = stat()
            guard stat(path, &info) == 0 else { return false }
            return info.st_mode & 0o222 != 0
        }
        return access(path, W_OK) == 0
    }
}

extension FileAccess {
    /// True when the group may read or write `path`: the install script's shared database
    /// (directory 0770, file 0660, owned by the `loyal` group).
    static func isGroupShared(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o060 != 0
    }
}

/// The group and mode a file of a group-shared database has: what a restore, or the lock
/// every interface opens, must keep so that the team's other users can still open it.
struct SharedMode: Equatable {
    var mode: mode_t
    var group: gid_t

    /// `path`'s own mode and group when the group may read or write it; for a missing file
    /// in a setgid directory the group may write (the install script's 2770), 0660 and the
    /// directory's group; nil for a private file or directory.
    static func of(database path: String) -> SharedMode? {
        var info = stat()
        if stat(path, &info) == 0 {
            return info.st_mode & 0o060 != 0 ? SharedMode(mode: info.st_mode & 0o777, group: info.st_gid) : nil
        }
        let dir = (path as NSString).deletingLastPathComponent
        guard stat(dir.isEmpty ? "." : dir, &info) == 0, info.st_mode & S_ISGID != 0, info.st_mode & 0o070 == 0o070 else {
            return nil
        }
        return SharedMode(mode: 0o660, group: info.st_gid)
    }

    /// Gives `path` (if it exists) this mode and group. The group can fail to change for a
    /// user outside it; the mode is what matters then, and it is the owner's to set.
    func apply(to path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = chown(path, uid_t.max, group)  // -1: keep the owner
        _ = chmod(path, mode)
    }

    func apply(fd: Int32) {
        _ = fchown(fd, uid_t.max, group)
        _ = fchmod(fd, mode)
    }
}
