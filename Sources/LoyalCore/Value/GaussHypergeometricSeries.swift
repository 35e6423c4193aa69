import Foundation

/// A summed series with what it cost in accuracy.
struct SeriesSum: Sendable {
    var value: Double
    /// Σ |terms| (times any prefactor): relative rounding error ≈ 1e-16 · magnitude/|value|.
    var magnitude: Double
    var converged: Bool

    init(value: Double, magnitude: Double, converged: Bool) {
        self.value = value
        self.magnitude = magnitude
        self.converged = converged
    }

    /// self · exp(logFactor).
    func scaled(byLog logFactor: Double) -> SeriesSum {
        if logFactor == 0 { return self }
        let factor = ValueMath.SignedLog(logAbs: logFactor, sign: 1)
        return SeriesSum(value: factor.times(value), magnitude: factor.times(magnitude), converged: converged)
    }

    /// A value obtained without cancellation.
    init(exactly value: Double) {
        self.init(value: value, magnitude: abs(value), converged: true)
    }

    /// magnitude / |value|: how many times the rounding of the terms is amplified
    /// (infinite when anything overflowed).
    var cancellation: Double {
        guard value.isFinite, magnitude.isFinite else { return .infinity }
        if value == 0 { return magnitude == 0 ? 1 : .infinity }
        return magnitude / abs(value)
    }
}

extension GaussHypergeometric {
    /// The defining series, through Euler's transformation
    /// ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) when that has smaller
    /// parameters: large a·b make the terms grow for a long time before they shrink.
    /// The result is multiplied by exp(logScale), combined in log space with
    /// the Euler factor so that neither overflows alone.
    static func series(
        a: Double, b: Double, c: Double, z: Double, maxTerms: Int = 1_000_000, logScale: Double = 0
    ) -> SeriesSum {
        if abs((c - a) * (c - b)) < abs(a * b) {
            let sum = directSeries(a: c - a, b: c - b, c: c, z: z, maxTerms: maxTerms)
            return sum.scaled(byLog: (c - a - b) * log1p(-z) + logScale)
        }
        return directSeries(a: a, b: b, c: c, z: z, maxTerms: maxTerms).scaled(byLog: logScale)
    }

    /// Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for |z| < 1, stopped once the geometric bound on
    /// the tail is below rounding of the sum (or of the largest term, when the sum
    /// cancels).
    static func directSeries(a: Double, b: Double, c: Double, z: Double, maxTerms: Int) -> SeriesSum {
        var sum = 1.0
        var magnitude = 1.0
        var term = 1.0
        var largest = 1.0
        let absZ = abs(z)
        var n = 0.0
        let limit = Double(maxTerms)
        // One division per term: the ratio for term n+1 serves the tail bound of term n.
        var ratio = a * b / c * z
        // While a + n, b + n or c + n is still negative the ratio can be small just
        // before a factor passes zero and the terms jump; the bound holds only beyond.
        let settled = max(0, -a, -b, -c)
        while n < limit {
            term *= ratio
            sum += term
            magnitude += abs(term)
            if term == 0 { return SeriesSum(value: sum, magnitude: magnitude, converged: true) }
            largest = max(largest, abs(term))
            n += 1
            ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z
            // Far out the ratio tends to |z| < 1; until then it bounds the tail if below 1.
            let bound = max(abs(ratio), absZ)
            if bound < 1, n > settled, abs(term) * bound <= 1e-17 * (1 - bound) * max(abs(sum), 1e-8 * largest) {
                return SeriesSum(value: sum, magnitude: magnitude, converged: true)
            }
        }
        return SeriesSum(value: sum, magnitude: magnitude, converged: false)
    }
}
