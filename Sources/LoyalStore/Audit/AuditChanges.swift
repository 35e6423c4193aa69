import Foundation
import LoyalCore

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

extension AuditEntry {
    /// The action as people read it in their language (`record visit`, German `Besuch erfasst`);
    /// the store, JSON and CSV keep the stable English identifier. An action this Loyal does
    /// not know (written by a newer one) shows as stored.
    public var actionText: String { Self.actionText(action) }

    public static func actionText(_ action: String) -> String {
        let name = String(action.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
        let key = "audit_action.\(name)"
        return Text.has(key) ? Text.tr(key) : action
    }

    /// The record as people read it: `customer 12`, German `Kunde 12`.
    public var recordText: String {
        let key = "audit_entity.\(entity)"
        return (Text.has(key) ? Text.tr(key) : entity) + (entityID.map { " \($0)" } ?? "")
    }

    /// When, in UTC, in the date style given: German `04.12.2026 14:03`, ISO `2026-12-04 14:03:05`.
    public func atText(_ dates: DateStyle) -> String {
        let iso = String(at.prefix(19)).replacing("T", with: " ")
        guard dates == .german, let day = Day(iso: String(at.prefix(10))) else { return iso }
        let time = at.dropFirst(11).prefix(5)
        return time.count == 5 ? "\(day.german) \(time)" : day.german
    }
}
