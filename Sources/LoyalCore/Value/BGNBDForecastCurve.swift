import Foundation

/// E[Y(t) | alive, x, T] of one x tabulated over ℓ = log(t/(α+T)), so valuing a
/// customer base costs a short polynomial per month instead of a ₂F₁ per month.
///
/// Why this is exact to rounding: given alive, λ ~ Gamma(r+x, α+T) and
/// p ~ Beta(a, b+x), so with u = t/(α+T)
///     E = E_p[(1 − (1 + p u)^−(r+x)) / p],
/// a function of u alone, analytic except for u ≤ −1. In ℓ = log u that is
/// |Im ℓ| < π: a strip, so on pieces of length 1 Chebyshev interpolants of
/// degree 24 converge like 10⁻²⁴. Interpolated is q(ℓ) = E·(1 + e^−ℓ) = E/z,
/// which varies slowly over the whole range (≈ r+x for small u, a power of u
/// for large u), so the interpolant is accurate relative to the value.
///
/// The node values come from `BGNBDAliveForecast` itself. A piece whose last
/// Chebyshev coefficients have not fallen below `tolerance` (parameters far
/// from the usual, noisy node values) is halved a few times; if that does not
/// help the curve is not built and the caller evaluates point by point.
struct BGNBDForecastCurve: Sendable {
    private struct Piece: Sendable {
        let lower: Double
        let upper: Double
        let coefficients: [Double]
        /// The last three coefficients relative to the largest: how far the series is from converged.
        let tail: Double

        /// Interpolates q at the Chebyshev points of lower…upper.
        init(_ forecast: BGNBDAliveForecast, _ lower: Double, _ upper: Double) {
            let n = BGNBDForecastCurve.degree
            let values = (0..<n).map { j -> Double in
                let node = cos(Double.pi * (Double(j) + 0.5) / Double(n))
                let u = exp((lower + upper) / 2 + (upper - lower) / 2 * node)
                return forecast.expectedPurchases(in: u, scale: 1) * (1 + 1 / u)
            }
            var coefficients = [Double](repeating: 0, count: n)
            for k in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum += values[j] * BGNBDForecastCurve.cosines[k * n + j] }
                coefficients[k] = sum * (k == 0 ? 1 : 2) / Double(n)
            }
            let size = coefficients.reduce(0) { max($0, abs($1)) }
            let last = max(abs(coefficients[n - 1]), abs(coefficients[n - 2]), abs(coefficients[n - 3]))
            self.lower = lower
            self.upper = upper
            self.coefficients = coefficients
            tail = size.isFinite && size > 0 ? last / size : .infinity
        }
    }

    /// The pieces' bounds, and their coefficients one after the other (`degree` each).
    private let lowers: [Double]
    private let uppers: [Double]
    private let coefficients: [Double]

    static let degree = 24
    static let pieceLength = 1.0
    static let tolerance = 5e-15
    static let noiseTolerance = 1e-11
    static let maxHalvings = 3
    /// cos(πk(j+½)/n), the discrete cosine transform from node values to coefficients.
    static let cosines = (0..<degree * degree).map { i in
        cos(Double.pi * Double(i / degree) * (Double(i % degree) + 0.5) / Double(degree))
    }

    /// Node evaluations a curve over `range` costs, to compare with evaluating point by point.
    static func cost(of range: ClosedRange<Double>) -> Int {
        Int(((range.upperBound - range.lowerBound) / pieceLength).rounded(.up) + 1) * degree
    }

    /// Nil when some piece does not converge.
    init?(_ forecast: BGNBDAliveForecast, logRatios range: ClosedRange<Double>) {
        let count = max(1, Int(((range.upperBound - range.lowerBound) / Self.pieceLength).rounded(.up)))
        let width = (range.upperBound - range.lowerBound) / Double(count)
        var pieces: [Piece] = []
        for k in 0..<count {
            let lower = range.lowerBound + Double(k) * width
            let upper = k == count - 1 ? range.upperBound : lower + width
            guard let built = Self.pieces(forecast, Piece(forecast, lower, upper), halvings: Self.maxHalvings) else {
                return nil
            }
            pieces += built
        }
        lowers = pieces.map(\.lower)
        uppers = pieces.map(\.upper)
        coefficients = pieces.flatMap(\.coefficients)
    }

    /// The piece over lower…upper, halved while that makes its tail fall.
    private static func pieces(_ forecast: BGNBDAliveForecast, _ piece: Piece, halvings: Int) -> [Piece]? {
        if piece.tail <= tolerance { return [piece] }
        guard halvings > 0 else { return piece.tail <= noiseTolerance ? [piece] : nil }
        let middle = (piece.lower + piece.upper) / 2
        let left = Piece(forecast, piece.lower, middle), right = Piece(forecast, middle, piece.upper)
        // A tail that halving does not shrink is the node values' own rounding, not
        // truncation: the old evaluator's error near z = 1 reaches 1e-12.
        if max(left.tail, right.tail) > piece.tail / 100 {
            return piece.tail <= noiseTolerance ? [piece] : nil
        }
        guard let l = pieces(forecast, left, halvings: halvings - 1),
              let r = pieces(forecast, right, halvings: halvings - 1) else { return nil }
        return l + r
    }

    /// E at ℓ = log(t/(α+T)), given z = t/(α+T+t). ℓ must lie in the curve's range.
    func expectedPurchases(logRatio: Double, z: Double) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { q in
            withUnsafePointer(to: logRatio) { ratio in
                ratiosOverZ(UnsafeBufferPointer(start: ratio, count: 1), into: q)
            }
            return q[0] * z
        }
    }

    /// E/z at each ℓ in `logRatios`, eight at a time: one Clenshaw recurrence waits on
    /// its own multiply-adds, eight interleaved keep the arithmetic units busy.
    func ratiosOverZ(_ logRatios: UnsafeBufferPointer<Double>, into q: UnsafeMutableBufferPointer<Double>) {
        let n = Self.degree
        lowers.withUnsafeBufferPointer { lowers in
            uppers.withUnsafeBufferPointer { uppers in
                coefficients.withUnsafeBufferPointer { all in
                    var start = 0
                    while start < logRatios.count {
                        var y = SIMD8<Double>(), base = SIMD8<Int>()
                        for lane in 0..<8 {
                            let l = logRatios[min(start + lane, logRatios.count - 1)]
                            var low = 0, high = lowers.count - 1
                            while low < high {
                                let mid = (low + high + 1) / 2
                                if lowers[mid] <= l { low = mid } else { high = mid - 1 }
                            }
                            y[lane] = (2 * l - lowers[low] - uppers[low]) / (uppers[low] - lowers[low])
                            base[lane] = low * n
                        }
                        var b1 = SIMD8<Double>(), b2 = SIMD8<Double>()
                        for k in stride(from: n - 1, through: 1, by: -1) {
                            let c = SIMD8(all[base[0] + k], all[base[1] + k], all[base[2] + k], all[base[3] + k],
                                          all[base[4] + k], all[base[5] + k], all[base[6] + k], all[base[7] + k])
                            let b0 = 2 * y * b1 - b2 + c
                            b2 = b1
                            b1 = b0
                        }
                        let c0 = SIMD8(all[base[0]], all[base[1]], all[base[2]], all[base[3]],
                                       all[base[4]], all[base[5]], all[base[6]], all[base[7]])
                        let value = y * b1 - b2 + c0
                        for lane in 0..<min(8, logRatios.count - start) { q[start + lane] = value[lane] }
                        start += 8
                    }
                }
            }
        }
    }
}
