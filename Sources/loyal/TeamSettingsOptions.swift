import Foundation
import LoyalConfig
import LoyalCore
import LoyalStore

extension GlobalOptions {
    /// The settings a command computes with: the user's config with the team's values from
    /// the database in place (capacity, holidays, risk thresholds; `loyal users setting`).
    /// When the user's config sets one of those, one line on standard error says the
    /// team's value is used, so nobody wonders why their figure has no effect.
    func settings(with store: Store) throws -> Settings {
        try settings(try settings(), with: store)
    }

    /// `mine` (the user's config, read before the database was opened) with the team's values.
    func settings(_ mine: Settings, with store: Store) throws -> Settings {
        let (settings, note) = try settingsAndNote(mine, with: store)
        if let note { Console.error(note) }
        return settings
    }

    /// The settings and the line that says which of the user's values the team's replace
    /// (the interface shows it on its status line instead).
    func settingsAndNote(_ mine: Settings, with store: Store) throws -> (Settings, String?) {
        let applied = try store.applyingTeamSettings(to: mine)
        let replaced = TeamSettingsNote.replacedKeys(given: ConfigFile.keysGiven(path: configPath),
                                                     stored: try store.storedTeamSettings(), applied: applied)
        return (applied.settings, replaced.isEmpty ? nil : TeamSettingsNote.line(replaced))
    }
}

enum TeamSettingsNote {
    /// The keys of the user's config a stored team value replaces: the team-wide key where
    /// the values differ, and any rep's own figure of the same name.
    static func replacedKeys(given: Set<String>, stored: [TeamSetting: String], applied: TeamAppliedSettings) -> [String] {
        var out = Set(applied.replaced.map(\.setting.rawValue).filter(given.contains))
        for key in stored.keys where key.rawValue.hasPrefix("calendar.") {
            let field = String(key.rawValue.dropFirst("calendar.".count))
            out.formUnion(given.filter { $0.hasPrefix("reps.") && $0.hasSuffix("." + field) })
        }
        return out.sorted()
    }

    static func line(_ keys: [String]) -> String {
        Text.tr("team_settings.replaced", keys.joined(separator: ", "))
    }
}
