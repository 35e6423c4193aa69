import LoyalCore

/// A text that changes whenever any setting a refresh depends on changes, so a refresh
/// with other settings than the last one recomputes everyone. Built by reflection (every
/// stored property, however nested) with dictionaries and sets in sorted order, as their
/// own order differs from one run to the next.
enum SettingsFingerprint {
    static func of(_ settings: Settings) -> String {
        describe(settings)
    }

    static func describe(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary, .set:
            return "{" + mirror.children.map { describe($0.value) }.sorted().joined(separator: ",") + "}"
        case .struct, .class, .tuple, .collection, .enum, .optional:
            guard !mirror.children.isEmpty else { return String(describing: value) }
            let parts = mirror.children.map { ($0.label ?? "") + ":" + describe($0.value) }
            return (mirror.displayStyle == .enum ? String(describing: value).prefix(while: { $0 != "(" }) : "")
                + "(" + parts.joined(separator: ",") + ")"
        default:
            return String(describing: value)
        }
    }
}
