import Foundation

/// What the churn model knows about one customer on one day: the purchase history in
/// a few numbers, the purchase model's forecast, and what the purchase data cannot
/// show (signals from complaints, feedback and contacts, and the rep's judgement).
public struct ChurnObservation: Hashable, Sendable {
    /// Distinct purchase days up to the day; 0 for a customer who never bought.
    public var purchaseDays: Int
    /// Days from the last purchase to the day (nil without purchases).
    public var daysSinceLastPurchase: Int?
    /// Days from the first purchase (or, without purchases, from the start of the relationship).
    public var ageDays: Int
    /// Days from the first to the last purchase.
    public var activeSpanDays: Int
    /// Revenue in the 12 months up to the day and in the 12 before, in cents.
    public var revenue12mCents: Int64
    public var revenuePrevious12mCents: Int64
    /// The purchase model's (BG/NBD) probability of no purchase in the horizon.
    public var forecastNoPurchase: Double?
    /// Kinds of the open signals that do not come from purchases (complaints, feedback, contacts…).
    public var signalKinds: Set<String>
    /// The rep's judgement 1–5 from the latest recent feedback.
    public var judgement: Int?

    public init(purchaseDays: Int, daysSinceLastPurchase: Int?, ageDays: Int, activeSpanDays: Int = 0,
                revenue12mCents: Int64 = 0, revenuePrevious12mCents: Int64 = 0, forecastNoPurchase: Double?,
                signalKinds: Set<String> = [], judgement: Int? = nil) {
        self.purchaseDays = purchaseDays; self.daysSinceLastPurchase = daysSinceLastPurchase
        self.ageDays = ageDays; self.activeSpanDays = activeSpanDays
        self.revenue12mCents = revenue12mCents; self.revenuePrevious12mCents = revenuePrevious12mCents
        self.forecastNoPurchase = forecastNoPurchase; self.signalKinds = signalKinds; self.judgement = judgement
    }
}

/// The model's inputs by name. Purchase features are logs of counts and days: a
/// customer 400 days away differs from one 200 days away less than 20 from 10.
public enum ChurnFeature: String, CaseIterable, Codable, Hashable, Sendable {
    /// Logit of the purchase model's P(no purchase in the horizon).
    case forecast
    /// ln(1 + days since the last purchase).
    case recency
    /// ln(1 + repeat purchases).
    case repeats
    /// ln(1 + days since the first purchase).
    case age
    /// ln(1 + days since the last purchase / the customer's mean gap between purchases):
    /// overdue against his own rhythm (0 with fewer than two purchase days).
    case rhythm
    /// ln of last 12 months' revenue against the 12 before (in euros + 1).
    case revenueTrend = "revenue_trend"
    /// 1 for a customer who never bought.
    case neverBought = "never_bought"
    /// (3 − judgement) / 2: +1 for a rep's 1/5, −1 for 5/5, 0 without one.
    case judgement

    public func value(_ o: ChurnObservation) -> Double {
        let bought = o.purchaseDays > 0
        switch self {
        case .forecast:
            let p = min(max(o.forecastNoPurchase ?? 0.5, 1e-4), 1 - 1e-4)
            return log(p / (1 - p))
        case .recency: return bought ? log1p(Double(max(o.daysSinceLastPurchase ?? 0, 0))) : 0
        case .repeats: return log1p(Double(max(o.purchaseDays - 1, 0)))
        case .age: return log1p(Double(max(o.ageDays, 0)))
        case .rhythm:
            guard o.purchaseDays >= 2, o.activeSpanDays > 0 else { return 0 }
            let gap = Double(o.activeSpanDays) / Double(o.purchaseDays - 1)
            return log1p(Double(max(o.daysSinceLastPurchase ?? 0, 0)) / gap)
        case .revenueTrend:
            let now = Double(max(o.revenue12mCents, 0)) / 100, before = Double(max(o.revenuePrevious12mCents, 0)) / 100
            return log((now + 1) / (before + 1))
        case .neverBought: return bought ? 0 : 1
        case .judgement: return o.judgement.map { Double(3 - min(max($0, 1), 5)) / 2 } ?? 0
        }
    }
}
