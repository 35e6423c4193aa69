import Foundation

/// Parameters of the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM
/// and CLV: Using Iso-value Curves"; Fader & Hardie, "The Gamma-Gamma Model of
/// Monetary Value"): a customer's purchase amounts are Gamma(p, ν) with
/// ν ~ Gamma(q, γ) across customers, independent of how often he buys.
/// γ is in currency units.
public struct GammaGammaParameters: Sendable, Hashable, Codable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) {
        self.p = p
        self.q = q
        self.gamma = gamma
    }
}

/// A customer's repeat spend: x repeat purchases with mean amount m (currency units).
public struct GammaGammaObservation: Sendable, Hashable, Codable {
    public var frequency: Int
    public var meanSpend: Double

    public init(frequency: Int, meanSpend: Double) {
        self.frequency = frequency
        self.meanSpend = meanSpend
    }
}

extension GammaGammaParameters {
    /// Density of the observed mean m over x purchases (x ≥ 1, m > 0), in logs:
    /// Γ(px+q)/(Γ(px)Γ(q)) · γ^q m^(px−1) x^(px) / (γ + m x)^(px+q).
    public func logLikelihood(_ o: GammaGammaObservation) -> Double {
        let x = Double(o.frequency), m = o.meanSpend
        let px = p * x
        return lgamma(px + q) - lgamma(px) - lgamma(q) + q * log(gamma)
            + (px - 1) * log(m) + px * log(x) - (px + q) * log(gamma + m * x)
    }

    /// Mean spend per purchase across the population, E[Z] = pγ/(q−1);
    /// nil for q ≤ 1, where the mixing distribution has no finite mean.
    public var populationMeanSpend: Double? {
        q > 1 ? p * gamma / (q - 1) : nil
    }

    /// E[M | p, q, γ, m, x] = (γ + m x) p / (p x + q − 1): the posterior mean spend,
    /// a weighted average of the population mean pγ/(q−1) and the customer's m.
    ///
    /// For x = 0 this is the population mean. Where the model has no finite
    /// answer (q ≤ 1 with px + q ≤ 1, e.g. x = 0) `fallback` is returned; the
    /// fit supplies the observed mean spend there.
    public func expectedSpend(frequency x: Int, meanSpend m: Double, fallback: Double) -> Double {
        let denominator = p * Double(x) + q - 1
        guard denominator > 0 else { return fallback }
        let value = (gamma + m * Double(x)) * p / denominator
        return value.isFinite ? value : fallback
    }
}

/// Result of a maximum-likelihood fit of the Gamma-Gamma model.
public struct GammaGammaFit: Sendable, Hashable {
    public var parameters: GammaGammaParameters
    public var logLikelihood: Double
    /// Customers used: x > 0 and positive mean repeat spend.
    public var customerCount: Int
    /// Mean of the customers' m; stands in where E[M] is not finite (q ≤ 1).
    public var observedMeanSpend: Double
    public var iterations: Int
    public var converged: Bool

    /// `GammaGammaParameters.expectedSpend` with the observed mean as fallback.
    public func expectedSpend(frequency x: Int, meanSpend m: Double) -> Double {
        parameters.expectedSpend(frequency: x, meanSpend: m, fallback: x > 0 && m > 0 ? m : observedMeanSpend)
    }
}
