/// Which language's formats days and numbers follow. POSIX keeps them apart from the
/// language of messages (LC_TIME and LC_NUMERIC/LC_MONETARY beside LC_MESSAGES), so a
/// team can read English words with German dates, or the other way round:
/// the `formats` setting, else LC_ALL, else LC_TIME (days) or LC_MONETARY/LC_NUMERIC
/// (amounts and numbers), else the language of the words. Only values naming a
/// language (`de…`, `en…`) decide: `C` and `POSIX` say nothing about one.
public struct FormatChoice: Sendable, Hashable {
    public var dates: Language
    public var numbers: Language

    public init(dates: Language, numbers: Language) { self.dates = dates; self.numbers = numbers }

    public init(_ language: Language) { self.init(dates: language, numbers: language) }

    public static func resolve(setting: String?, environment: [String: String], language: Language) -> FormatChoice {
        if let setting, let l = Language(named: setting) { return FormatChoice(l) }
        func named(_ variables: [String]) -> Language? {
            for name in variables {
                guard let value = environment[name]?.lowercased(), !value.isEmpty else { continue }
                if value.hasPrefix("de") { return .de }
                if value.hasPrefix("en") { return .en }
            }
            return nil
        }
        return FormatChoice(dates: named(["LC_ALL", "LC_TIME"]) ?? language,
                            numbers: named(["LC_ALL", "LC_MONETARY", "LC_NUMERIC"]) ?? language)
    }
}
