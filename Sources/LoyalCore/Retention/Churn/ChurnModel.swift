import Foundation

/// P(no purchase in the horizon) as a logistic model: log-odds = intercept + Σ coefficient ×
/// feature + Σ signal weight for each open signal kind. Stored as JSON in the database.
///
/// Before a fit the model is its prior: the purchase model's forecast taken as it is
/// (coefficient 1) and each signal kind's configured `weight` read as weight/25 log-odds
/// (weight 25 doubles the odds of losing the customer roughly 2.7-fold), the rep's
/// judgement `sentiment_weight`/25 per step. A fit on the customer base's own history
/// moves these where the data says (see `ChurnModelFit`).
public struct ChurnModel: Codable, Hashable, Sendable {
    public var intercept: Double
    /// By `ChurnFeature` raw value.
    public var coefficients: [String: Double]
    /// Log-odds per open signal kind.
    public var signalWeights: [String: Double]
    /// Feature means of the customers it learnt from: the "typical customer" the
    /// explanation starts from.
    public var means: [String: Double]
    /// The horizon the risk is about, in days.
    public var horizonDays: Int
    /// Set when fitted: the cut the model learnt from, the outcome window after it, and on how many.
    public var trainedCut: Day?
    public var trainedWindowDays: Int?
    public var trainedCustomers: Int
    /// Share of the training customers who made no purchase in the window.
    public var trainedBaseRate: Double?
    /// The day it was fitted on, and the number of customers then (to decide when to refit).
    public var fittedAsOf: Day?
    public var customerCount: Int

    public init(intercept: Double, coefficients: [String: Double], signalWeights: [String: Double],
                means: [String: Double], horizonDays: Int, trainedCut: Day? = nil, trainedWindowDays: Int? = nil,
                trainedCustomers: Int = 0, trainedBaseRate: Double? = nil, fittedAsOf: Day? = nil, customerCount: Int = 0) {
        self.intercept = intercept; self.coefficients = coefficients; self.signalWeights = signalWeights
        self.means = means; self.horizonDays = horizonDays; self.trainedCut = trainedCut
        self.trainedWindowDays = trainedWindowDays; self.trainedCustomers = trainedCustomers
        self.trainedBaseRate = trainedBaseRate; self.fittedAsOf = fittedAsOf; self.customerCount = customerCount
    }

    /// The model before any fit (see the type's comment).
    public static func prior(rules: [SignalRule], settings: RiskSettings, means: [String: Double] = [:]) -> ChurnModel {
        var coefficients = Dictionary(uniqueKeysWithValues: ChurnFeature.allCases.map { ($0.rawValue, 0.0) })
        coefficients[ChurnFeature.forecast.rawValue] = 1
        coefficients[ChurnFeature.judgement.rawValue] = settings.sentimentWeight / 25
        return ChurnModel(intercept: 0, coefficients: coefficients, signalWeights: priorSignalWeights(rules),
                          means: means, horizonDays: settings.horizonDays)
    }

    /// weight/25 log-odds for each kind the purchase model cannot see.
    public static func priorSignalWeights(_ rules: [SignalRule]) -> [String: Double] {
        var out: [String: Double] = [:]
        for rule in rules where rule.form.name.isBeyondPurchases { out[rule.kind] = rule.weight / 25 }
        return out
    }

    public var isFitted: Bool { trainedCut != nil }

    public func logOdds(_ o: ChurnObservation) -> Double {
        var z = intercept
        for f in ChurnFeature.allCases { z += (coefficients[f.rawValue] ?? 0) * f.value(o) }
        for kind in o.signalKinds { z += signalWeights[kind] ?? 0 }
        return z
    }

    public func probability(_ o: ChurnObservation) -> Double { ChurnModel.logistic(logOdds(o)) }

    /// The probability for the typical customer: every feature at its mean, no signal, no judgement.
    public var baseProbability: Double {
        var z = intercept
        for f in ChurnFeature.allCases where f != .judgement {
            z += (coefficients[f.rawValue] ?? 0) * (means[f.rawValue] ?? 0)
        }
        return ChurnModel.logistic(z)
    }

    static func logistic(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}

extension SignalFormName {
    /// Forms computed from purchases only: the model's purchase features already hold
    /// what they show, so counting them again would count the same evidence twice.
    public var isBeyondPurchases: Bool {
        switch self {
        case .revenueChange, .overdueRhythm, .pAlive, .discountTrend, .singleCategory, .churnModel: return false
        default: return true
        }
    }
}
