import Foundation

/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1.
///
/// BG/NBD needs it at z = t/(α+T+t), which comes close to 1 for long horizons and
/// young customers, where the defining series converges too slowly to be summed
/// directly. The evaluation therefore picks a representation by region:
///
/// - z < 0: Pfaff transformation onto w = z/(z−1) ∈ (0, 1).
/// - 0 ≤ z ≤ ½: the series itself (or its Euler transform when that has smaller
///   parameters), summed until a bound on the remaining tail is below rounding.
/// - ½ < z < 1: up to z = 0.8 the series still converges within a few hundred
///   terms and is tried first. Beyond, the connection formula onto 1 − z
///   (Abramowitz & Stegun 15.3.6), whose two series converge at least like 2⁻ⁿ.
///   Its two halves can be huge and cancel — always when c − a − b is near an
///   integer, and when a large parameter meets a 1 − z that is not small (e.g.
///   BG/NBD with a large b). The loss is measured (Σ|terms| against the result,
///   Gamma factors weighted by the size of their logarithms); beyond three
///   digits the plain series is summed if it converges within a term budget
///   (it needs about 40/(1 − z) terms, cheap exactly where the connection
///   formula is poor). When neither works — c − a − b (nearly) an integer and
///   z extremely close to 1 — the function is carried from z = ½ by Taylor
///   steps of the hypergeometric differential equation (parameters up to 40)
///   or extrapolated from c ± δ (larger ones; ~1e-7 relative).
/// - z = 1: Gauss's sum when c − a − b > 0, otherwise the function diverges (NaN).
///
/// An instance precomputes the Gamma-function coefficients of the connection
/// formula, so evaluating one (a, b, c) at many z (as valuation does) is cheap.
/// Parameters in the thousands are fine; beyond that the series may overflow.
public struct GaussHypergeometric: Sendable, Hashable {
    public let a: Double
    public let b: Double
    public let c: Double
    /// Coefficients of A&S 15.3.6; nil when c − a − b is (nearly) an integer.
    private let reflection: Reflection?

    /// The Gamma factors are kept as logarithms: with large parameters they
    /// overflow on their own while the terms they multiply are tiny.
    private struct Reflection: Sendable, Hashable {
        let exponent: Double // m = c − a − b
        let regular: ValueMath.SignedLog // Γ(c)Γ(m) / (Γ(c−a)Γ(c−b))
        let singular: ValueMath.SignedLog // Γ(c)Γ(−m) / (Γ(a)Γ(b))
    }

    /// How close c − a − b may come to an integer before the connection formula
    /// is not even tried; its cancellation costs about log10(1/distance) digits.
    static let degeneracyDistance = 1e-3
    /// Accepted cancellation of the connection formula: Σ|terms|·(1 + size of the
    /// Gamma logarithms) / |result|, i.e. a relative error up to ~1e-11.
    static let acceptedCancellation = 1e5
    /// Most terms the plain series may take near z = 1.
    static let seriesBudget = 200_000

    public init(a: Double, b: Double, c: Double) {
        self.a = a
        self.b = b
        self.c = c
        let m = c - a - b
        if m.isFinite, abs(m - m.rounded()) >= Self.degeneracyDistance,
           !ValueMath.isNonPositiveInteger(c) {
            reflection = Reflection(
                exponent: m,
                regular: ValueMath.logGammaRatio(numerators: [c, m], denominators: [c - a, c - b]),
                singular: ValueMath.logGammaRatio(numerators: [c, -m], denominators: [a, b]))
        } else {
            reflection = nil
        }
    }

    /// ₂F₁(a, b; c; z) in one call (recomputes the Gamma coefficients each time).
    public static func value(a: Double, b: Double, c: Double, z: Double) -> Double {
        GaussHypergeometric(a: a, b: b, c: c)(z)
    }

    /// ₂F₁(a, b; c; z). NaN outside the domain (z > 1, c a pole, divergence at z = 1).
    public func callAsFunction(_ z: Double) -> Double {
        evaluate(z: z, complement: 1 - z).value
    }

    /// The value times exp(logScale), with an estimate of its rounding error
    /// (`SeriesSum.cancellation`). The scale is applied in log space inside the
    /// connection formula, whose (1−z)^(c−a−b) half may overflow on its own
    /// while the caller's prefactor (1−z)^γ tames it.
    func evaluate(z: Double, complement w: Double, logScale: Double = 0) -> SeriesSum {
        let undefined = SeriesSum(value: .nan, magnitude: .nan, converged: false)
        guard a.isFinite, b.isFinite, c.isFinite, !z.isNaN, !w.isNaN else { return undefined }
        if z == 0 || a == 0 || b == 0 { return SeriesSum(exactly: exp(logScale)) }
        if let degree = polynomialDegree {
            // (c)_n only has to stay non-zero up to the degree of the polynomial.
            if ValueMath.isNonPositiveInteger(c), -c < Double(degree) { return undefined }
            // Just below 1 its alternating terms cancel; the connection formula
            // turns it into a polynomial in the small 1 − z instead.
            if !(z > 0.5 && z < 1) || ValueMath.isNonPositiveInteger(c) {
                return Self.polynomial(a: a, b: b, c: c, z: z, degree: degree).scaled(byLog: logScale)
            }
        }
        if ValueMath.isNonPositiveInteger(c) || !z.isFinite { return undefined }
        if z < 0 { return pfaff(z, logScale: logScale) }
        if z <= 0.5 { return Self.series(a: a, b: b, c: c, z: z, logScale: logScale) }
        if w > 0 { return nearOne(z: z, complement: w, logScale: logScale) }
        if w == 0, c - a - b > 0 {
            let gauss = ValueMath.logGammaRatio(numerators: [c, c - a - b], denominators: [c - a, c - b])
            return SeriesSum(exactly: gauss.adding(log: logScale).value)
        }
        return undefined
    }

    /// ½ < z < 1: connection formula, plain series or continuation, whichever is accurate.
    private func nearOne(z: Double, complement w: Double, logScale: Double) -> SeriesSum {
        // Up to z = 0.8 the plain series takes at most a few hundred terms; try it first.
        if w >= 0.2 {
            let direct = Self.series(a: a, b: b, c: c, z: z, maxTerms: 1_000, logScale: logScale)
            if direct.converged, direct.cancellation <= Self.acceptedCancellation { return direct }
        }
        var fallback: SeriesSum?
        if let reflection {
            let reflected = reflect(complement: w, reflection, logScale: logScale)
            if reflected.cancellation <= Self.acceptedCancellation { return reflected }
            fallback = reflected
        }
        if w < 0.2, w * Double(Self.seriesBudget) >= 40 {
            let direct = Self.series(a: a, b: b, c: c, z: z, maxTerms: Self.seriesBudget, logScale: logScale)
            if direct.converged, direct.cancellation <= fallback?.cancellation ?? .infinity { return direct }
        }
        if let fallback { return fallback }
        if max(abs(a), abs(b), abs(c)) <= Self.continuationLimit {
            return SeriesSum(exactly: Self.continueFromHalf(a: a, b: b, c: c, complement: w)).scaled(byLog: logScale)
        }
        return nearlyDegenerate(z: z, complement: w, logScale: logScale)
    }

    /// Largest parameter for which the Taylor steps of `continueFromHalf`
    /// converge quickly; larger ones make their recurrence amplify rounding.
    static let continuationLimit = 40.0

    /// c − a − b (nearly) an integer, large parameters and z extremely close to 1:
    /// ₂F₁ is analytic in c, so the value is extrapolated from symmetric pairs
    /// c ± δ where the connection formula works: A(δ) = [F(c+δ) + F(c−δ)]/2 =
    /// F(c) + K δ² + O(δ⁴), and (4 A(δ) − A(2δ))/3 removes the δ² term.
    /// Good to about 1e-7 relative (checked against mpmath), reported as such.
    private func nearlyDegenerate(z: Double, complement w: Double, logScale: Double) -> SeriesSum {
        func pair(_ delta: Double) -> Double {
            let up = GaussHypergeometric(a: a, b: b, c: c + delta).evaluate(z: z, complement: w, logScale: logScale).value
            let down = GaussHypergeometric(a: a, b: b, c: c - delta).evaluate(z: z, complement: w, logScale: logScale).value
            return (up + down) / 2
        }
        let delta = 4 * Self.degeneracyDistance
        let value = (4 * pair(delta) - pair(2 * delta)) / 3
        return SeriesSum(value: value, magnitude: 1e9 * abs(value), converged: true)
    }

    /// The degree when a or b is 0, −1, −2, … and the series terminates, if
    /// small enough to sum term by term (−10¹³ is an "integer" too).
    private var polynomialDegree: Int? {
        let degrees = [a, b].filter { ValueMath.isNonPositiveInteger($0) && $0 >= -100_000 }.map { Int(-$0) }
        return degrees.min()
    }

    private static func polynomial(a: Double, b: Double, c: Double, z: Double, degree: Int) -> SeriesSum {
        var sum = 1.0
        var magnitude = 1.0
        var term = 1.0
        for k in 0..<degree {
            let n = Double(k)
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            sum += term
            magnitude += abs(term)
        }
        return SeriesSum(value: sum, magnitude: magnitude, converged: true)
    }

    /// Pfaff: ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)).
    private func pfaff(_ z: Double, logScale: Double) -> SeriesSum {
        let w = z / (z - 1)
        let complement = 1 / (1 - z)
        // The (c−a, b) variant is exact when c − a makes the new series terminate.
        let (exponent, transformed) = ValueMath.isNonPositiveInteger(c - a)
            ? (-b, GaussHypergeometric(a: c - a, b: b, c: c))
            : (-a, GaussHypergeometric(a: a, b: c - b, c: c))
        return transformed.evaluate(z: w, complement: complement, logScale: exponent * log1p(-z) + logScale)
    }

    /// A&S 15.3.6 for ½ < z < 1, with its cancellation. The Gamma factors come
    /// from logarithms of size L with absolute error ~1e-16·L, so each half's
    /// magnitude is weighted by 1 + L: large parameters make the halves inexact
    /// before they cancel.
    private func reflect(complement w: Double, _ r: Reflection, logScale: Double) -> SeriesSum {
        var value = 0.0
        var magnitude = 0.0
        if r.regular.sign != 0 {
            let series = Self.series(a: a, b: b, c: 1 - r.exponent, z: w)
            let factor = r.regular.adding(log: logScale)
            value += factor.times(series.value)
            magnitude += abs(factor.times(series.magnitude)) * (1 + factor.parts)
        }
        if r.singular.sign != 0 {
            let series = Self.series(a: c - a, b: c - b, c: 1 + r.exponent, z: w)
            let factor = r.singular.adding(log: r.exponent * log(w) + logScale)
            value += factor.times(series.value)
            magnitude += abs(factor.times(series.magnitude)) * (1 + factor.parts)
        }
        return SeriesSum(value: value, magnitude: magnitude, converged: true)
    }
}
