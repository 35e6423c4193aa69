/// One early-warning rule as data: what users see (`kind`), how it is computed
/// (`form` with its parameters) and how much it adds to the risk score (`weight`).
///
/// The articles say the list of churn signals keeps changing, so rules come from the
/// config file: users add kinds of the same forms with other parameters (a second
/// `feedback_score` rule "nps_very_low", say) without touching code.
public struct SignalRule: Hashable, Sendable {
    /// Name shown to users and stored with the signal, e.g. "revenue_drop". Unique in a rule set.
    public var kind: String
    public var form: SignalForm
    /// Risk points the finding adds (see `RiskAssessment`).
    public var weight: Double

    public init(kind: String, form: SignalForm, weight: Double) {
        self.kind = kind; self.form = form; self.weight = weight
    }

    /// The finding when the rule fires for these facts, else nil. Never fires for
    /// lost customers (they are win-back cases).
    public func evaluate(_ facts: CustomerSignalFacts, format: EvidenceFormat = .german) -> SignalFinding? {
        guard facts.status == .active, let e = form.evidence(facts, format) else { return nil }
        return SignalFinding(kind: kind, form: form.name, weight: weight, wording: e.wording, evidenceKey: e.key,
                             storedEvidence: e.stored)
    }
}

/// A rule that fired: the reason in words and numbers and the key of its facts.
public struct SignalFinding: Hashable, Sendable {
    public var kind: String
    public var form: SignalFormName
    public var weight: Double
    /// E.g. "revenue 12 months 8.400 € vs 14.000 € before (−40 %)". Rendered when read (a
    /// refresh stores only `storedEvidence`).
    public var evidence: String {
        get { wording.text }
        set { wording = .text(newValue) }
    }
    var wording: Wording
    /// Identifies the facts behind the finding (see each `SignalForm` case). A signal
    /// dismissed for one key is not raised again for the same key, but is for a new one.
    public var evidenceKey: String
    /// What the store keeps: the evidence as a catalogue key with arguments (`StoredText`).
    public var storedEvidence: String

    public init(kind: String, form: SignalFormName, weight: Double, evidence: String, evidenceKey: String,
                storedEvidence: String? = nil) {
        self.kind = kind; self.form = form; self.weight = weight; self.wording = .text(evidence)
        self.evidenceKey = evidenceKey; self.storedEvidence = storedEvidence ?? evidence
    }

    init(kind: String, form: SignalFormName, weight: Double, wording: Wording, evidenceKey: String,
         storedEvidence: String) {
        self.kind = kind; self.form = form; self.weight = weight; self.wording = wording
        self.evidenceKey = evidenceKey; self.storedEvidence = storedEvidence
    }

    public static func == (a: SignalFinding, b: SignalFinding) -> Bool {
        a.kind == b.kind && a.form == b.form && a.weight == b.weight && a.evidenceKey == b.evidenceKey
            && a.storedEvidence == b.storedEvidence && a.evidence == b.evidence
    }

    public func hash(into h: inout Hasher) {
        h.combine(kind); h.combine(form); h.combine(weight); h.combine(evidence); h.combine(evidenceKey)
        h.combine(storedEvidence)
    }

    /// A new open signal for the store.
    public func signal(customerID: Int64, openedOn: Day) -> ChurnSignal {
        var s = ChurnSignal(customerID: customerID, kind: kind, evidence: evidence, evidenceKey: evidenceKey,
                            weight: weight, openedOn: openedOn)
        s.storedEvidence = storedEvidence == evidence ? nil : storedEvidence
        return s
    }
}

public enum EarlyWarning {
    /// Every rule that fires, in rule order.
    public static func findings(_ facts: CustomerSignalFacts, rules: [SignalRule],
                                format: EvidenceFormat = .german) -> [SignalFinding] {
        guard facts.status == .active else { return [] }
        return rules.compactMap { $0.evaluate(facts, format: format) }
    }
}

/// The computations a rule can use. Each case documents when it fires and its
/// evidence key. "Within N days" means the N days up to and including the as-of day.
public enum SignalForm: Hashable, Sendable {
    /// Revenue of the last 12 months against the 12 before: fires when the change is
    /// ≤ `threshold` (−0.30 = a drop of 30 % or more) and the previous 12 months
    /// brought at least `minPrevious` (small accounts swing too much to mean anything).
    /// Key: as-of month and the drop in whole tens of percent, toward zero ("2026-09/-40"),
    /// so a dismissed drop returns next month or when it deepens into the next ten.
    case revenueChange(threshold: Double, minPrevious: Money)
    /// Days since the last purchase > `factor` × the median gap between the customer's
    /// own purchase days, with at least `minPurchases` purchase days and at least
    /// `minDays` days since the last one (weekly buyers are not chased after 15 days).
    /// Key: the last purchase day ("2026-06-01"); a new purchase ends or renews it.
    case overdueRhythm(factor: Double, minPurchases: Int, minDays: Int)
    /// The value model's P(alive) below `below`. Beware: BG/NBD gives one-time buyers
    /// P(alive) = 1, so this never catches them — `overdue_rhythm` and the expected
    /// purchases do. Key: the last purchase day (the model's only changing input), "none" without.
    case pAlive(below: Double)
    /// At least `atLeast` complaints open that were opened at least `minAgeDays` ago
    /// (a complaint a few days old is normal business; one left lying is not).
    /// Key: the ids of those complaints, ascending, joined by "+" ("12+15").
    case openComplaints(atLeast: Int, minAgeDays: Int)
    /// At least `atLeast` complaints opened within `days`, resolved or not.
    /// Key: the id of the newest of them (the window slides daily; only a new complaint is new evidence).
    case complaintsInPeriod(atLeast: Int, days: Int)
    /// The average of `metric` over the answers within `days` compares to `value`
    /// (≤ or ≥), given at least `minAnswers` answers. Key: the day of the newest answer ("2026-09-03").
    case feedbackScore(metric: FeedbackMetric, comparison: Comparison, value: Double, days: Int, minAnswers: Int)
    /// Discount rate (discount ÷ list price, weighted by amount) of the last `recentMonths`
    /// against the `previousMonths` before rises by ≥ `points` percentage points — price
    /// negotiations getting harder. Both windows need purchases. Key: the newest purchase
    /// day in the recent window.
    case discountTrend(recentMonths: Int, previousMonths: Int, points: Double)
    /// At least `atLeast` feedback forms within `days` note price pressure. Key: the newest such day.
    case pricePressureMentions(atLeast: Int, days: Int)
    /// A contact person left within `days`. Key: the id of the one who left last.
    case contactLeft(days: Int)
    /// The address changed within `days`. Key: the day of the change.
    case addressChanged(days: Int)
    /// A competitor was named within `days`. Key: the newest such feedback day.
    case competitorNamed(days: Int)
    /// A cancellation was noted within `days`. Key: the newest such feedback day.
    case cancellation(days: Int)
    /// A customer for at least `years` who only ever bought from one product category:
    /// no cross-selling in years means a weak bond. Key: that category.
    case singleCategory(years: Int)

    public var name: SignalFormName {
        switch self {
        case .revenueChange: return .revenueChange
        case .overdueRhythm: return .overdueRhythm
        case .pAlive: return .pAlive
        case .openComplaints: return .openComplaints
        case .complaintsInPeriod: return .complaintsInPeriod
        case .feedbackScore: return .feedbackScore
        case .discountTrend: return .discountTrend
        case .pricePressureMentions: return .pricePressureMentions
        case .contactLeft: return .contactLeft
        case .addressChanged: return .addressChanged
        case .competitorNamed: return .competitorNamed
        case .cancellation: return .cancellation
        case .singleCategory: return .singleCategory
        }
    }
}

/// The form names as written in the config file.
public enum SignalFormName: String, CaseIterable, Hashable, Sendable {
    case revenueChange = "revenue_change", overdueRhythm = "overdue_rhythm", pAlive = "p_alive",
         openComplaints = "open_complaints", complaintsInPeriod = "complaints_in_period",
         feedbackScore = "feedback_score", discountTrend = "discount_trend",
         pricePressureMentions = "price_pressure_mentions", contactLeft = "contact_left",
         addressChanged = "address_changed", competitorNamed = "competitor_named",
         cancellation, singleCategory = "single_category",
         /// Loyal's own signal when the churn model's risk reaches the panel threshold (not a configurable rule).
         churnModel = "churn_model"

    /// The forms a `[[signals]]` rule may use.
    public static var configurable: [SignalFormName] { allCases.filter { $0 != .churnModel } }
}

public enum FeedbackMetric: String, CaseIterable, Hashable, Sendable {
    /// NPS 0–10, CSAT 1–5, CES 1–7 (high = hard work for the customer), rep sentiment 1–5.
    case nps, csat, ces, sentiment

    public func value(_ f: FeedbackFact) -> Int? {
        switch self {
        case .nps: return f.nps
        case .csat: return f.csat
        case .ces: return f.ces
        case .sentiment: return f.sentiment
        }
    }

    public var label: String { Text.tr(labelKey) }

    var labelKey: String { "metric.\(rawValue)" }
}

public enum Comparison: String, CaseIterable, Hashable, Sendable {
    case atMost = "<=", atLeast = ">="

    public func holds(_ lhs: Double, _ rhs: Double) -> Bool { self == .atMost ? lhs <= rhs : lhs >= rhs }
    public var symbol: String { self == .atMost ? "≤" : "≥" }
}
