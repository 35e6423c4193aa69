import Foundation

/// Settings of `CustomerValueReport.fitAndScore`.
public struct CustomerValueSettings: Sendable, Hashable, Codable {
    /// Days per model time unit: 7 = weeks (the papers' choice), 1 = days.
    public var unitDays: Int
    /// "Expected purchases in the next N units": N, in `unitDays` units.
    public var predictionHorizon: Double
    /// Yearly discount rate of the value, e.g. 0.08.
    public var yearlyDiscountRate: Double
    /// Years of future purchases the value counts.
    public var valueHorizonYears: Double
    /// Discounting periods per year (12 = months).
    public var periodsPerYear: Int

    public init(
        unitDays: Int = 7, predictionHorizon: Double = 52, yearlyDiscountRate: Double = 0.08,
        valueHorizonYears: Double = 10, periodsPerYear: Int = 12
    ) {
        self.unitDays = unitDays
        self.predictionHorizon = predictionHorizon
        self.yearlyDiscountRate = yearlyDiscountRate
        self.valueHorizonYears = valueHorizonYears
        self.periodsPerYear = periodsPerYear
    }

    /// The configured value settings in a time unit, forecasting `predictionHorizon` units ahead.
    public init(_ value: ValueSettings, unitDays: Int, predictionHorizon: Double) {
        self.init(unitDays: unitDays, predictionHorizon: predictionHorizon, yearlyDiscountRate: value.yearlyDiscountRate,
                  valueHorizonYears: value.horizonYears, periodsPerYear: value.periodsPerYear)
    }
}

/// One customer's scores.
public struct CustomerValueScore: Sendable, Hashable, Codable {
    /// x, t_x and T in the settings' time unit.
    public var frequency: Int
    public var recency: Double
    public var age: Double
    /// E[Y(N) | x, t_x, T] for N = `predictionHorizon`.
    public var expectedPurchases: Double
    public var probabilityAlive: Double
    /// Expected spend per future purchase, currency units.
    public var expectedSpend: Double
    /// Discounted expected revenue (× margin ratio) over the value horizon, cents.
    public var valueCents: Int64
}

/// Fitted models and per-customer scores of a customer base.
public struct CustomerValueReport: Sendable {
    public var settings: CustomerValueSettings
    public var bgnbd: BGNBDFit
    /// Nil when no customer has a repeat purchase of positive value; spend
    /// then falls back to each customer's own mean spend per purchase day.
    public var gammaGamma: GammaGammaFit?
    /// One score per input summary, same order.
    public var scores: [CustomerValueScore]

    /// Fits BG/NBD and Gamma-Gamma on `summaries` and scores every customer.
    ///
    /// `marginRatios[i]`, where given and non-nil, turns customer i's value into
    /// a margin value (revenue × ratio); otherwise it is revenue.
    /// Customers with equal (x, T) share the costly discounted sum, and one
    /// ₂F₁ setup serves all customers with the same x.
    public static func fitAndScore(
        _ summaries: [PurchaseHistorySummary], settings: CustomerValueSettings = CustomerValueSettings(),
        marginRatios: [Double?]? = nil
    ) throws -> CustomerValueReport {
        precondition(settings.unitDays > 0, "unitDays must be positive")
        precondition(marginRatios == nil || marginRatios?.count == summaries.count,
                     "one margin ratio (or nil) per summary")
        let observations = summaries.map { $0.observation(unitDays: settings.unitDays) }
        let bgnbd = try BGNBDParameters.fit(observations)
        let spendObservations = summaries.map {
            GammaGammaObservation(frequency: $0.frequency, meanSpend: $0.meanRepeatSpend)
        }
        let gammaGamma: GammaGammaFit?
        do {
            gammaGamma = try GammaGammaParameters.fit(spendObservations)
        } catch CustomerValueFitError.noData {
            gammaGamma = nil
        }
        let scores = score(
            summaries, observations: observations, bgnbd: bgnbd.parameters, gammaGamma: gammaGamma,
            settings: settings, marginRatios: marginRatios)
        return CustomerValueReport(settings: settings, bgnbd: bgnbd, gammaGamma: gammaGamma, scores: scores)
    }

    /// Scores customers with given (already fitted) models.
    public static func score(
        _ summaries: [PurchaseHistorySummary], bgnbd: BGNBDParameters, gammaGamma: GammaGammaFit?,
        settings: CustomerValueSettings, marginRatios: [Double?]? = nil
    ) -> [CustomerValueScore] {
        score(
            summaries, observations: summaries.map { $0.observation(unitDays: settings.unitDays) },
            bgnbd: bgnbd, gammaGamma: gammaGamma, settings: settings, marginRatios: marginRatios)
    }

    private struct AliveKey: Hashable {
        let x: Int
        let age: UInt64
    }

    private static func score(
        _ summaries: [PurchaseHistorySummary], observations: [BGNBDObservation],
        bgnbd: BGNBDParameters, gammaGamma: GammaGammaFit?, settings: CustomerValueSettings,
        marginRatios: [Double?]?
    ) -> [CustomerValueScore] {
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
