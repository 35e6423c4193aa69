/// How the churn risk is computed and shown (`[risk]` in the config).
public struct RiskSettings: Hashable, Sendable {
    /// The risk is the probability of no purchase in this many days from the refresh day.
    public var horizonDays: Int
    /// Bands on the probability in percent: from `redFrom` up red, from `amberFrom` amber, below green.
    public var redFrom: Int
    public var amberFrom: Int
    /// Prior weight of the rep's judgement (1–5) from the latest feedback form, in the
    /// same unit as a signal's `weight`: a 1/5 adds `sentimentWeight`/25 to the log-odds,
    /// 5/5 takes it off, 3/5 nothing. The fit on the customer base's history corrects it.
    public var sentimentWeight: Double
    /// Judgements older than this many days are ignored: the relationship may have changed.
    public var sentimentDays: Int
    /// The panel holds active customers with a risk of at least this (0–1)…
    public var panelThreshold: Double
    /// …and at most this share of the active customers, those with the most to lose.
    public var panelMaxShare: Double

    public init(horizonDays: Int = 180, redFrom: Int = 70, amberFrom: Int = 40, sentimentWeight: Double = 20,
                sentimentDays: Int = 365, panelThreshold: Double = 0.5, panelMaxShare: Double = 0.25) {
        self.horizonDays = horizonDays; self.redFrom = redFrom; self.amberFrom = amberFrom
        self.sentimentWeight = sentimentWeight; self.sentimentDays = sentimentDays
        self.panelThreshold = panelThreshold; self.panelMaxShare = panelMaxShare
    }

    /// The band of a risk in percent.
    public func band(_ percent: Int) -> RiskBand {
        percent >= redFrom ? .red : percent >= amberFrom ? .amber : .green
    }
}

public enum RiskBand: String, CaseIterable, Hashable, Sendable {
    case green, amber, red
}

/// One contribution to a score, for the UI to explain it.
public struct RiskFactor: Hashable, Sendable, CustomStringConvertible {
    /// The signal kind, or "rep judgement".
    public var name: String
    /// For the rep judgement: the judgement 1–5.
    public var judgement: Int?
    public var points: Int

    public init(name: String, judgement: Int? = nil, points: Int) {
        self.name = name; self.judgement = judgement; self.points = points
    }

    /// "revenue_drop +30 pts", "rep judgement 2/5: +10 pts", "rep judgement 5/5: −20 pts".
    public var description: String {
        let pts = (points < 0 ? "−" : "+") + "\(abs(points)) pts"
        if let judgement { return "\(name) \(judgement)/5: \(pts)" }
        return "\(name) \(pts)"
    }
}

/// Risk of losing one customer: the probability (in percent) of no purchase in the
/// horizon, its band, the typical customer's probability and what moves this one's.
public struct RiskAssessment: Hashable, Sendable {
    /// The probability, 0…1, and in whole percent.
    public var probability: Double
    public var score: Int { Int((probability * 100).rounded()) }
    public var band: RiskBand
    /// The typical customer's probability, 0…1.
    public var base: Double
    /// Largest first, in percentage points (see `ChurnModel.explain`).
    public var factors: [RiskFactor]

    public init(probability: Double, band: RiskBand, base: Double, factors: [RiskFactor]) {
        self.probability = probability; self.band = band; self.base = base; self.factors = factors
    }

    /// The other way round, for a health gauge: 100 − score.
    public var health: Int { 100 - score }

    /// "time since last purchase +21 pts, open_complaint +8 pts, rep judgement 2/5: +3 pts".
    public var explanation: String { factors.map(\.description).joined(separator: ", ") }

    /// The model's probability and explanation for one customer.
    public static func assess(_ o: ChurnObservation, model: ChurnModel, settings: RiskSettings) -> RiskAssessment {
        let e = model.explain(o)
        return RiskAssessment(probability: e.probability, band: settings.band(Int((e.probability * 100).rounded())),
                              base: e.base, factors: e.factors)
    }

    /// The rep's judgement from the newest feedback within `days` that has one.
    public static func latestJudgement(_ facts: CustomerSignalFacts, within days: Int) -> Int? {
        var newest: FeedbackFact?
        for fb in facts.feedback where fb.sentiment != nil && facts.isRecent(fb.day, within: days) {
            if newest.map({ fb.day >= $0.day }) ?? true { newest = fb }
        }
        return newest?.sentiment
    }
}
