import ArgumentParser
import Foundation
import LoyalConfig
import LoyalCore

/// Chooses the language before ArgumentParser runs, so that Loyal's own help texts and
/// messages are already in it: `--lang de|en` (taken out of the arguments, so it works with
/// every command), else the `language` setting of the config file, else the locale variables.
enum LanguageSetup {
    struct Result {
        var arguments: [String]
        var problem: String?
    }

    static func apply(_ arguments: [String], environment: [String: String]) -> Result {
        var rest: [String] = []
        var flag: String?
        var config: String?
        var problem: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { rest += arguments[i...]; break }
            if a == "--lang" || a.hasPrefix("--lang=") {
                let value = a == "--lang" ? (i + 1 < arguments.count ? arguments[i + 1] : "") : String(a.dropFirst(7))
                if a == "--lang" { i += 1 }
                if Language(named: value) == nil { problem = value } else { flag = value }
                i += 1
                continue
            }
            if a == "--config", i + 1 < arguments.count { config = arguments[i + 1] }
            if a.hasPrefix("--config=") { config = String(a.dropFirst(9)) }
            rest.append(a)
            i += 1
        }
        // An unreadable file is reported by the command itself; here it just means no setting.
        let display = (try? ConfigFile.load(path: Paths.config(option: config)))?.display
        let choice = LanguageChoice.resolve(flag: flag, setting: display?.language, environment: environment)
        Text.use(choice)
        // Loyal itself always chooses formats: those of the locale's time and money
        // categories or the setting, else those of the language (`LANG=C`: English).
        Text.useFormats(FormatChoice.resolve(setting: display?.formats, environment: environment, language: choice.language))
        return Result(arguments: rest, problem: problem.map { Text.tr("cli.bad_lang", $0) })
    }
}
