import Foundation

/// One field an audited write changed.
public struct AuditFieldChange: Sendable, Hashable {
    public var field: String
    public var before: String
    public var after: String
}

extension AuditEntry {
    /// The entry's `changes` as fields in name order; "–" stands for no value (a field
    /// that was empty before, or removed).
    public var fieldChanges: [AuditFieldChange] {
        guard !changes.isEmpty,
              let object = try? JSONSerialization.jsonObject(with: Data(changes.utf8)) as? [String: Any] else { return [] }
        func text(_ value: Any?) -> String {
            switch value {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            case nil, is NSNull: return "–"
            case let other?: return "\(other)"
            }
        }
        return object.keys.sorted().map { key in
            let pair = object[key] as? [String: Any]
            return AuditFieldChange(field: key, before: text(pair?["before"]), after: text(pair?["after"]))
        }
    }
}
