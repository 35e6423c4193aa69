import Foundation

/// Parameters of the BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your
/// Customers the Easy Way"): while active a customer buys at rate λ ~ Gamma(r, α);
/// after every purchase he drops out with probability p ~ Beta(a, b).
/// α is in the time unit of the observations it was fitted on.
public struct BGNBDParameters: Sendable, Hashable, Codable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }
}

/// One customer's calibration data in the model's time unit: x repeat purchases,
/// the last one at t_x, observed for T since the first purchase.
public struct BGNBDObservation: Sendable, Hashable, Codable {
    /// x: purchases after the first one.
    public var frequency: Int
    /// t_x: time from the first to the last purchase (0 when x = 0).
    public var recency: Double
    /// T: time from the first purchase to the end of calibration.
    public var age: Double

    public init(frequency: Int, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }
}

extension BGNBDParameters {
    /// Log-likelihood of one customer's (x, t_x, T), eq. (6) of the paper:
    /// L = B(a,b+x)/B(a,b) · Γ(r+x)α^r / (Γ(r)(α+T)^(r+x))
    ///   + δ(x>0) B(a+1,b+x−1)/B(a,b) · Γ(r+x)α^r / (Γ(r)(α+t_x)^(r+x)).
    public func logLikelihood(_ o: BGNBDObservation) -> Double {
        let x = o.frequency
        let rx = r + Double(x)
        let common = ValueMath.logRising(r, x) + r * log(alpha)
            + ValueMath.logRising(b, x) - ValueMath.logRising(a + b, x)
        let stillActive = -rx * log(alpha + o.age)
        guard x > 0 else { return common + stillActive }
        let droppedOut = log(a) - log(b + Double(x) - 1) - rx * log(alpha + o.recency)
        return common + ValueMath.logAddExp(stillActive, droppedOut)
    }

    /// Sum of `logLikelihood` over customers.
    public func logLikelihood(_ observations: [BGNBDObservation]) -> Double {
        observations.reduce(0) { $0 + logLikelihood($1) }
    }

    /// P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
    ///
    /// Exactly 1 for x = 0: the model only lets a customer drop out right after
    /// a purchase, so it cannot tell a one-time buyer is gone. Rank such
    /// customers by expected purchases instead.
    public func probabilityAlive(_ o: BGNBDObservation) -> Double {
        guard o.frequency > 0 else { return 1 }
        let x = Double(o.frequency)
        let logOdds = log(a) - log(b + x - 1) + (r + x) * (log(alpha + o.age) - log(alpha + o.recency))
        return ValueMath.logisticOfNegative(logOdds)
    }

    /// E[Y(t) | x, t_x, T]: expected purchases in the next t time units, eq. (10):
    /// P(alive) · (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))].
    public func expectedPurchases(in t: Double, given o: BGNBDObservation) -> Double {
        let ifAlive = BGNBDAliveForecast(parameters: self, frequency: o.frequency)
        return probabilityAlive(o) * ifAlive.expectedPurchases(in: t, age: o.age)
    }

    /// E[X(t)]: expected purchases of a new customer in his first t time units, eq. (7).
    /// (The conditional formula with x = 0, T = 0.)
    public func expectedPurchases(in t: Double) -> Double {
        BGNBDAliveForecast(parameters: self, frequency: 0).expectedPurchases(in: t, age: 0)
    }
}
