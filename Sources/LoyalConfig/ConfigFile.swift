import Foundation
import LoyalCore
import TOMLKit

/// A problem in the config file, located as `FILE:LINE: key "classes.a_share": …`.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if let key { s += "key \"\(key)\": " }
        return s + message
    }
}

public enum ConfigFile {
    /// The file `loyal config init` writes: every key with its default and meaning.
    public static func defaultText() -> String {
        let defaults = Settings()
        var out = "# Loyal settings. Every key is shown with its default; delete what you do not change.\n"
        for (section, doc) in ConfigSchema.sections {
            out += "\n# \(doc)\n[\(section)]\n"
            for spec in ConfigSchema.specs where spec.section == section {
                out += "# \(spec.doc)\n\(spec.key) = \(spec.get(defaults))\n"
            }
        }
        out += RepsConfig.defaultText()
        out += ContactPlanConfig.defaultText(defaults.contactPlan)
        return out + RetentionConfig.defaultText(defaults.retention)
    }

    /// Reads settings from TOML text; keys not given keep their defaults.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Settings {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ConfigError(file: file, line: e.source.begin.line, key: nil, message: e.description)
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
        }
        let lines = KeyLines(text: text)
        var settings = Settings()
        let knownSections = Set(ConfigSchema.sections.map(\.0) + RetentionConfig.sections).union([ContactPlanConfig.section, RepsConfig.section])
        for section in table.keys where !RetentionConfig.sections.contains(section) {
            if section == ContactPlanConfig.section {
                // [consent] sets a rule of the plan too; it may come first in the file.
                let b2bCalls = settings.contactPlan.b2bCalls
                settings.contactPlan = try ContactPlanConfig.parse(table[section]!, text: text, file: file)
                settings.contactPlan.b2bCalls = b2bCalls
                continue
            }
            if section == RepsConfig.section {
                settings.workDays.reps = try RepsConfig.parse(table[section]!, text: text, file: file)
                continue
            }
            guard knownSections.contains(section), let sub = table[section]?.table else {
                throw ConfigError(file: file, line: lines.line(section: nil, key: section) ?? lines.line(section: section, key: nil),
                                  key: section, message: "is not a known section (known: \(knownSections.sorted().joined(separator: ", ")))")
            }
            for key in sub.keys {
                let full = "\(section).\(key)"
                guard let spec = ConfigSchema.specs.first(where: { $0.section == section && $0.key == key }),
                      let raw = sub[key] else {
                    let known = ConfigSchema.specs.filter { $0.section == section }.map(\.key)
                    throw ConfigError(file: file, line: lines.line(section: section, key: key), key: full,
                                      message: "is not a known key (known in [\(section)]: \(known.joined(separator: ", ")))")
                }
                let value = try check(raw, spec, file: file, line: lines.line(section: section, key: key), key: full)
                spec.set(&settings, value)
            }
        }
        if settings.retention.risk.amberFrom > settings.retention.risk.redFrom {
            throw ConfigError(file: file, line: lines.line(section: "risk", key: "amber_from"), key: "risk.amber_from",
                              message: "must not be above risk.red_from (\(settings.retention.risk.redFrom))")
        }
        try RetentionConfig.parse(table, text: text, file: file, into: &settings.retention)
        if settings.classes.b < settings.classes.a {
            throw ConfigError(file: file, line: lines.line(section: "classes", key: "b_share"), key: "classes.b_share",
                              message: "must not be smaller than classes.a_share (\(settings.classes.a))")
        }
        return settings
    }

    static func check(_ raw: TOMLValueConvertible, _ spec: SettingSpec, file: String, line: Int?,
                      key: String) throws(ConfigError) -> SettingValue {
        func fail(_ expected: String) -> ConfigError {
            ConfigError(file: file, line: line, key: key, message: "expected \(expected), found \(raw.debugDescription)")
        }
        switch spec.kind {
        case .share(let range):
            guard let d = raw.double ?? raw.int.map(Double.init), range.contains(d) else {
                throw fail("a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return .number(d)
        case .integer(let range):
            guard let i = raw.int, range.contains(i) else {
                throw fail("a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return .integer(i)
        case .text:
            guard let s = raw.string else { throw fail("a quoted string") }
            if let bad = s.unicodeScalars.first(where: isControl) {
                throw ConfigError(file: file, line: line, key: key, message: "contains the control character "
                                  + String(format: "U+%04X", bad.value) + "; control characters and text-direction overrides are not allowed")
            }
            return .text(s)
        case .choice(let options):
            guard let s = raw.string, options.contains(s) else {
                throw fail("one of " + options.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            return .text(s)
        }
    }

    /// Characters a setting shown on screen must not hold: C0 controls but TAB (ESC starts
    /// escape codes: a currency "\u001b]0;x\u0007€" would retitle the terminal), DEL, C1 and
    /// the bidi embeddings, overrides and isolates. The same rule as imports and forms.
    static func isControl(_ s: Unicode.Scalar) -> Bool { TextSafety.isRefused(s, in: .oneLine) }

    /// Loads `path`; a missing file means all defaults.
    public static func load(path: String) throws(ConfigError) -> Settings {
        guard FileManager.default.fileExists(atPath: path) else { return Settings() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "is not UTF-8 text")
        }
        return try parse(text, file: path)
    }
}

/// TOMLKit reports lines for syntax errors only; for a bad value we find the
/// key's line ourselves so the user is pointed at it.
struct KeyLines {
    var entries: [(section: String?, key: String, line: Int)] = []
    var sections: [String: Int] = [:]

    init(text: String) {
        var current: String?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).components(separatedBy: "]").first ?? ""
                current = name.trimmingCharacters(in: .whitespaces)
                sections[current!] = i + 1
                continue
            }
            if let eq = line.firstIndex(of: "=") {
                let key = line[..<eq].trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
                entries.append((current, key, i + 1))
            }
        }
    }

    func line(section: String?, key: String?) -> Int? {
        guard let key else { return section.flatMap { sections[$0] } }
        return entries.first { $0.section == section && $0.key == key }?.line
    }
}
