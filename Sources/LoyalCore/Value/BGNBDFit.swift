import Foundation

/// Why a customer-value model could not be fitted.
public enum CustomerValueFitError: Error, Sendable, Hashable {
    /// Nothing to fit on: no customers, or none observed for any time after the
    /// first purchase (for Gamma-Gamma: no repeat purchase of positive value).
    case noData
    /// Observation number `index` is impossible (negative or non-finite values, t_x > T, x = 0 with t_x > 0).
    case invalidObservation(index: Int)
}

/// Result of a maximum-likelihood fit of the BG/NBD model.
public struct BGNBDFit: Sendable, Hashable {
    public var parameters: BGNBDParameters
    /// Σ log-likelihood over all customers at `parameters` (comparable to the paper's LL).
    public var logLikelihood: Double
    public var customerCount: Int
    public var iterations: Int
    /// False when the optimiser stopped without meeting its gradient tolerance;
    /// typically a parameter ran off to 0 or ∞ because the data cannot identify it.
    public var converged: Bool
}

extension BGNBDParameters {
    /// Maximum-likelihood fit over all customers' (x, t_x, T).
    ///
    /// BFGS with the analytic gradient on (log r, log α, log a, log b), so every
    /// iterate is a valid parameter set; log-parameters are kept within ±30.
    /// Customers with identical (x, t_x, T) are evaluated once, weighted.
    /// Default start: r = 1, a = 1, b = 1 and α = ΣT/Σx, which puts the mean
    /// purchase rate r/α at the crude rate of the data whatever the time unit.
    public static func fit(
        _ observations: [BGNBDObservation], start: BGNBDParameters? = nil
    ) throws -> BGNBDFit {
        guard !observations.isEmpty else { throw CustomerValueFitError.noData }
        for (index, o) in observations.enumerated() {
            let valid = o.frequency >= 0 && o.recency.isFinite && o.age.isFinite
                && o.recency >= 0 && o.recency <= o.age && (o.frequency > 0 || o.recency == 0)
            if !valid { throw CustomerValueFitError.invalidObservation(index: index) }
        }
        let totalAge = observations.reduce(0.0) { $0 + $1.age }
        // With every T = 0 the likelihood is 1 whatever the parameters.
        guard totalAge > 0 else { throw CustomerValueFitError.noData }
        let data = BGNBDLikelihoodData(observations)
        let totalRepeats = observations.reduce(0.0) { $0 + Double($1.frequency) }
        let first = start ?? BGNBDParameters(r: 1, alpha: totalAge / max(totalRepeats, 1), a: 1, b: 1)
        let result = QuasiNewtonMinimizer().minimize(from: first.logVector) { theta in
            penalized(data.negativeMeanLogLikelihood(theta), theta)
        }
        let parameters = BGNBDParameters(logVector: result.point)
        return BGNBDFit(
            parameters: parameters,
            logLikelihood: -data.negativeMeanLogLikelihood(result.point).value * data.totalWeight,
            customerCount: observations.count,
            iterations: result.iterations,
            converged: result.converged)
    }

    /// Above this, a and b only sharpen a dropout probability the data cannot tell
    /// apart: on small or very regular customer bases the likelihood has a ridge
    /// along a/(a+b) and the optimiser walks a and b off to millions, where every
    /// forecast needs thousands of series terms. A soft wall beyond it keeps the fit
    /// where forecasts are cheap; fits inside (CDNOW: a 0.79, b 2.43) are untouched.
    static let shapeLimit = log(1000.0)

    static func penalized(_ f: (value: Double, gradient: [Double]), _ theta: [Double]) -> (value: Double, gradient: [Double]) {
        guard f.value.isFinite else { return f }
        var value = f.value, gradient = f.gradient
        for j in 2...3 where theta[j] > shapeLimit {
            let over = theta[j] - shapeLimit
            value += over * over
            gradient[j] += 2 * over
        }
        return (value, gradient)
    }

    var logVector: [Double] { [log(r), log(alpha), log(a), log(b)] }

    init(logVector v: [Double]) {
        self.init(r: exp(v[0]), alpha: exp(v[1]), a: exp(v[2]), b: exp(v[3]))
    }
}
