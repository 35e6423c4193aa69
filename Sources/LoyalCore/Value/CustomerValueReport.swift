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
    /// Customers with equal (x, T) share the costly discounted sum, and the
    /// forecasts of one x are tabulated once (`CustomerValueScoring`); both use
    /// all cores.
    public static func fitAndScore(
        _ summaries: [PurchaseHistorySummary], settings: CustomerValueSettings = CustomerValueSettings(),
        marginRatios: [Double?]? = nil
    ) throws -> CustomerValueReport {
        precondition(settings.unitDays > 0, "unitDays must be positive")
        precondition(marginRatios == nil || marginRatios?.count == summaries.count,
                     "one margin ratio (or nil) per summary")
        let observations = summaries.map { $0.observation(unitDays: settings.unitDays) }
        let spendObservations = summaries.map {
            GammaGammaObservation(frequency: $0.frequency, meanSpend: $0.meanRepeatSpend)
        }
        // The two models are independent: fitted side by side.
        var bgnbdFit: Result<BGNBDFit, Error>?, spendFit: Result<GammaGammaFit?, Error>?
        Parallel.forEach(2) { model in
            if model == 0 {
                bgnbdFit = Result { try BGNBDParameters.fit(observations) }
            } else {
                spendFit = Result {
                    do {
                        return try GammaGammaParameters.fit(spendObservations)
                    } catch CustomerValueFitError.noData {
                        return nil
                    }
                }
            }
        }
        let bgnbd = try bgnbdFit!.get()
        let gammaGamma = try spendFit!.get()
        let scores = scores(
            summaries, observations: observations, bgnbd: bgnbd.parameters, gammaGamma: gammaGamma,
            settings: settings, marginRatios: marginRatios)
        return CustomerValueReport(settings: settings, bgnbd: bgnbd, gammaGamma: gammaGamma, scores: scores)
    }

    /// Scores customers with given (already fitted) models.
    public static func score(
        _ summaries: [PurchaseHistorySummary], bgnbd: BGNBDParameters, gammaGamma: GammaGammaFit?,
        settings: CustomerValueSettings, marginRatios: [Double?]? = nil
    ) -> [CustomerValueScore] {
        scores(
            summaries, observations: summaries.map { $0.observation(unitDays: settings.unitDays) },
            bgnbd: bgnbd, gammaGamma: gammaGamma, settings: settings, marginRatios: marginRatios)
    }
}
