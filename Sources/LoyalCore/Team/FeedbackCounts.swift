/// The feedback answers of one window, counted so that windows and reps add up
/// exactly; NPS and satisfaction are derived from the counts, never averaged.
public struct FeedbackCounts: Hashable, Sendable {
    /// Answers to the NPS question (0–10), promoters (9–10) and detractors (0–6).
    public var npsAnswers: Int
    public var promoters: Int
    public var detractors: Int
    /// Answers to the satisfaction question (CSAT, 1–5) and their sum.
    public var csatAnswers: Int
    public var csatSum: Int

    public init(npsAnswers: Int = 0, promoters: Int = 0, detractors: Int = 0, csatAnswers: Int = 0, csatSum: Int = 0) {
        self.npsAnswers = npsAnswers; self.promoters = promoters; self.detractors = detractors
        self.csatAnswers = csatAnswers; self.csatSum = csatSum
    }

    /// Net Promoter Score: promoters minus detractors in percent of the answers, rounded
    /// half away from zero (−100…100); nil without answers.
    public var nps: Int? {
        npsAnswers == 0 ? nil : Self.roundedQuotient(100 * (promoters - detractors), npsAnswers)
    }

    /// Mean satisfaction (1–5) in tenths, rounded half up (41 = 4.1); nil without answers.
    public var satisfactionTenths: Int? {
        csatAnswers == 0 ? nil : Self.roundedQuotient(10 * csatSum, csatAnswers)
    }

    public static func + (a: FeedbackCounts, b: FeedbackCounts) -> FeedbackCounts {
        FeedbackCounts(npsAnswers: a.npsAnswers + b.npsAnswers, promoters: a.promoters + b.promoters,
                       detractors: a.detractors + b.detractors, csatAnswers: a.csatAnswers + b.csatAnswers,
                       csatSum: a.csatSum + b.csatSum)
    }

    /// `a / b` rounded half away from zero, in integers (b > 0), so that a shown 32 is
    /// the same 32 on every platform.
    static func roundedQuotient(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (2 * a + b) / (2 * b) : -((-2 * a + b) / (2 * b))
    }
}

/// A figure now and in the window before, and its change as shown: the difference
/// of the two rounded figures, so the numbers on screen add up.
public struct FigureTrend: Hashable, Sendable {
    public var now: Int?
    public var before: Int?

    public init(now: Int?, before: Int?) { self.now = now; self.before = before }

    /// nil unless both windows have answers.
    public var change: Int? {
        guard let now, let before else { return nil }
        return now - before
    }
}

/// Satisfaction is kept in tenths (an exact integer); this writes it as a decimal.
public enum Tenths {
    /// `41` → `4.1`, `-2` → `-0.2` (`plus` writes `+0.2` for a rise).
    public static func text(_ tenths: Int, decimalSeparator: String = ".", plus: Bool = false) -> String {
        let sign = tenths < 0 ? "-" : (plus && tenths > 0 ? "+" : "")
        return "\(sign)\(tenths.magnitude / 10)\(decimalSeparator)\(tenths.magnitude % 10)"
    }
}
