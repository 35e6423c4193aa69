import Foundation

/// Discounted expected revenue (or margin) of a customer over a horizon.
///
/// With k periods per year (default 12, months), horizon H years (default 10),
/// yearly discount rate d (default 8 %):
///
///     value = m̂ · μ · Σᵢ₌₁ⁿ [E[Y(tᵢ) | x, t_x, T] − E[Y(tᵢ₋₁) | x, t_x, T]] / (1 + d)^(i/k)
///
/// where n = H·k, tᵢ = i · 365.25/k days (in the model's time unit), t₀ = 0,
/// E[Y(t)|…] is BG/NBD's expected number of purchases in the next t, m̂ the
/// expected spend per purchase (Gamma-Gamma) and μ the margin ratio (1 for
/// revenue). Each period's expected purchases are discounted at the end of the
/// period. This is the computation of `customer_lifetime_value` in the
/// `lifetimes` and PyMC-Marketing packages, which state the rate per month
/// and discount by (1 + d_month)^i; a yearly d here equals their monthly rate
/// (1 + d)^(1/12) − 1 (their month is 30 days or 4.345 weeks, ours 365.25/12 days).
public struct CustomerValuation: Sendable {
    public let parameters: BGNBDParameters
    /// Days per model time unit (the unit α was fitted in).
    public let unitDays: Int
    public let horizonYears: Double
    public let periodsPerYear: Int
    public let yearlyDiscountRate: Double
    /// tᵢ in model time units, i = 1 … n.
    let periodEnds: [Double]
    /// 1/(1+d)^(i/k), i = 1 … n.
    let discountFactors: [Double]

    public init(
        parameters: BGNBDParameters, unitDays: Int, horizonYears: Double = 10,
        periodsPerYear: Int = 12, yearlyDiscountRate: Double = 0.08
    ) {
        precondition(unitDays > 0 && periodsPerYear > 0, "unitDays and periodsPerYear must be positive")
        self.parameters = parameters
        self.unitDays = unitDays
        self.horizonYears = horizonYears
        self.periodsPerYear = periodsPerYear
        self.yearlyDiscountRate = yearlyDiscountRate
        let periods = max(0, Int((horizonYears * Double(periodsPerYear)).rounded()))
        let unitsPerPeriod = 365.25 / Double(periodsPerYear) / Double(unitDays)
        periodEnds = (0..<periods).map { Double($0 + 1) * unitsPerPeriod }
        let logDiscount = log1p(yearlyDiscountRate)
        discountFactors = (0..<periods).map { exp(-logDiscount * Double($0 + 1) / Double(periodsPerYear)) }
    }

    /// Σᵢ [E[Y(tᵢ)] − E[Y(tᵢ₋₁)]] / (1+d)^(i/k): discounted expected purchases.
    public func discountedExpectedPurchases(_ o: BGNBDObservation) -> Double {
        let forecast = BGNBDAliveForecast(parameters: parameters, frequency: o.frequency)
        return parameters.probabilityAlive(o) * discountedPurchasesIfAlive(forecast, age: o.age)
    }

    /// The value in cents, rounded: discounted expected purchases × expected
    /// spend per purchase (currency units) × margin ratio.
    public func valueCents(_ o: BGNBDObservation, expectedSpend: Double, marginRatio: Double = 1) -> Int64 {
        Self.cents(discountedExpectedPurchases(o) * expectedSpend * marginRatio)
    }

    /// The discounted sum for a customer known to be alive (P(alive) factored out,
    /// so customers with the same x and T share it).
    func discountedPurchasesIfAlive(_ forecast: BGNBDAliveForecast, age: Double) -> Double {
        var sum = 0.0
        var previous = 0.0
        for (t, factor) in zip(periodEnds, discountFactors) {
            let cumulative = forecast.expectedPurchases(in: t, age: age)
            sum += (cumulative - previous) * factor
            previous = cumulative
        }
        return sum
    }

    /// Currency units → whole cents, rounded half away from zero; 0 for NaN,
    /// clamped to the Int64 range.
    static func cents(_ value: Double) -> Int64 {
        let scaled = (value * 100).rounded()
        guard scaled.isFinite else { return scaled.isNaN ? 0 : (scaled > 0 ? .max : .min) }
        if scaled >= 9.2e18 { return .max }
        if scaled <= -9.2e18 { return .min }
        return Int64(scaled)
    }
}
