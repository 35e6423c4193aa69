import Foundation

/// Special functions and log-space helpers shared by the customer-value models.
///
/// Kept in a namespace so the names cannot clash with other parts of LoyalCore.
enum ValueMath {
    /// log(exp(u) + exp(v)) without overflow; either side may be -infinity.
    static func logAddExp(_ u: Double, _ v: Double) -> Double {
        let high = max(u, v)
        if high == -.infinity { return -.infinity }
        return high + log1p(exp(min(u, v) - high))
    }

    /// log(1 + exp(u)) for any u; the naive form overflows for u > ~709.
    static func log1pExp(_ u: Double) -> Double {
        u > 0 ? u + log1p(exp(-u)) : log1p(exp(u))
    }

    /// 1 / (1 + exp(u)) for any u.
    static func logisticOfNegative(_ u: Double) -> Double {
        if u > 0 {
            let e = exp(-u)
            return e / (1 + e)
        }
        return 1 / (1 + exp(u))
    }

    /// True when `x` is 0, -1, -2, ... where Γ has a pole.
    static func isNonPositiveInteger(_ x: Double) -> Bool {
        x <= 0 && x == x.rounded()
    }

    /// log|Γ(x)| and the sign of Γ(x); the sign is 0 at the poles (x = 0, -1, -2, ...),
    /// which lets callers treat 1/Γ(pole) as exactly zero.
    static func signedLogGamma(_ x: Double) -> (logAbs: Double, sign: Double) {
        if isNonPositiveInteger(x) { return (.infinity, 0) }
        if x > 0 { return (lgamma(x), 1) }
        // Γ changes sign at every pole: negative on (-1, 0), positive on (-2, -1), ...
        let sign: Double = x.rounded(.down).truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1
        return (lgamma(x), sign)
    }

    /// A real number as sign · exp(logAbs), for factors that overflow on their own.
    struct SignedLog: Sendable, Hashable {
        var logAbs: Double
        var sign: Double // -1, 0 or 1
        /// Σ |log| of the parts logAbs was summed from: its rounding error is about
        /// 1e-16 times this, however small logAbs itself is.
        var parts: Double = 0

        func adding(log delta: Double) -> SignedLog {
            SignedLog(logAbs: logAbs + delta, sign: sign, parts: parts + abs(delta))
        }

        /// self · x, multiplied in log space so neither factor overflows alone.
        func times(_ x: Double) -> Double {
            if sign == 0 || x == 0 { return 0 }
            return sign * (x < 0 ? -1 : 1) * exp(logAbs + log(abs(x)))
        }

        var value: Double { sign == 0 ? 0 : sign * exp(logAbs) }
    }

    /// Γ(n1)·Γ(n2)·… / (Γ(d1)·Γ(d2)·…) in log space. A pole in the denominator
    /// makes the ratio 0; callers must not pass a pole in the numerator.
    static func logGammaRatio(numerators: [Double], denominators: [Double]) -> SignedLog {
        var result = SignedLog(logAbs: 0, sign: 1)
        for x in denominators {
            let g = signedLogGamma(x)
            if g.sign == 0 { return SignedLog(logAbs: -.infinity, sign: 0) }
            result.logAbs -= g.logAbs
            result.sign *= g.sign
            result.parts += abs(g.logAbs)
        }
        for x in numerators {
            let g = signedLogGamma(x)
            result.logAbs += g.logAbs
            result.sign *= g.sign
            result.parts += abs(g.logAbs)
        }
        return result
    }

    static func gammaRatio(numerators: [Double], denominators: [Double]) -> Double {
        logGammaRatio(numerators: numerators, denominators: denominators).value
    }

    /// log Γ(base+n) − log Γ(base) = log of the rising factorial (base)ₙ.
    /// Summed directly for small n, which is exact where lgamma differences
    /// would cancel (huge base) and faster for the usual small counts.
    static func logRising(_ base: Double, _ n: Int) -> Double {
        if n <= 32 {
            var sum = 0.0
            for k in 0..<n { sum += log(base + Double(k)) }
            return sum
        }
        return lgamma(base + Double(n)) - lgamma(base)
    }

    /// ψ(base+n) − ψ(base), the derivative of `logRising` with respect to base.
    static func digammaRising(_ base: Double, _ n: Int) -> Double {
        if n <= 32 {
            var sum = 0.0
            for k in 0..<n { sum += 1 / (base + Double(k)) }
            return sum
        }
        return digamma(base + Double(n)) - digamma(base)
    }

    /// Digamma ψ(x) = d/dx log Γ(x).
    ///
    /// Recurrence up to x ≥ 10, then the asymptotic series (error < 1e-15 there);
    /// reflection for negative non-integers.
    static func digamma(_ x: Double) -> Double {
        if x.isNaN || isNonPositiveInteger(x) { return .nan }
        if x < 0 {
            // ψ(1 - x) - ψ(x) = π cot(πx)
            return digamma(1 - x) - Double.pi / tan(Double.pi * x)
        }
        var value = 0.0
        var y = x
        while y < 10 {
            value -= 1 / y
            y += 1
        }
        let inv2 = 1 / (y * y)
        // Bernoulli-number coefficients B_2k / (2k).
        let series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252
            - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))))
        return value + log(y) - 0.5 / y - series
    }
}
