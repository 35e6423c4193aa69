import Foundation

/// E[Y(t) | alive, x, T]: expected purchases in the next t of a customer with x
/// repeat purchases, observed for T, who is still active. Multiplied by
/// P(alive) it gives eq. (10) of Fader, Hardie & Lee (2005).
///
/// Eq. (10) is (a+b+x−1)/(a−1) · [1 − z₀^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)] with
/// z = t/(α+T+t) and z₀ = 1 − z. Its ₂F₁ has parameters growing with x, so it
/// is enormous for frequent buyers while z₀^(r+x) is tiny. Euler's
/// transformation turns the product into
///     z₀^(a−1) · G(z),   G = ₂F₁(a+b−1−r, a−1; a+b+x−1; z),
/// whose upper parameters no longer depend on x. G = 1 + (a−1)·S(z) with
///     S(z) = Σₙ≥₁ (a+b−1−r)ₙ (a)ₙ₋₁ / ((a+b+x−1)ₙ n!) zⁿ,
/// so for z ≤ ½ the bracket divided by (a−1) is computed from S without
/// cancellation and without dividing by a−1 (exact also at a = 1, where the
/// paper's form is 0/0):
///     [1 − z₀^(a−1) G] / (a−1) = −ln z₀ · φ((a−1) ln z₀) − z₀^(a−1) S,  φ(u) = (eᵘ−1)/u.
///
/// For z > ½, or when a is so large that S grows like e^(az) before z₀^(a−1)
/// cancels it, the bracket is evaluated with `GaussHypergeometric`, in whichever
/// of the two forms has the smaller upper parameters. Each route estimates its
/// rounding error; where that exceeds 1e-10 (large r, degenerate parameters),
/// the cancellation-free `negativeBinomialSum` takes over.
///
/// Checked against mpmath (40 digits) on ~14,000 points r ∈ [0.001, 1000],
/// α ∈ [0.01, 10⁴], a, b ∈ [0.001, 1000], x ≤ 10⁴, T ≤ 5000, t ≤ 3650:
/// ≤ 1e-7 relative for r < 100 (mostly ≤ 1e-12), ≤ 1e-5 up to r = 1000.
///
/// One instance serves every customer with the same x (the Gamma-function work
/// of the connection formula is done once).
struct BGNBDAliveForecast: Sendable {
    let parameters: BGNBDParameters
    let frequency: Int
    /// G of the Euler form, or the paper's ₂F₁(r+x, b+x; a+b+x−1; ·) when `!useEuler`.
    private let hypergeometric: GaussHypergeometric
    private let useEuler: Bool
    /// Size of S's first term ratio per unit z: (a+b−1−r)·max(a, 1)/(a+b+x−1).
    private let seriesGrowth: Double
    /// S's coefficients sₙ (n = 1, 2, …) and ratios sₙ₊₁/sₙ, computed once per x
    /// so that each of the many evaluations (120 months × customers) is a
    /// division-free sum; 512 terms reach 1e-17 for z up to 0.8 whenever the
    /// parameters are moderate, else `seriesS` continues the slow way.
    private let coefficients: [Double]
    private let ratios: [Double]
    static let precomputedTerms = 512
    /// Up to this z the S series is used (when its parameters allow).
    static let seriesLimit = 0.8
    /// Within `nearOne` of a = 1 the division by a−1 cancels; the forecast is
    /// then the mean of the forecasts at a = 1 ± 2·nearOne (error O(nearOne²)).
    private let neighbours: [BGNBDAliveForecast]
    static let nearOne = 1e-5

    init(parameters: BGNBDParameters, frequency: Int) {
        self.parameters = parameters
        self.frequency = frequency
        let p = parameters
        let x = Double(frequency)
        let c = p.a + p.b + x - 1
        let eulerUpper = p.a + p.b - 1 - p.r
        useEuler = abs(eulerUpper * (p.a - 1)) <= abs((p.r + x) * (p.b + x))
        hypergeometric = useEuler
            ? GaussHypergeometric(a: eulerUpper, b: p.a - 1, c: c)
            : GaussHypergeometric(a: p.r + x, b: p.b + x, c: c)
        seriesGrowth = abs(eulerUpper) * max(p.a, 1) / c
        var coefficients: [Double] = []
        var ratios: [Double] = []
        coefficients.reserveCapacity(Self.precomputedTerms)
        ratios.reserveCapacity(Self.precomputedTerms)
        var coefficient = eulerUpper / c
        for k in 0..<Self.precomputedTerms {
            let n = Double(k + 1)
            let ratio = (eulerUpper + n) * (p.a + n - 1) / ((c + n) * (n + 1))
            coefficients.append(coefficient)
            ratios.append(ratio)
            coefficient *= ratio
        }
        self.coefficients = coefficients
        self.ratios = ratios
        if abs(p.a - 1) < Self.nearOne {
            neighbours = [-2 * Self.nearOne, 2 * Self.nearOne].map { shift in
                var shifted = p
                shifted.a = 1 + shift
                return BGNBDAliveForecast(parameters: shifted, frequency: frequency)
            }
        } else {
            neighbours = []
        }
    }

    /// Expected purchases in the next t for a customer of age T who is alive.
    ///
    /// Takes the hypergeometric route when its rounding-error estimate is below
    /// 1e-10, else the positive-term `negativeBinomialSum`, else (too long a
    /// sum: r+x ≥ 30 and t ≫ α+T) `purchasesAtMeanCount`; the result always lies in
    /// [0, (r+x)·t/(α+T)], the expectation if nobody ever dropped out.
    func expectedPurchases(in t: Double, age: Double) -> Double {
        expectedPurchases(in: t, scale: parameters.alpha + age)
    }

    /// The same with α + T given: the forecast depends on t/(α+T) alone, which
    /// `BGNBDForecastCurve` uses to tabulate it once per x.
    func expectedPurchases(in t: Double, scale: Double) -> Double {
        let p = parameters
        let k = p.r + Double(frequency)
        guard t > 0 else { return t == 0 ? 0 : .nan }
        let noDropout = k * t / scale
        if t == .infinity { return p.a > 1 ? (p.a + p.b + Double(frequency) - 1) / (p.a - 1) : .infinity }
        let z = t / (scale + t)
        let z0 = scale / (scale + t) // 1 − z, exact even where z rounds to 1
        let estimate = hypergeometricRoute(t: t, scale: scale, z: z, z0: z0, logZ0: -log1p(t / scale))
        if estimate.relativeError <= 1e-10, estimate.value.isFinite {
            return min(max(0, estimate.value), noDropout)
        }
        if let exact = Self.negativeBinomialSum(
            shape: k, a: p.a, beta: p.b + Double(frequency), z: z, z0: z0, budget: Self.sumBudget) {
            return min(exact, noDropout)
        }
        // Out of budget: for large r+x, N is concentrated and D(E[N]) is close;
        // for small r+x the ₂F₁ route, whose error bound is pessimistic there.
        if k < 30, estimate.value.isFinite { return min(max(0, estimate.value), noDropout) }
        let approximation = Self.purchasesAtMeanCount(shape: k, a: p.a, beta: p.b + Double(frequency), s: t / scale)
        return approximation.isFinite ? min(max(0, approximation), noDropout) : noDropout
    }

    /// Most terms `negativeBinomialSum` may take (a few milliseconds).
    static let sumBudget = 2_000_000

    /// Eq. (10) through ₂F₁, with an estimate of its relative rounding error.
    private func hypergeometricRoute(
        t: Double, scale: Double, z: Double, z0: Double, logZ0: Double
    ) -> (value: Double, relativeError: Double) {
        let p = parameters
        let c = p.a + p.b + Double(frequency) - 1
        if z <= Self.seriesLimit && (seriesGrowth * z <= 2 || useEuler) {
            let u = (p.a - 1) * logZ0
            let phi = u == 0 ? 1 : expm1(u) / u
            let s = seriesS(z)
            let value = -(logZ0 * phi + exp(u) * s.value)
            let magnitude = abs(logZ0 * phi) + exp(u) * s.magnitude
            return (c * value, 4e-16 * magnitude / abs(value))
        }
        if !neighbours.isEmpty {
            let mean = neighbours.reduce(0) { $0 + $1.expectedPurchases(in: t, scale: scale) } / 2
            return (mean, 1e-9) // both neighbours are accurate; their mean is off by O(nearOne²)
        }
        // x = z₀^γ · ₂F₁, with the power applied inside the ₂F₁ evaluation.
        let exponent = (useEuler ? p.a - 1 : p.r + Double(frequency)) * logZ0
        let g = hypergeometric.evaluate(z: z, complement: z0, logScale: exponent)
        let x = g.value
        let bracket = x > 0 ? -expm1(log(x)) : 1 - x
        // 1 − x loses what x had relative to the bracket.
        let error = 1e-16 * ((g.cancellation + 1 + abs(exponent)) * abs(x) / abs(bracket) + 1)
        return (c / (p.a - 1) * bracket, error)
    }

    /// S(z) = (G(z) − 1)/(a − 1), summed directly (z ≤ 0.8), with Σ|terms|.
    private func seriesS(_ z: Double) -> SeriesSum {
        let p = parameters
        let upper = p.a + p.b - 1 - p.r
        let lower = p.a + p.b + Double(frequency) - 1
        // While a Pochhammer factor is negative the terms may still jump (see
        // `GaussHypergeometric.directSeries`); the tail bound holds only beyond.
        let settled = max(0, -upper, 1 - p.a, -lower)
        var sum = 0.0
        var magnitude = 0.0
        var power = z
        for k in 0..<coefficients.count {
            let term = coefficients[k] * power
            sum += term
            magnitude += abs(term)
            if term == 0 { return SeriesSum(value: sum, magnitude: magnitude, converged: true) }
            let bound = max(abs(ratios[k]) * z, z)
            if Double(k + 1) > settled, bound < 1, abs(term) * bound <= 1e-17 * (1 - bound) * abs(sum) {
                return SeriesSum(value: sum, magnitude: magnitude, converged: true)
            }
            power *= z
        }
        // Not there yet: continue term by term.
        var n = Double(coefficients.count)
        var term = coefficients[coefficients.count - 1] * pow(z, n) * ratios[coefficients.count - 1] * z
        while n < 1_000_000, term != 0 {
            sum += term
            magnitude += abs(term)
            let ratio = (upper + n + 1) * (p.a + n) / ((lower + n + 1) * (n + 2)) * z
            n += 1
            let bound = max(abs(ratio), z)
            if bound < 1, n > settled, abs(term) * bound <= 1e-17 * (1 - bound) * abs(sum) { break }
            term *= ratio
        }
        return SeriesSum(value: sum, magnitude: magnitude, converged: true)
    }
}
