import Foundation

extension GaussHypergeometric {
    /// ₂F₁(a, b; c; 1 − target) for 0 < target < ½ by analytic continuation along the real axis.
    ///
    /// Used where c − a − b is (nearly) an integer, so the connection formula
    /// cancels catastrophically, and z is too close to 1 for the plain series. ₂F₁ solves
    ///     z(1−z) w″ + [c − (a+b+1) z] w′ − a b w = 0,
    /// whose only singular points are 0, 1 and ∞. Starting from the series
    /// values of w and w′ at ½, each step re-expands w in a Taylor series about
    /// the current point x and walks at most half the distance to the
    /// singularity at 1, so every step's series converges at least like 2⁻ⁿ.
    /// Reaching 1 − z = 10⁻⁹ takes about thirty steps.
    static func continueFromHalf(a: Double, b: Double, c: Double, complement target: Double) -> Double {
        // Positions are kept as distance u = 1 − x to the singularity, so targets
        // closer to 1 than rounding of z allows are still reached.
        var u = 0.5
        var value = series(a: a, b: b, c: c, z: 0.5).value
        var slope = a * b / c * series(a: a + 1, b: b + 1, c: c + 1, z: 0.5).value
        while u > target {
            let step = min(u - target, u / 2)
            (value, slope) = taylorStep(a: a, b: b, c: c, distanceToOne: u, value: value, slope: slope, step: step)
            u -= step
        }
        return value
    }

    /// One Taylor step of the hypergeometric equation from x to x + h.
    ///
    /// With w(x+h) = Σ fₙ hⁿ, matching powers of h gives
    ///     x(1−x)(n+1)(n+2) fₙ₊₂ = (n+a)(n+b) fₙ − (n+1)[(1−2x) n + c − (a+b+1) x] fₙ₊₁.
    /// The recurrence runs on gₙ = fₙ hⁿ so nothing overflows.
    private static func taylorStep(
        a: Double, b: Double, c: Double, distanceToOne u: Double, value: Double, slope: Double, step h: Double
    ) -> (value: Double, slope: Double) {
        let p = (1 - u) * u        // x(1−x)
        let q = 2 * u - 1          // 1 − 2x
        let k = c - (a + b + 1) * (1 - u)
        var g0 = value
        var g1 = slope * h
        var sum = g0 + g1
        var weighted = g1 // Σ n gₙ, i.e. h · w′(x+h)
        var n = 0.0
        while n < 100_000 {
            let denominator = p * (n + 1) * (n + 2)
            let fromTwoBack = (n + a) * (n + b) * h * h / denominator
            let fromOneBack = (n + 1) * (q * n + k) * h / denominator
            let g2 = fromTwoBack * g0 - fromOneBack * g1
            sum += g2
            weighted += (n + 2) * g2
            // Small terms only end the sum once the recurrence is contracting;
            // with large a·b it first amplifies for a while.
            let contracting = abs(fromTwoBack) + abs(fromOneBack) < 0.9
            let small = (abs(g1) + abs(g2)) * (n + 3) <= 1e-17 * max(abs(sum), abs(weighted), 1e-300)
            if contracting && small { break }
            g0 = g1
            g1 = g2
            n += 1
        }
        return (sum, weighted / h)
    }
}
