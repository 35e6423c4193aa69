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
