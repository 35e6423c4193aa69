import LoyalCore
import LoyalStore

/// How merge fields, values and moved rows read on screen.
enum MergeWords {
    static let labels: [String: String] = [
        "name": "Name", "street": "Street", "postal_code": "Postal code", "city": "City", "country": "Country",
        "phone": "Phone", "email": "E-mail", "website": "Website", "industry": "Industry", "employees": "Employees",
        "revenue_band": "Revenue band", "rep_id": "Rep", "since": "Customer since", "kind": "Business or consumer",
        "preferences": "Preferences", "preferred_channel": "Preferred channel", "best_call_times": "Best call times",
        "high_season": "High season", "busy_hours": "Busy hours", "potential_cents": "Potential a year",
        "class_override": "Class override", "notes": "Notes",
        "first_name": "First name", "last_name": "Last name", "role": "Role", "birthday": "Birthday",
        "partner_name": "Partner's name", "partner_birthday": "Partner's birthday", "left_on": "Left the company on",
    ]

    static func label(_ field: String) -> String {
        if let label = labels[field] { return label }
        // Kept per channel: "consent.email", "contact_plan_override.visit".
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return field }
        return (parts[0] == "consent" ? "Consent " : "Contact plan ") + parts[1]
    }

    /// One line: notes keep their line breaks visible as ↵.
    static func text(_ value: MergeValue, _ format: Format, today: Day) -> String {
        switch value {
        case .text(let s): return s.replacing("\r\n", with: "↵").replacing("\n", with: "↵")
        case .money(let m): return format.moneyCents(m)
        case .day(let d): return format.day(d)
        case .birthday(let b): return format.birthday(b, on: today)
        case .consent(let granted, let on): return (granted ? "yes" : "no") + (on.map { ", " + format.day($0) } ?? "")
        }
    }

    /// Rows that moved, in a fixed order: "2 purchases, 1 interaction, 1 feedback".
    static func moved(_ counts: [String: Int]) -> String {
        let words: [(String, String, String)] = [
            ("purchase", "purchase", "purchases"), ("interaction", "interaction", "interactions"),
            ("feedback", "feedback", "feedback"), ("complaint", "complaint", "complaints"),
            ("contact_person", "contact person", "contact persons"), ("calendar_entry", "calendar entry", "calendar entries"),
            ("winback", "win-back case", "win-back cases"), ("consent", "consent", "consents"),
            ("contact_plan_override", "contact plan", "contact plans"),
            ("interaction_contact", "visit attended", "visits attended"),
            ("contact_channel", "e-mail or phone", "e-mails and phones"),
        ]
        let known = Set(words.map(\.0))
        let listed = words.compactMap { table, one, many in counts[table].flatMap { $0 > 0 ? "\($0) \($0 == 1 ? one : many)" : nil } }
        let others = counts.filter { !known.contains($0.key) && $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        return (listed + others).joined(separator: ", ")
    }
}
