import LoyalCore

/// What the value step stores for each customer with purchases (same order as
/// the input): the fitted models' scores, P(no purchase) in the risk horizon,
/// the RFM code and the number of purchase days.
struct ValueFigures {
    /// Nil when there is nothing to fit on (or the fit failed): values are then 0.
    let report: CustomerValueReport?
    let noPurchase: [Double]
    /// RFM as the number 100·R + 10·F + M, e.g. 545.
    let rfm: [Int]
    let purchaseDays: [Int]

    init(_ input: ValueInput, asOf: Day, settings: Settings) {
        let valueSettings = CustomerValueSettings(settings.value, unitDays: 1, predictionHorizon: 365)
        let report = input.summaries.isEmpty ? nil
            : try? CustomerValueReport.fitAndScore(input.summaries, settings: valueSettings,
                                                   marginRatios: input.marginRatios)
        self.report = report
        let horizon = Double(settings.retention.risk.horizonDays)
        noPurchase = report.map { report in
            report.scores.map { s in
                report.bgnbd.parameters.probabilityOfNoPurchase(
                    in: horizon, given: BGNBDObservation(frequency: s.frequency, recency: s.recency, age: s.age))
            }
        } ?? []
        rfm = RFMScore.quintiles(zip(input.ids, input.summaries).map { id, s in
            RFMInput(id: id, lastPurchaseDay: s.lastPurchaseDay, frequency: s.purchaseDays, monetaryCents: s.totalCents)
        }).map { 100 * $0.recency + 10 * $0.frequency + $0.monetary }
        purchaseDays = input.summaries.map(\.purchaseDays)
    }
}
