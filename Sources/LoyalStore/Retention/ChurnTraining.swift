import Foundation
import GRDB
import LoyalCore

/// Fits the churn model on the customer base's own past: as of a cut day before the
/// refresh day, what was known then (purchases, feedback, complaints, contacts up to
/// the cut, the purchase model refitted on the cut) against whether each customer then
/// bought in the window after it. Nothing after the cut feeds the features, so the
/// fit sees the situation the model will be used in.
enum ChurnTraining {
    static let metaKey = "churn_model"
    /// Customers the fit learns from at most (every n-th customer beyond that).
    nonisolated(unsafe) static var sampleSize = 20_000
    /// A shorter outcome window than this says too little; the prior stays.
    static let minimumWindowDays = 14

    static func stored(_ db: Database) throws -> ChurnModel? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [metaKey])
        else { return nil }
        return try? JSONDecoder().decode(ChurnModel.self, from: Data(text.utf8))
    }

    /// The model to score with: the stored one while it suits the settings, else the prior.
    static func current(_ db: Database, settings: Settings) throws -> ChurnModel {
        let prior = ChurnModel.prior(rules: settings.retention.signals, settings: settings.retention.risk)
        guard let model = try stored(db), suits(model, prior: prior) else { return prior }
        return model
    }

    static func suits(_ model: ChurnModel, prior: ChurnModel) -> Bool {
        model.horizonDays == prior.horizonDays && Set(model.signalWeights.keys) == Set(prior.signalWeights.keys)
    }

    /// Refits when forced, when the settings changed, when the refresh day moved more
    /// than 30 days from the fit or the customer base grew or shrank by more than 10 %.
    /// The fit reads a snapshot; only storing the result takes the write lock, so visits
    /// saved meanwhile do not wait for it. Returns whether it fitted.
    @discardableResult
    static func refreshIfStale(_ pool: BusyPool, asOf: Day, settings: Settings, force: Bool) throws -> Bool {
        let fitted: ChurnModel? = try pool.read { db in
            let prior = ChurnModel.prior(rules: settings.retention.signals, settings: settings.retention.risk)
            let customers = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
            if !force, let model = try stored(db), suits(model, prior: prior), let fitted = model.fittedAsOf,
               abs(asOf - fitted) <= 30,
               Double(abs(customers - model.customerCount)) <= 0.1 * Double(max(model.customerCount, 1)) {
                return nil
            }
            var model = try train(db, asOf: asOf, settings: settings, prior: prior)
            model.fittedAsOf = asOf
            model.customerCount = customers
            return model
        }
        guard let fitted else { return false }
        let json = String(decoding: try JSONEncoder().encode(fitted), as: UTF8.self)
        try pool.write { db in try Store.setMeta(db, metaKey, json) }
        return true
    }

    /// The outcome window: the horizon, but at most half the median relationship so the
    /// typical customer has a past before the cut.
    static func window(_ db: Database, asOf: Day, horizonDays: Int) throws -> Int {
        let ages = try Int.fetchAll(db, sql: """
            SELECT CAST(julianday(?) - julianday(first_purchase) AS INTEGER) FROM customer_stats
            WHERE first_purchase IS NOT NULL AND first_purchase <= ? ORDER BY 1
            """, arguments: [asOf.iso, asOf.iso])
        guard !ages.isEmpty else { return 0 }
        return min(horizonDays, ages[ages.count / 2] / 2)
    }

    static func train(_ db: Database, asOf: Day, settings: Settings, prior: ChurnModel) throws -> ChurnModel {
        let w = try window(db, asOf: asOf, horizonDays: settings.retention.risk.horizonDays)
        guard w >= minimumWindowDays else { return prior }
        let cut = asOf.adding(days: -w)
        let cases = try trainingCases(db, cut: cut, window: w, settings: settings)
        var model = ChurnModel.fit(cases, prior: prior)
        if model.trainedCustomers > 0 {
            model.trainedCut = cut
            model.trainedWindowDays = w
        }
        return model
    }

    static func trainingCases(_ db: Database, cut: Day, window: Int, settings: Settings) throws -> [ChurnTrainingCase] {
        let all = try Int64.fetchAll(db, sql: """
            SELECT id FROM customer WHERE lost_on IS NULL OR lost_on > ? ORDER BY id
            """, arguments: [cut.iso])
        let step = max(1, (all.count + sampleSize - 1) / sampleSize)
        let sample = stride(from: 0, to: all.count, by: step).map { all[$0] }
        guard !sample.isEmpty else { return [] }
        var facts = try SignalFactsLoader.load(db, asOf: cut, scope: .ids(sample))
        // Whoever had no purchase and no relationship yet on the cut day did not exist then.
        facts = facts.filter { $0.firstPurchase != nil || ($0.customerSince.map { $0 <= cut } ?? false) }
        let observations = facts.compactMap { f -> BGNBDObservation? in
            guard let first = f.firstPurchase, let last = f.lastPurchase else { return nil }
            return BGNBDObservation(frequency: f.purchaseDayCount - 1, recency: Double(last - first), age: Double(cut - first))
        }
        let parameters = observations.isEmpty ? nil : try? BGNBDParameters.fit(observations).parameters
        let bought = Set(try Int64.fetchAll(db, sql: """
            SELECT DISTINCT customer_id FROM purchase WHERE day > ? AND day <= ? AND \(CustomerScope.ids(sample).condition("customer_id"))
            """, arguments: [cut.iso, cut.adding(days: window).iso]))
        let format = EvidenceFormat(settings.display)
        return facts.map { f in
            var f = f
            f.status = .active
            // The forecast looks as far ahead as the scores will, even when the window is
            // shorter: the fit then learns the weight of the very number it is given later.
            if let parameters, let first = f.firstPurchase, let last = f.lastPurchase {
                f.forecastNoPurchase = parameters.probabilityOfNoPurchase(
                    in: Double(settings.retention.risk.horizonDays),
                    given: BGNBDObservation(frequency: f.purchaseDayCount - 1, recency: Double(last - first),
                                            age: Double(cut - first)))
            } else {
                f.forecastNoPurchase = nil
            }
            let findings = EarlyWarning.findings(f, rules: settings.retention.signals, format: format)
            let o = ChurnObservation(f, counted: findings, sentimentDays: settings.retention.risk.sentimentDays)
            return ChurnTrainingCase(o, noPurchase: !bought.contains(f.customerID))
        }
    }
}
