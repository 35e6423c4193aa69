import GRDB
import LoyalCore

/// Why a customer is at risk: the factors of the score, its band and trend, the
/// stage with the days spent in each.
public struct RiskDetail: Sendable {
    public var assessment: RiskAssessment
    /// The horizon the risk is about, and whether the model learnt from this customer base.
    public var horizonDays: Int
    public var modelFitted: Bool
    /// Score in the month before the as-of month, when one was recorded.
    public var lastMonthScore: Int?
    public var stages: StageHistory
    public var signals: [ChurnSignal]
}

extension Store {
    public func riskDetail(customerID: Int64, asOf: Day, settings: Settings) throws -> RiskDetail {
        try pool.read { db in
            let facts = try SignalFactsLoader.load(db, asOf: asOf, scope: .ids([customerID])).first
                ?? CustomerSignalFacts(customerID: customerID, asOf: asOf)
            let findings = EarlyWarning.findings(facts, rules: settings.retention.signals, format: EvidenceFormat(settings.display))
            let stored = try Row.fetchAll(db, sql: "SELECT * FROM signal WHERE customer_id = ? AND status <> 'resolved'",
                                          arguments: [customerID]).map(StatsRecords.signal)
            let counted = SignalReconciliation.counted(existing: stored, findings: findings)
            let risk = settings.retention.risk
            let model = try ChurnTraining.current(db, settings: settings)
            let assessment = RiskAssessment.assess(
                ChurnObservation(facts, counted: counted, sentimentDays: risk.sentimentDays), model: model, settings: risk)
            let lastMonth = String(asOf.adding(months: -1).iso.prefix(7))
            let previous = try Int.fetchOne(db, sql: "SELECT score FROM risk_snapshot WHERE customer_id = ? AND month = ?",
                                            arguments: [customerID, lastMonth])
            let signals = try StatsRecords.activeSignals(db, customerID: customerID)
            return RiskDetail(assessment: assessment, horizonDays: risk.horizonDays, modelFitted: model.isFitted,
                              lastMonthScore: previous,
                              stages: try RetentionStages.history(db, customerID: customerID), signals: signals)
        }
    }
}
