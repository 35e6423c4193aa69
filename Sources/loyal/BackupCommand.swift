import ArgumentParser
import LoyalCore
import Foundation
import LoyalStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: Text.tr("cli.backup_abstract"),
        discussion: """
            The copy is one snapshot taken through SQLite's online backup, checked with PRAGMA integrity_check, \
            and replaces FILE only when complete. A nightly backup kept for a week, from cron:
              0 2 * * * loyal backup --db /srv/loyal/team.db /srv/loyal/backup/team-$(date +\\%a).db
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Where to write the copy (replaced when it exists).")
    var file: String

    func run() throws {
        let store = try global.openStore(.read)
        let start = Date()
        let s = try store.backup(to: file)
        try printLine("backup of \(store.path) to \(file): \(s.customers) customers, \(s.purchases) purchases, "
                      + "\(BackupText.size(s.bytes)), integrity ok, in " + String(format: "%.1f s", Date().timeIntervalSince(start)))
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: Text.tr("cli.restore_abstract"),
        discussion: "The backup is checked first and left unchanged; the database as it was is kept as DB.before-restore.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The backup to restore (a file written by loyal backup).")
    var file: String

    @Flag(help: "Replace the database; without it, nothing is changed.")
    var yes = false

    func run() throws {
        let path = global.databasePath
        guard yes else {
            throw CLIError(Text.tr("cli_error.restore_confirm", path, file))
        }
        let existed = FileManager.default.fileExists(atPath: path)
        if existed {
            // Replacing a team's data is an admin's decision (the users are in the file).
            let current = try global.openStore(.read)
            defer { try? current.close() }
            try current.scope.require(.admin, to: Text.tr("store_error.may_restore"))
        }
        let s = try Store.restore(from: file, into: path, busyTimeout: try global.busySeconds())
        try printLine("restored \(file) into \(path): \(s.customers) customers, \(s.purchases) purchases"
                      + (existed ? "; the data before is in \(path).before-restore" : ""))
    }
}

enum BackupText {
    /// "12.3 MB".
    static func size(_ bytes: Int64) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : String(format: "%.0f kB", Double(bytes) / 1e3)
    }
}
