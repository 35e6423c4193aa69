extension SignalFinding {
    /// Loyal's own signal kind for a customer the churn model puts at or above the panel threshold.
    public static let churnRiskKind = "churn_risk"

    /// "61 % chance of no purchase in the next 180 days (typical customer 38 %)". The key
    /// holds the risk's tens, so a dismissed alarm comes back when the risk climbs a step.
    public static func churnRisk(_ a: RiskAssessment, horizonDays: Int) -> SignalFinding {
        let typical = Int((a.base * 100).rounded())
        let text = StoredText("evidence.churn_risk", [.int(a.score), .int(horizonDays), .int(typical)])
        return SignalFinding(kind: churnRiskKind, form: .churnModel, weight: 0,
                             wording: .words(text, .german, Text.language),
                             evidenceKey: "churn/\(a.score / 10)", storedEvidence: text.stored)
    }
}
