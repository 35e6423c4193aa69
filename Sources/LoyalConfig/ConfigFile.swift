import Foundation
import LoyalCore
import LoyalTOML

/// A problem in the config file, located as `FILE:LINE: key "classes.a_share": …`.
public typealias ConfigError = TOMLError

public enum ConfigFile {
    /// The file `loyal config init` writes: every key with its default and meaning.
    public static func defaultText() -> String {
        let defaults = Settings()
        var out = "# Loyal settings. Every key is shown with its default; delete what you do not change.\n"
        for section in ConfigSchema.sections {
            out += "\n# \(section.doc)\n[\(section.name)]\n"
            for field in section.fields {
                out += "# \(field.doc)\n\(field.key) = \(field.get?(defaults) ?? "")\n"
            }
        }
        out += RepsConfig.defaultText()
        out += ContactPlanConfig.defaultText(defaults.contactPlan)
        return out + RetentionConfig.defaultText(defaults.retention)
    }

    /// Reads settings from TOML text; keys not given keep their defaults.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Settings {
        let root = try TOMLNode.parse(text, file: file)
        var settings = Settings()
        let known = (ConfigSchema.sections.map(\.name) + RetentionConfig.sections
                     + [ContactPlanConfig.section, RepsConfig.section]).sorted()
        for (name, node) in try root.entries() where !RetentionConfig.sections.contains(name) {
            if let section = ConfigSchema.sections.first(where: { $0.name == name }) {
                try section.schema.read(node, into: &settings)
            } else if name == ContactPlanConfig.section {
                // Read into the rules as they are: [consent] sets one of them and may come first.
                try ContactPlanConfig.schema.read(node, into: &settings.contactPlan)
            } else if name == RepsConfig.section {
                settings.workDays.reps = try RepsConfig.parse(node)
            } else {
                throw node.error("is not a known section (known: \(known.joined(separator: ", ")))")
            }
        }
        if settings.retention.risk.amberFrom > settings.retention.risk.redFrom {
            // Only a [risk] table can break the defaults' order.
            throw (root["risk"] ?? root).error(at: "amber_from", "must not be above risk.red_from (\(settings.retention.risk.redFrom))")
        }
        try RetentionConfig.parse(root, into: &settings.retention)
        if settings.classes.b < settings.classes.a {
            throw (root["classes"] ?? root).error(at: "b_share", "must not be smaller than classes.a_share (\(settings.classes.a))")
        }
        return settings
    }

    /// Characters a setting shown on screen must not hold; the same rule as imports and forms.
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

extension ConfigFile {
    /// The keys `path` writes, as `section.key` (`calendar.visits_per_day`) and for a rep's own
    /// table `reps.CODE.key`: to tell a user which of their values a team setting replaces.
    /// Empty for a missing or unreadable file (loading it reports what is wrong).
    public static func keysGiven(path: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              let root = try? TOMLNode.parse(text, file: path), let sections = try? root.entries() else { return [] }
        var out = Set<String>()
        for (name, node) in sections {
            guard let keys = try? node.entries() else { continue }
            for (key, value) in keys {
                out.insert(name + "." + key)
                guard value.isTable, let inner = try? value.entries() else { continue }
                for (k, _) in inner { out.insert(name + "." + key + "." + k) }
            }
        }
        return out
    }
}
