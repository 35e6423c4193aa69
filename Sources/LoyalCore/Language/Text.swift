/// Every text a person reads goes through here: `Text.tr("signal.revenue_drop")`,
/// `Text.tr("cli.no_customer", number)`. The catalogues (catalogue/en.toml, de.toml) are
/// compiled into the binary; a key missing in either or used nowhere fails CatalogueTests.
public enum Text {
    /// The language of this process, set once at start (`loyal` reads `--lang`, the setting
    /// and the locale before parsing its arguments) and by tests. Read from many threads,
    /// written before any of them start.
    nonisolated(unsafe) public private(set) static var language = Language.en
    /// The formats of days and numbers when someone chose them (`loyal` always does, from the
    /// `formats` setting, the locale or the language); nil in a library caller that chose
    /// none: Loyal's German formats, as before languages existed.
    nonisolated(unsafe) public private(set) static var formats: FormatChoice?

    /// The language, and the formats with it when it was chosen explicitly.
    public static func use(_ choice: LanguageChoice) {
        language = choice.language
        formats = choice.explicit ? FormatChoice(choice.language) : nil
    }

    /// Days and numbers in these formats whatever the language of the words.
    public static func useFormats(_ choice: FormatChoice?) { formats = choice }

    public static func use(_ language: Language) { use(LanguageChoice(language, explicit: true)) }

    /// The text for `key` in the current language with `{1}`, `{2}`… replaced by `args`.
    /// A key the catalogue lacks comes back as the key itself (visible, and tested against).
    public static func tr(_ key: String, _ args: Any...) -> String {
        tr(key, in: language, args.map { "\($0)" })
    }

    public static func tr(_ key: String, in language: Language, _ args: [String]) -> String {
        guard let template = Catalogue.entries(language)[key] else { return key }
        return fill(template, args)
    }

    /// Whether `key` is in the catalogue (of English, which must hold every key).
    public static func has(_ key: String) -> Bool { Catalogue.entries(.en)[key] != nil }

    /// Whether `s` is a key of the catalogue's `section` (`playbook.revenue_drop_1`), as the
    /// defaults give their texts; the user's own words from config.toml never are.
    public static func isKey(_ s: String, section: String) -> Bool {
        s.hasPrefix(section + ".") && !s.contains(" ") && has(s)
    }

    /// A default's key in the language in use, or the user's own words as they are.
    public static func keyedOrPlain(_ s: String, section: String) -> String {
        isKey(s, section: section) ? tr(s, in: language, []) : s
    }

    /// The key of `section` whose text, in either language, `s` is: a default written out by
    /// `loyal config init` reads back as the default, and keeps following the viewer's language.
    public static func key(for s: String, section: String) -> String? {
        for language in Language.allCases {
            if let found = Catalogue.entries(language).first(where: { $0.key.hasPrefix(section + ".") && $0.value == s }) {
                return found.key
            }
        }
        return nil
    }

    static func fill(_ template: String, _ args: [String]) -> String {
        guard !args.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), n >= 1, n <= args.count {
                out += args[n - 1]
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}

/// The parsed catalogues, read from the compiled-in files on first use.
public enum Catalogue {
    private static let english = load(PackageResources.en_toml)
    private static let german = load(PackageResources.de_toml)

    public static func entries(_ language: Language) -> [String: String] {
        language == .de ? german : english
    }

    private static func load(_ bytes: [UInt8]) -> [String: String] {
        // The files are tested; a broken one must not keep Loyal from starting in English keys.
        (try? CatalogueFile.parse(String(decoding: bytes, as: UTF8.self))) ?? [:]
    }

    /// Parse problems of the compiled-in files, for the tests.
    public static func problems() -> [String] {
        [("en", PackageResources.en_toml), ("de", PackageResources.de_toml)].compactMap { name, bytes in
            do { _ = try CatalogueFile.parse(String(decoding: bytes, as: UTF8.self)); return nil } catch {
                return "\(name).toml: \(error)"
            }
        }
    }
}
