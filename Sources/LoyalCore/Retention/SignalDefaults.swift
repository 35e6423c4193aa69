extension SignalRule {
    /// The rules a new installation starts with, tuned for a B2B wholesaler whose
    /// customers reorder every few weeks. The config file writes each with the reason
    /// for its numbers; weights are risk points (a score of 50 is red by default).
    public static let defaults: [SignalRule] = [
        SignalRule(kind: "revenue_drop", form: .revenueChange(threshold: -0.30, minPrevious: Money(cents: 200_000)),
                   weight: 30),
        SignalRule(kind: "overdue", form: .overdueRhythm(factor: 2.0, minPurchases: 4, minDays: 30), weight: 25),
        SignalRule(kind: "likely_inactive", form: .pAlive(below: 0.30), weight: 15),
        SignalRule(kind: "open_complaint", form: .openComplaints(atLeast: 1, minAgeDays: 14), weight: 15),
        SignalRule(kind: "repeated_complaints", form: .complaintsInPeriod(atLeast: 3, days: 180), weight: 20),
        SignalRule(kind: "low_nps", form: .feedbackScore(metric: .nps, comparison: .atMost, value: 6, days: 180,
                                                          minAnswers: 1), weight: 15),
        SignalRule(kind: "low_csat", form: .feedbackScore(metric: .csat, comparison: .atMost, value: 2, days: 180,
                                                           minAnswers: 1), weight: 15),
        SignalRule(kind: "high_effort", form: .feedbackScore(metric: .ces, comparison: .atLeast, value: 5, days: 180,
                                                              minAnswers: 1), weight: 10),
        SignalRule(kind: "discount_creep", form: .discountTrend(recentMonths: 6, previousMonths: 12, points: 3),
                   weight: 15),
        SignalRule(kind: "price_pressure", form: .pricePressureMentions(atLeast: 2, days: 180), weight: 15),
        SignalRule(kind: "contact_left", form: .contactLeft(days: 90), weight: 20),
        SignalRule(kind: "address_changed", form: .addressChanged(days: 90), weight: 10),
        SignalRule(kind: "competitor_named", form: .competitorNamed(days: 180), weight: 20),
        SignalRule(kind: "cancellation", form: .cancellation(days: 365), weight: 50),
        SignalRule(kind: "single_category", form: .singleCategory(years: 3), weight: 10),
    ]
}
