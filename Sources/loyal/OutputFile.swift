import Foundation
import LoyalCore

/// Where `-o PATH` writes. A symlink is followed, so its target gets the content and the link
/// stays. A device or FIFO (`/dev/null`, a named pipe) is opened and written directly: renaming
/// a file over it would replace the device. A regular file is written atomically: a new
/// temporary file in the same directory, fsync, then rename, so an interrupted export never
/// leaves half a file under the real name. New files are 0600 (exports hold personal data);
/// a file that exists keeps its mode.
final class OutputFile {
    let fd: Int32
    private let path: String
    /// Set for an atomic write: the temporary file and the real name it is renamed to.
    private let temporary: (path: String, final: String)?
    private var closed = false

    init(path: String) throws {
        self.path = path
        let target = try Self.resolvingLinks(path)
        var info = stat()
        if stat(target, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw CLIError(Text.tr("cli_error.write_directory", path))
            case S_IFCHR, S_IFBLK, S_IFIFO:
                let fd = open(target, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw Self.failure(path) }
                self.fd = fd
                temporary = nil
                return
            default: throw CLIError(Text.tr("cli_error.write_not_file", path))
            }
        }
        let existingMode: mode_t? = stat(target, &info) == 0 ? info.st_mode & 0o7777 : nil
        let directory = (target as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.loyal-export-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Self.failure(path) }
        let temp = String(cString: template)
        // mkstemp creates 0600; an existing file's mode (e.g. 0640 for a shared folder) is kept.
        if let existingMode, fchmod(fd, existingMode) != 0 {
            let error = Self.failure(path)
            close(fd); unlink(temp)
            throw error
        }
        self.fd = fd
        temporary = (temp, target)
    }

    /// Makes the written content final: for a regular file fsync and rename over the real name.
    func commit() throws {
        guard !closed else { return }
        closed = true
        guard let temporary else {
            guard close(fd) == 0 else { throw Self.failure(path) }
            return
        }
        // Close even when fsync fails (EIO, ENOSPC on some file systems), and report the first error.
        var error = fsync(fd) == 0 ? nil : Self.failure(path)
        if close(fd) != 0, error == nil { error = Self.failure(path) }
        if let error {
            unlink(temporary.path)
            throw error
        }
        if rename(temporary.path, temporary.final) != 0 {
            let error = Self.failure(path)
            unlink(temporary.path)
            throw error
        }
        // The rename itself is durable once the directory is synced.
        let directory = open((temporary.final as NSString).deletingLastPathComponent.isEmpty
                             ? "." : (temporary.final as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        if directory >= 0 { fsync(directory); close(directory) }
    }

    /// Closes without committing; a temporary file is removed.
    func discard() {
        guard !closed else { return }
        closed = true
        close(fd)
        if let temporary { unlink(temporary.path) }
    }

    deinit { discard() }

    /// The path a chain of symlinks ends at (that target may not exist yet: it is created).
    static func resolvingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw failure(path) }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        throw CLIError(Text.tr("cli_error.write_links", path))
    }

    static func failure(_ path: String) -> OutputError {
        OutputError(target: path, code: errno)
    }
}
