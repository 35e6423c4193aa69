import Foundation

extension ChurnModel {
    /// The probability split into the typical customer's and each factor's share in
    /// percentage points. Factors are added largest first (by their log-odds), each
    /// worth what it moves the probability from where the previous ones left it, so the
    /// points add up to the risk minus the base (up to rounding).
    public func explain(_ o: ChurnObservation) -> (base: Double, probability: Double, factors: [RiskFactor]) {
        var parts: [(name: String, judgement: Int?, logOdds: Double)] = []
        func add(_ name: String, _ features: [ChurnFeature], judgement: Int? = nil) {
            let z = features.reduce(0.0) { sum, f in
                sum + (coefficients[f.rawValue] ?? 0) * (f.value(o) - (f == .judgement ? 0 : means[f.rawValue] ?? 0))
            }
            if z != 0 { parts.append((name, judgement, z)) }
        }
        if o.purchaseDays == 0 {
            add(RiskFactor.neverBought, [.neverBought, .forecast, .recency, .repeats, .age, .rhythm, .revenueTrend])
        } else {
            add(RiskFactor.sinceLastPurchase, [.recency, .rhythm])
            add(RiskFactor.purchaseModel, [.forecast])
            add(RiskFactor.purchasesSoFar, [.repeats, .neverBought])
            add(RiskFactor.customerFor, [.age])
            add(RiskFactor.revenueTrend, [.revenueTrend])
        }
        if let j = o.judgement { add(RiskFactor.repJudgement, [.judgement], judgement: j) }
        for kind in o.signalKinds.sorted() {
            if let w = signalWeights[kind], w != 0 { parts.append((kind, nil, w)) }
        }
        parts.sort { abs($0.logOdds) > abs($1.logOdds) }
        let base = baseProbability
        var z = log(base / (1 - base))
        var factors: [RiskFactor] = []
        for part in parts {
            let before = ChurnModel.logistic(z)
            z += part.logOdds
            let points = Int(((ChurnModel.logistic(z) - before) * 100).rounded())
            if points != 0 { factors.append(RiskFactor(name: part.name, judgement: part.judgement, points: points)) }
        }
        return (base, probability(o), factors)
    }
}

extension RiskFactor {
    /// Names of the purchase-history factors (signal factors are named by their kind).
    public static let sinceLastPurchase = "time since last purchase"
    public static let purchaseModel = "purchase model forecast"
    public static let purchasesSoFar = "purchases so far"
    public static let customerFor = "length of relationship"
    public static let revenueTrend = "revenue trend"
    public static let neverBought = "never bought"
    public static let repJudgement = "rep judgement"
}
