/// The two languages Loyal speaks. German teams are its users; English is the fallback.
public enum Language: String, Sendable, CaseIterable {
    case en, de

    /// A language named by the user (`--lang`, the `language` setting): `de`, `en`, also
    /// `de_DE`, `deutsch`, `english`; nil for anything else.
    public init?(named text: String) {
        let t = text.lowercased()
        if t.hasPrefix("de") { self = .de } else if t.hasPrefix("en") { self = .en } else { return nil }
    }
}

/// Which language was chosen, and whether someone chose it: an explicit English (`--lang en`,
/// `LANG=en_GB.UTF-8`) also means English number and date formats, while "no preference"
/// (`LANG=C`, unset) keeps the configured formats as they always were.
public struct LanguageChoice: Sendable, Hashable {
    public var language: Language
    public var explicit: Bool

    public init(_ language: Language, explicit: Bool) { self.language = language; self.explicit = explicit }

    /// `--lang`, then the `language` setting, then the locale variables in POSIX order (the
    /// first one set decides: LC_ALL, LC_MESSAGES, LANG). Only the variable's text is read, so
    /// `LANG=de_DE.UTF-8` means German even where no de_DE locale was generated.
    public static func resolve(flag: String?, setting: String?, environment: [String: String]) -> LanguageChoice {
        for given in [flag, setting] {
            if let given, let l = Language(named: given) { return LanguageChoice(l, explicit: true) }
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if value.lowercased().hasPrefix("de") { return LanguageChoice(.de, explicit: true) }
            if value.lowercased().hasPrefix("en") { return LanguageChoice(.en, explicit: true) }
            return LanguageChoice(.en, explicit: false)
        }
        return LanguageChoice(.en, explicit: false)
    }
}
