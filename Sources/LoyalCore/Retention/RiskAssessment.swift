/// Limits and weights that turn findings into a risk score (`[risk]` in the config).
public struct RiskSettings: Hashable, Sendable {
    /// Scores from `redFrom` up are red, from `amberFrom` amber, below green.
    public var redFrom: Int
    public var amberFrom: Int
    /// Points for the rep's own judgement (1–5) from the latest feedback form:
    /// `sentimentWeight × (3 − judgement) / 2`, so 1/5 adds the full weight, 3/5 nothing
    /// and 5/5 takes the full weight off. The rep sees things no number shows, but one
    /// optimistic rep must not hide hard facts, so it is one factor among the findings.
    public var sentimentWeight: Double
    /// Judgements older than this many days are ignored: the relationship may have changed.
    public var sentimentDays: Int

    public init(redFrom: Int = 50, amberFrom: Int = 20, sentimentWeight: Double = 20, sentimentDays: Int = 365) {
        self.redFrom = redFrom; self.amberFrom = amberFrom
        self.sentimentWeight = sentimentWeight; self.sentimentDays = sentimentDays
    }

    public func band(_ score: Int) -> RiskBand {
        score >= redFrom ? .red : score >= amberFrom ? .amber : .green
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

    /// "revenue_drop 30 pts", "rep judgement 2/5: 10 pts", "rep judgement 5/5: −20 pts".
    public var description: String {
        let pts = (points < 0 ? "−" : "") + "\(abs(points)) pts"
        if let judgement { return "\(name) \(judgement)/5: \(pts)" }
        return "\(name) \(pts)"
    }
}

/// Risk of losing one customer: 0 (healthy) – 100, its band and where it comes from.
public struct RiskAssessment: Hashable, Sendable {
    public var score: Int
    public var band: RiskBand
    /// Largest first; ties in the order the rules are configured, the judgement last.
    public var factors: [RiskFactor]

    public init(score: Int, band: RiskBand, factors: [RiskFactor]) {
        self.score = score; self.band = band; self.factors = factors
    }

    /// The other way round, for a health gauge: 100 − score.
    public var health: Int { 100 - score }

    /// "revenue_drop 30 pts, overdue 25 pts, rep judgement 2/5: 10 pts".
    public var explanation: String { factors.map(\.description).joined(separator: ", ") }

    /// Sum of the findings' weights (rounded to whole points) plus the judgement
    /// points, clamped to 0…100. `judgement` outside 1–5 is ignored.
    public static func assess(findings: [SignalFinding], judgement: Int?,
                              settings: RiskSettings = RiskSettings()) -> RiskAssessment {
        var factors = findings.map { RiskFactor(name: $0.kind, points: Int($0.weight.rounded())) }
        if let j = judgement, (1...5).contains(j), settings.sentimentWeight != 0 {
            let points = Int((settings.sentimentWeight * Double(3 - j) / 2).rounded())
            factors.append(RiskFactor(name: "rep judgement", judgement: j, points: points))
        }
        let ordered = factors.enumerated().sorted { ($1.element.points, $0.offset) < ($0.element.points, $1.offset) }
            .map(\.element)
        let score = min(100, max(0, factors.reduce(0) { $0 + $1.points }))
        return RiskAssessment(score: score, band: settings.band(score), factors: ordered)
    }

    /// Same, taking the judgement from the newest feedback form within `sentimentDays`
    /// that has one.
    public static func assess(_ facts: CustomerSignalFacts, findings: [SignalFinding],
                              settings: RiskSettings = RiskSettings()) -> RiskAssessment {
        assess(findings: findings, judgement: latestJudgement(facts, within: settings.sentimentDays), settings: settings)
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
