import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

@main
struct Loyal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loyal",
        abstract: Text.tr("cli.loyal_abstract"),
        discussion: Text.tr("cli.loyal_discussion"),
        version: LoyalVersion.current,
        subcommands: [UICommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self,
                      AccountsCommand.self, AgendaCommand.self, PlanCommand.self, ReportCommand.self, RefreshCommand.self, BacktestCommand.self, DuplicatesCommand.self, MergeCommand.self, BackupCommand.self, RestoreCommand.self, FeedbackCommand.self, GDPRCommand.self, UsersCommand.self, AuditCommand.self, AbsenceCommand.self, CampaignCommand.self, ConfigCommand.self, KeysCommand.self,
                      FieldsCommand.self],
        defaultSubcommand: UICommand.self)

    /// ArgumentParser's main, except that messages go through `Console` (sanitised on a
    /// terminal) and write errors end with one line. SIGPIPE is ignored so that a closed pipe
    /// arrives as EPIPE, which ends quietly with 0 (`loyal export purchases | head -1`).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        MallocArenas.useOne()
        let language = LanguageSetup.apply(Array(CommandLine.arguments.dropFirst()),
                                           environment: ProcessInfo.processInfo.environment)
        if let problem = language.problem { exit(with: ValidationError(problem), usage: true) }
        var command: ParsableCommand
        do { command = try parseAsRoot(language.arguments) } catch { exit(with: error, usage: true) }
        do { try command.run() } catch { exit(with: error, usage: false) }
        Glibc.exit(0)
    }

    /// `usage`: a parsing error shows the usage; an error while running (a bad day, a missing
    /// customer) is one line, since the usage ArgumentParser would add is the root's.
    static func exit(with error: Error, usage: Bool) -> Never {
        if let e = error as? OutputError {
            if e.isClosedStandardOutput { Glibc.exit(0) }
            Console.error("loyal: \(e)")
            Glibc.exit(1)
        }
        if StoreError.isDatabaseError(error) {
            // The store's own words: no SQL statement, one line.
            Console.error(Text.tr("cli.error", StoreError.message(for: error)))
            // EX_NOINPUT for a database that is not there, as sysexits(3) has it.
            if case .missing = error as? StoreError { Glibc.exit(66) }
            Glibc.exit(1)
        }
        let code = exitCode(for: error)
        let message = usage || code == .success ? fullMessage(for: error)
            : message(for: error).isEmpty ? "" : Text.tr("cli.error", message(for: error))
        if message.isEmpty { Glibc.exit(code.rawValue) }
        guard code == .success else {
            Console.error(message)
            Glibc.exit(code.rawValue)
        }
        do { try printLine(message) } catch { exit(with: error, usage: false) }
        Glibc.exit(code.rawValue)
    }
}
