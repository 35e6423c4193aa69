import LoyalCore
import LoyalTOML

/// `[playbooks.KIND]` with `steps = [ { channel = "call", after_days = 2, text = "…" }, … ]`.
/// A kind written in the file replaces that kind's default playbook; `steps = []` means none.
enum PlaybookConfig {
    static let stepKeys = ["channel", "after_days", "text"]

    static let step = TableSchema<Record>(stepKeys.map { key in
        let kind: SettingKind = switch key {
        case "channel": .choice(PlaybookChannel.allCases.map(\.rawValue))
        case "after_days": .integer(0...365)
        default: .name
        }
        return .recorded(key, kind, required: "a step needs " + stepKeys.joined(separator: ", "))
    }, shape: "{ channel = …, after_days = …, text = … }")

    static let playbook = TableSchema<[PlaybookStep]>([
        .nested("steps", required: "") { (node, steps) throws(TOMLError) in
            for element in try node.elements("an array of { channel = …, after_days = …, text = … }") {
                let r = try step.read(element, from: [:])
                steps.append(PlaybookStep(PlaybookChannel(rawValue: r["channel"]!.text)!, after: r["after_days"]!.integer,
                                          Text.key(for: r["text"]!.text, section: "playbook_step") ?? r["text"]!.text))
            }
        },
    ], shape: "a table with steps = [ … ]")

    /// The playbooks for `kinds` (the configured signal kinds, in their order): those in
    /// the file, else the defaults. Defaults for kinds no longer configured are dropped.
    static func parse(_ node: TOMLNode?, kinds: [String]) throws(ConfigError) -> [Playbook] {
        var given: [Playbook] = []
        for (kind, table) in try node?.entries("[playbooks.KIND] tables") ?? [] {
            guard kinds.contains(kind) else {
                throw table.error("is not a signal kind (kinds: \(kinds.joined(separator: ", ")))")
            }
            given.append(Playbook(kind: kind, steps: try playbook.read(table, from: [])))
        }
        return kinds.compactMap { kind in Playbook.find(kind, in: given) ?? Playbook.find(kind, in: Playbook.defaults) }
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
