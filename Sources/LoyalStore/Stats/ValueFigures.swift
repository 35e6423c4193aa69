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
        // RFM needs no model: ranked on a thread of its own, it fills the gap the
        // shorter Gamma-Gamma fit leaves beside the BG/NBD fit.
        let ranks = Background { () -> [Int] in
            RFMScore.quintiles(zip(input.ids, input.summaries).map { id, s in
                RFMInput(id: id, lastPurchaseDay: s.lastPurchaseDay, frequency: s.purchaseDays, monetaryCents: s.totalCents)
            }).map { 100 * $0.recency + 10 * $0.frequency + $0.monetary }
        }
        let valueSettings = CustomerValueSettings(settings.value, unitDays: 1, predictionHorizon: 365)
        let report = input.summaries.isEmpty ? nil
            : try? CustomerValueReport.fitAndScore(input.summaries, settings: valueSettings,
                                                   marginRatios: input.marginRatios)
        self.report = report
        noPurchase = report?.probabilitiesOfNoPurchase(in: Double(settings.retention.risk.horizonDays)) ?? []
        purchaseDays = input.summaries.map(\.purchaseDays)
        // The closure cannot throw.
        rfm = (try? ranks.value()) ?? []
    }
}
