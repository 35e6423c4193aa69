/// Signal kinds as people say them: "revenue drop", not `revenue_drop`. Kinds a team
/// configures itself read with their underscores as spaces.
public enum SignalWords {
    static let names: [String: String] = [
        "revenue_drop": "revenue drop", "overdue": "order overdue", "likely_inactive": "likely inactive",
        "open_complaint": "open complaint", "repeated_complaints": "repeated complaints", "low_nps": "low NPS",
        "low_csat": "low satisfaction", "high_effort": "high effort", "discount_creep": "discount creep",
        "price_pressure": "price pressure", "contact_left": "contact left", "address_changed": "address changed",
        "competitor_named": "competitor named", "cancellation": "cancellation announced",
        "single_category": "single category", SignalFinding.churnRiskKind: "likely to stop buying",
    ]

    public static func name(_ kind: String) -> String {
        names[kind] ?? kind.replacing("_", with: " ")
    }
}
