import LoyalCore
import LoyalStore

/// How merge fields, values and moved rows read on screen.
enum MergeWords {
    static func label(_ field: String) -> String {
        // The fields of customers and contact persons, worded in the catalogue.
        if Text.has("merge_field.\(field)") { return Text.tr("merge_field.\(field)") }
        // Kept per channel: "consent.email", "contact_plan_override.visit".
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return field }
        return Text.tr(parts[0] == "consent" ? "merge.consent_of" : "merge.plan_of", Words.named("channel", parts[1]))
    }

    /// One line: notes keep their line breaks visible as ↵.
    static func text(_ value: MergeValue, _ format: Format, today: Day) -> String {
        switch value {
        case .text(let s): return s.replacing("\r\n", with: "↵").replacing("\n", with: "↵")
        case .money(let m): return format.moneyCents(m)
        case .day(let d): return format.day(d)
        case .birthday(let b): return format.birthday(b, on: today)
        case .consent(let granted, let on): return Text.tr(granted ? "detail.yes" : "merge.no") + (on.map { ", " + format.day($0) } ?? "")
        }
    }

    /// Rows that moved, in a fixed order: "2 purchases, 1 interaction, 1 feedback".
    static func moved(_ counts: [String: Int]) -> String {
        let words = ["purchase", "interaction", "feedback", "complaint", "contact_person", "calendar_entry", "winback",
                     "consent", "contact_plan_override", "interaction_contact", "contact_channel"]
        let known = Set(words)
        let listed = words.compactMap { table in
            counts[table].flatMap { $0 > 0 ? Text.tr($0 == 1 ? "merge_moved.\(table)_one" : "merge_moved.\(table)_many", $0) : nil }
        }
        let others = counts.filter { !known.contains($0.key) && $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        return (listed + others).joined(separator: ", ")
    }
}
