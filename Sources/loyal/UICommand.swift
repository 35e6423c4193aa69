import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal
import LoyalUI

struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: Text.tr("cli.ui_abstract"))

    @OptionGroup var global: GlobalOptions

    @Option(help: "Colour theme: default, light, high-contrast, monochrome, solarized-dark, gruvbox-dark, or a file NAME.toml in ~/.config/loyal/themes.")
    var theme: String?

    func run() throws {
        do { try NcursesTerminal.checkUsable() } catch let e as TerminalError { throw CLIError(e.description) }
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let today = try global.todayDay()
        // Held while the interface is open: `demo --replace` refuses to delete the file under it.
        let lock = try DatabaseLock.shared(database: global.databasePath)
        defer { lock.release() }
        let store = try global.openStore(.create)
        let (settings, teamNote) = try global.settingsAndNote(mine, with: store)
        let loaded = ThemeLoader(searchDirectories: ThemeLoader.defaultSearchDirectories())
            .load(named: theme ?? settings.display.theme)
        for d in loaded.diagnostics { Console.error(Sanitizer.clean(d.description)) }
        // A day given by --today or LOYAL_TODAY stays; else the interface moves on at midnight.
        let dayIsFixed = global.today != nil || ProcessInfo.processInfo.environment["LOYAL_TODAY"] != nil
        let fromClock: @Sendable () -> Day = { Clock.localToday() }
        let clock: (@Sendable () -> Day)? = dayIsFixed ? nil : fromClock
        let env = Environment(store: store, settings: settings, today: today,
                              actor: store.scope.user.isEmpty ? ProcessInfo.processInfo.environment["USER"] ?? "loyal"
                                                              : store.scope.user,
                              clock: clock)
        let app = try App(environment: env)
        if let teamNote { app.showMessage(teamNote, warning: false) }
        if let first = loaded.diagnostics.first {
            app.showMessage("Theme problem: \(first.description) — using the default theme", warning: true)
        }
        do {
            try NcursesTerminal.withTerminal(theme: loaded.theme) { terminal in app.run(on: terminal) }
        } catch let e as TerminalError {
            throw CLIError(e.description)
        }
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: Text.tr("cli.keys_abstract"))

    func run() throws {
        try printLine(KeyBindings.markdown(), terminator: "")
    }
}
