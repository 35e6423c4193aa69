import LoyalCore
import TOMLKit

/// `[playbooks.KIND]` with `steps = [ { channel = "call", after_days = 2, text = "…" }, … ]`.
/// A kind written in the file replaces that kind's default playbook; `steps = []` means none.
enum PlaybookConfig {
    static let stepKeys = ["channel", "after_days", "text"]

    /// The playbooks for `kinds` (the configured signal kinds, in their order): those in
    /// the file, else the defaults. Defaults for kinds no longer configured are dropped.
    static func parse(_ raw: TOMLValueConvertible?, kinds: [String], _ r: ConfigReader) throws(ConfigError) -> [Playbook] {
        var given: [Playbook] = []
        if let raw {
            guard let table = raw.table else {
                throw r.expected("[playbooks.KIND] tables", raw, r.lines.line("playbooks"), "playbooks")
            }
            // File order, so the first bad kind in the file is the one reported.
            func line(_ kind: String) -> Int { r.lines.line("playbooks.\(kind)") ?? .max }
            let ordered = table.keys.sorted { (line($0), $0) < (line($1), $1) }
            for kind in ordered {
                let name = "playbooks.\(kind)"
                guard kinds.contains(kind) else {
                    throw r.error(r.lines.line(name), name, "is not a signal kind (kinds: \(kinds.joined(separator: ", ")))")
                }
                guard let t = table[kind]?.table else {
                    throw r.expected("a table with steps = [ … ]", table[kind]!, r.lines.line(name), name)
                }
                given.append(Playbook(kind: kind, steps: try steps(t, name, r)))
            }
        }
        return kinds.compactMap { kind in Playbook.find(kind, in: given) ?? Playbook.find(kind, in: Playbook.defaults) }
    }

    static func steps(_ t: TOMLTable, _ name: String, _ r: ConfigReader) throws(ConfigError) -> [PlaybookStep] {
        try r.rejectUnknown(t, allowed: ["steps"], line: { r.lines.line(name, key: $0) }, path: { "\(name).\($0)" },
                            known: "known: steps")
        guard let raw = t["steps"] else { throw r.error(r.lines.line(name), "\(name).steps", "is missing") }
        guard let array = raw.array else {
            throw r.expected("an array of { channel = …, after_days = …, text = … }", raw, r.lines.line(name, key: "steps"),
                             "\(name).steps")
        }
        var steps: [PlaybookStep] = []
        for (i, element) in array.enumerated() {
            let path = "\(name).steps[\(i + 1)]"
            let line = r.lines.line(name, key: "steps", element: i)
            guard let s = element.table else {
                throw r.expected("{ channel = …, after_days = …, text = … }", element, line, path)
            }
            try r.rejectUnknown(s, allowed: stepKeys, line: { _ in line }, path: { "\(path).\($0)" },
                                known: "known: " + stepKeys.joined(separator: ", "))
            func value(_ key: String) throws(ConfigError) -> TOMLValueConvertible {
                guard let v = s[key] else {
                    throw r.error(line, "\(path).\(key)", "is missing (a step needs \(stepKeys.joined(separator: ", ")))")
                }
                return v
            }
            let channel = try r.choice(try value("channel"), PlaybookChannel.allCases.map(\.rawValue), line, "\(path).channel")
            let after = try r.integer(try value("after_days"), 0...365, line, "\(path).after_days")
            let text = try r.text(try value("text"), line, "\(path).text")
            steps.append(PlaybookStep(PlaybookChannel(rawValue: channel)!, after: after, text))
        }
        return steps
    }

    static func write(_ playbooks: [Playbook]) -> String {
        var out = ""
        for p in playbooks {
            out += "\n[playbooks.\(p.kind)]\nsteps = [\n"
            for s in p.steps {
                out += "  { channel = \(ConfigSchema.quote(s.channel.rawValue)), after_days = \(s.afterDays), "
                    + "text = \(ConfigSchema.quote(s.text)) },\n"
            }
            out += "]\n"
        }
        return out
    }
}
