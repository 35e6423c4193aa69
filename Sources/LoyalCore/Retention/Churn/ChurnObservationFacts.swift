extension ChurnObservation {
    /// What the model sees of a customer's facts on their day: purchase figures from the
    /// facts themselves (never from figures computed for another day, so a training cut
    /// in the past sees only its past), the forecast, the counted signals that do not
    /// come from purchases, and the latest recent judgement.
    public init(_ facts: CustomerSignalFacts, counted: [SignalFinding], sentimentDays: Int) {
        let day = facts.asOf
        let last = facts.lastPurchase
        let first = facts.firstPurchase ?? facts.customerSince ?? day
        var now: Int64 = 0, before: Int64 = 0
        let yearAgo = day.adding(months: -12), twoYearsAgo = day.adding(months: -24)
        for d in facts.discounts where d.day <= day {
            if d.day > yearAgo { now += d.amount.cents } else if d.day > twoYearsAgo { before += d.amount.cents }
        }
        self.init(purchaseDays: facts.purchaseDayCount, daysSinceLastPurchase: last.map { day - $0 },
                  ageDays: max(day - first, 0), activeSpanDays: last.map { max($0 - first, 0) } ?? 0,
                  revenue12mCents: now, revenuePrevious12mCents: before, forecastNoPurchase: facts.forecastNoPurchase,
                  signalKinds: Set(counted.filter(\.form.isBeyondPurchases).map(\.kind)),
                  judgement: RiskAssessment.latestJudgement(facts, within: sentimentDays))
    }
}
