import ArgumentParser
import Foundation
import LoyalConfig
import LoyalCore
import LoyalStore

/// Options every subcommand takes: where the data and settings live, and what day it is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $LOYAL_DB, else $XDG_DATA_HOME/loyal/loyal.db).")
    var db: String?

    @Option(name: .long, help: "Settings file (default: $XDG_CONFIG_HOME/loyal/config.toml).")
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Pretend today is DATE (YYYY-MM-DD); also $LOYAL_TODAY.", visibility: .hidden))
    var today: String?

    @Option(name: .customLong("busy-timeout"),
            help: "Seconds to wait for another Loyal's write before giving up (default 5; also $LOYAL_BUSY_TIMEOUT).")
    var busyTimeout: Double?

    var databasePath: String { Paths.database(option: db) }
    var configPath: String { Paths.config(option: config) }

    /// A day typed as people type it (`t`, `-1`, `+7`, `12.3.`, full dates) for option `--name`;
    /// nil when the option was not given. `hint` follows the error message.
    func typedDay(_ text: String?, option name: String, today: Day, pastBias: Bool, hint: String = "") throws -> Day? {
        guard let text else { return nil }
        guard let d = Day(typed: text, today: today, pastBias: pastBias) else {
            if Day.isOutsideAccepted(typed: text, today: today) { throw Self.outsideRange("--\(name)", text) }
            throw ValidationError(Text.tr("cli_error.not_a_date", "--\(name)", text) + hint)
        }
        return d
    }

    /// The day given with `--as-of`, else today.
    func asOfDay(_ text: String?) throws -> Day {
        guard let text else { return try todayDay() }
        return try Self.fullDay(text, option: "--as-of")
    }

    func todayDay() throws -> Day {
        if let text = today {
            return try Self.fullDay(text, option: "--today")
        }
        if let text = ProcessInfo.processInfo.environment["LOYAL_TODAY"] {
            return try Self.fullDay(text, option: "LOYAL_TODAY")
        }
        return Clock.localToday()
    }

    /// A full date (YYYY-MM-DD or DD.MM.YYYY) within the days Loyal accepts.
    static func fullDay(_ text: String, option: String) throws -> Day {
        if let d = Day(parsing: text) { return d }
        if Day.isOutsideAccepted(parsing: text) { throw outsideRange(option, text) }
        throw ValidationError(Text.tr("cli_error.not_a_full_date", option, text))
    }

    static func outsideRange(_ option: String, _ text: String) -> ValidationError {
        ValidationError(Text.tr("cli_error.outside_days", option, text, Day.acceptedRangeText))
    }

    func settings() throws -> Settings {
        // A settings file named on the command line must be there: a typo would silently mean defaults.
        if let config, !config.isEmpty, !FileManager.default.fileExists(atPath: configPath) {
            throw CLIError(Text.tr("cli_error.no_settings_file", configPath))
        }
        do { return try ConfigFile.load(path: configPath) } catch { throw CLIError(error.description) }
    }

    /// The database for what the command means to do: read commands never create a file
    /// and open one Loyal may not write read-only; write commands refuse such a file.
    func openStore(_ access: StoreAccess) throws -> Store {
        let seconds = try busySeconds()
        return try Store(path: databasePath, access: access, busyTimeout: seconds, user: UserIdentity.current())
    }

    /// `--busy-timeout`, else $LOYAL_BUSY_TIMEOUT, else 5 s.
    func busySeconds() throws -> Double {
        let (text, name): (String?, String) = busyTimeout.map { ("\($0)", "--busy-timeout") }
            ?? (ProcessInfo.processInfo.environment["LOYAL_BUSY_TIMEOUT"], "LOYAL_BUSY_TIMEOUT")
        guard let text else { return BusyTimeout.defaultSeconds }
        guard let seconds = Double(text), seconds.isFinite, BusyTimeout.accepted.contains(seconds) else {
            throw ValidationError(Text.tr("cli_error.busy_seconds", name, text, Int(BusyTimeout.accepted.upperBound)))
        }
        return seconds
    }
}

/// An error the CLI prints as is, then exits with 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

enum Clock {
    /// The user's calendar day (local time zone), the one thing taken from the clock.
    static func localToday() -> Day {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? Day(number: t / 86400)
    }
}

enum Paths {
    static var env: [String: String] { ProcessInfo.processInfo.environment }

    static func database(option: String?) -> String {
        if let p = option, !p.isEmpty { return expand(p) }
        if let p = env["LOYAL_DB"], !p.isEmpty { return expand(p) }
        return dataHome() + "/loyal/loyal.db"
    }

    static func config(option: String?) -> String {
        if let p = option, !p.isEmpty { return expand(p) }
        return configHome() + "/loyal/config.toml"
    }

    static func dataHome() -> String {
        if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") { return x }
        return home() + "/.local/share"
    }

    static func configHome() -> String {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x }
        return home() + "/.config"
    }

    static func home() -> String { env["HOME"] ?? NSHomeDirectory() }

    static func expand(_ p: String) -> String { p.hasPrefix("~/") ? home() + p.dropFirst() : p }
}
