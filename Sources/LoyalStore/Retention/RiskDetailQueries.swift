import GRDB
import LoyalCore

/// Why a customer is at risk: the factors of the score, its band and trend, the
/// stage with the days spent in each.
public struct RiskDetail: Sendable {
    public var assessment: RiskAssessment
    /// The horizon the risk is about, and whether the model learnt from this customer base.
    public var horizonDays: Int
    public var modelFitted: Bool
    /// Set for a lost customer: he belongs to win-back, and his risk is no longer a forecast.
    public var lostOn: Day?
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
            let lostOn = try String.fetchOne(db, sql: "SELECT lost_on FROM customer WHERE id = ? AND status = 'lost'",
                                             arguments: [customerID]).flatMap { Day(iso: $0) }
            return RiskDetail(assessment: assessment, horizonDays: risk.horizonDays, modelFitted: model.isFitted, lostOn: lostOn,
                              lastMonthScore: previous,
                              stages: try RetentionStages.history(db, customerID: customerID), signals: signals)
        }
    }
}

extension Store {
    /// The risk with its base and factors for many customers (for reports), a thousand at a time.
    public func riskAssessments(customerIDs: [Int64], asOf: Day, settings: Settings) throws -> [Int64: RiskAssessment] {
        try pool.read { db in
            let model = try ChurnTraining.current(db, settings: settings)
            let risk = settings.retention.risk
            let format = EvidenceFormat(settings.display)
            var out: [Int64: RiskAssessment] = [:]
            for chunk in customerIDs.chunked(1000) {
                let scope = CustomerScope.ids(Array(chunk))
                var stored: [Int64: [ChurnSignal]] = [:]
                for r in try Row.fetchAll(db, sql: "SELECT * FROM signal WHERE status <> 'resolved' AND \(scope.condition("customer_id"))") {
                    let s = StatsRecords.signal(r)
                    stored[s.customerID, default: []].append(s)
                }
                for facts in try SignalFactsLoader.load(db, asOf: asOf, scope: scope) {
                    let findings = EarlyWarning.findings(facts, rules: settings.retention.signals, format: format)
                    let counted = SignalReconciliation.counted(existing: stored[facts.customerID] ?? [], findings: findings)
                    out[facts.customerID] = RiskAssessment.assess(
                        ChurnObservation(facts, counted: counted, sentimentDays: risk.sentimentDays), model: model, settings: risk)
                }
            }
            return out
        }
    }
}
