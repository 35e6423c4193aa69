import Foundation

extension CustomerValueReport {
    private struct AliveKey: Hashable {
        let x: Int
        let age: UInt64
    }

    /// The scores customer by customer with a ₂F₁ per month, as before the
    /// forecasts were tabulated (`CustomerValueScoring`): kept as the oracle the
    /// tests hold the fast path to.
    static func scoresOneByOne(
        _ summaries: [PurchaseHistorySummary], bgnbd: BGNBDParameters, gammaGamma: GammaGammaFit?,
        settings: CustomerValueSettings, marginRatios: [Double?]? = nil
    ) -> [CustomerValueScore] {
        let observations = summaries.map { $0.observation(unitDays: settings.unitDays) }
        let valuation = CustomerValuation(
            parameters: bgnbd, unitDays: settings.unitDays, horizonYears: settings.valueHorizonYears,
            periodsPerYear: settings.periodsPerYear, yearlyDiscountRate: settings.yearlyDiscountRate)
        var forecasts: [Int: BGNBDAliveForecast] = [:]
        var ifAlive: [AliveKey: (horizon: Double, discounted: Double)] = [:]
        var scores: [CustomerValueScore] = []
        scores.reserveCapacity(summaries.count)
        for (index, (summary, o)) in zip(summaries, observations).enumerated() {
            let key = AliveKey(x: o.frequency, age: o.age.bitPattern)
            let alive: (horizon: Double, discounted: Double)
            if let known = ifAlive[key] {
                alive = known
            } else {
                let forecast = forecasts[o.frequency] ?? BGNBDAliveForecast(parameters: bgnbd, frequency: o.frequency)
                forecasts[o.frequency] = forecast
                alive = (forecast.expectedPurchases(in: settings.predictionHorizon, age: o.age),
                         valuation.discountedPurchasesIfAlive(forecast, age: o.age))
                ifAlive[key] = alive
            }
            let pAlive = bgnbd.probabilityAlive(o)
            let spend = gammaGamma?.expectedSpend(frequency: o.frequency, meanSpend: summary.meanRepeatSpend)
                ?? summary.meanSpend
            let margin = marginRatios?[index] ?? 1
            scores.append(CustomerValueScore(
                frequency: o.frequency, recency: o.recency, age: o.age,
                expectedPurchases: pAlive * alive.horizon, probabilityAlive: pAlive, expectedSpend: spend,
                valueCents: CustomerValuation.cents(pAlive * alive.discounted * spend * margin)))
        }
        return scores
    }
}
