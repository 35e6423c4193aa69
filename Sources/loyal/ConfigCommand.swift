import ArgumentParser
import LoyalCore
import Foundation
import LoyalConfig
import LoyalTerminal

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: Text.tr("cli.config_abstract"),
        subcommands: [Init.self, PathCommand.self, Check.self, ThemeCommand.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.config_init_abstract"))
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Overwrite an existing file.") var force = false
        @Flag(name: .customLong("stdout"), help: "Print the defaults instead of writing the file.") var toStdout = false

        func run() throws {
            let text = ConfigFile.defaultText()
            if toStdout { try printLine(text, terminator: ""); return }
            let path = global.configPath
            if FileManager.default.fileExists(atPath: path) && !force {
                throw CLIError(Text.tr("cli_error.exists_force", path))
            }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let temp = path + ".tmp-\(getpid())"
            try text.write(toFile: temp, atomically: false, encoding: .utf8)
            guard rename(temp, path) == 0 else { throw CLIError(Text.tr("cli_error.cannot_write", path)) }
            try printLine("wrote \(path)")
        }
    }

    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "path", abstract: Text.tr("cli.config_path_abstract"))
        @OptionGroup var global: GlobalOptions
        func run() throws {
            try printLine("config   \(global.configPath)")
            try printLine("database \(global.databasePath)")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text.tr("cli.config_check_abstract"))
        @OptionGroup var global: GlobalOptions
        func run() throws {
            _ = try global.settings()
            try printLine("\(global.configPath): OK")
        }
    }
}

    struct ThemeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "theme",
            abstract: Text.tr("cli.config_theme_abstract"))
        @OptionGroup var global: GlobalOptions
        @Option(help: "The theme to check (default: theme in the settings).") var theme: String?

        func run() throws {
            let name = try theme ?? global.settings().display.theme
            let loader = ThemeLoader(searchDirectories: ThemeLoader.defaultSearchDirectories())
            let loaded = loader.load(named: name)
            for d in loaded.diagnostics { Console.error(Sanitizer.clean(d.description)) }
            guard !loaded.usedFallback else {
                throw CLIError("theme \(Sanitizer.clean(name)) cannot be used; the interface falls back to \(loaded.theme.name)")
            }
            try printLine("\(Sanitizer.clean(loaded.theme.name))\t\(Sanitizer.clean(loader.location(of: name) ?? name))")
        }
    }
