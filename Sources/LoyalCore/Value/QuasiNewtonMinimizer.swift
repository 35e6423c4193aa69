import Foundation

/// BFGS minimisation of a smooth function of a few variables with an analytic gradient.
///
/// Used for the maximum-likelihood fits, which run on log-parameters so every
/// point is a valid parameter vector. The objective may return a non-finite
/// value where it cannot be evaluated (overflow, out-of-range parameters); the
/// line search treats that as "too far" and backs off. Fully deterministic.
struct QuasiNewtonMinimizer: Sendable {
    struct Options: Sendable {
        /// Converged once every gradient component is below this.
        var gradientTolerance = 1e-9
        var maxIterations = 500
        /// Longest move per iteration in any coordinate; on log-parameters 5 is a factor e⁵.
        var maxStep = 5.0
    }

    struct Result: Sendable {
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        var converged: Bool
    }

    typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    var options = Options()

    func minimize(from start: [Double], _ objective: Objective) -> Result {
        let n = start.count
        var x = start
        var (f, g) = objective(x)
        var inverseHessian = Self.identity(n)
        var iteration = 0
        var stalls = 0
        while iteration < options.maxIterations {
            if f.isFinite, Self.maxAbs(g) < options.gradientTolerance {
                return Result(point: x, value: f, gradient: g, iterations: iteration, converged: true)
            }
            iteration += 1
            var direction = Self.times(inverseHessian, g).map { -$0 }
            var slope = Self.dot(g, direction)
            if !(slope < 0) {
                // Lost positive definiteness (or NaN): restart from steepest descent.
                inverseHessian = Self.identity(n)
                direction = g.map { -$0 }
                slope = Self.dot(g, direction)
            }
            guard let step = lineSearch(x: x, f: f, direction: direction, slope: slope, objective) else {
                // Even a tiny step along steepest descent does not decrease f:
                // we are at the optimum up to rounding (or at a wall).
                if inverseHessian == Self.identity(n) { break }
                inverseHessian = Self.identity(n)
                continue
            }
            let s = zip(step.x, x).map { $0 - $1 }
            let y = zip(step.gradient, g).map { $0 - $1 }
            let relativeChange = abs(f - step.f) / max(abs(f), 1e-300)
            x = step.x
            f = step.f
            g = step.gradient
            stalls = relativeChange < 1e-15 ? stalls + 1 : 0
            if stalls >= 3 { break }
            let sy = Self.dot(s, y)
            if sy > 1e-12 * Self.norm(s) * Self.norm(y) {
                if iteration == 1 {
                    // Scale the first guess of the inverse Hessian to the observed curvature.
                    let scale = sy / Self.dot(y, y)
                    inverseHessian = inverseHessian.map { $0 * scale }
                }
                Self.updateInverseHessian(&inverseHessian, s: s, y: y, sy: sy)
            }
        }
        let converged = f.isFinite && Self.maxAbs(g) < options.gradientTolerance * 1e3
        return Result(point: x, value: f, gradient: g, iterations: iteration, converged: converged)
    }

    /// Backtracking line search with the Armijo condition and quadratic interpolation.
    private func lineSearch(
        x: [Double], f: Double, direction: [Double], slope: Double, _ objective: Objective
    ) -> (x: [Double], f: Double, gradient: [Double])? {
        var alpha = min(1, options.maxStep / max(Self.maxAbs(direction), 1e-300))
        for _ in 0..<80 {
            let candidate = zip(x, direction).map { $0 + alpha * $1 }
            let (fc, gc) = objective(candidate)
            if fc.isFinite, gc.allSatisfy(\.isFinite), fc <= f + 1e-4 * alpha * slope {
                return (candidate, fc, gc)
            }
            var next = alpha / 2
            if fc.isFinite {
                // Minimiser of the quadratic through f, slope and fc, kept within [α/10, α/2].
                let quadratic = -slope * alpha * alpha / (2 * (fc - f - slope * alpha))
                if quadratic.isFinite { next = min(max(quadratic, alpha / 10), alpha / 2) }
            }
            alpha = next
            if alpha * Self.maxAbs(direction) < 1e-16 * max(Self.maxAbs(x), 1) { return nil }
        }
        return nil
    }

    private static func updateInverseHessian(_ h: inout [Double], s: [Double], y: [Double], sy: Double) {
        // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, written out with Hy.
        let n = s.count
        let rho = 1 / sy
        let hy = times(h, y)
        let yhy = dot(y, hy)
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
            }
        }
    }

    private static func identity(_ n: Int) -> [Double] {
        (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 }
    }

    private static func times(_ m: [Double], _ v: [Double]) -> [Double] {
        let n = v.count
        return (0..<n).map { i in (0..<n).reduce(0.0) { $0 + m[i * n + $1] * v[$1] } }
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private static func norm(_ v: [Double]) -> Double { dot(v, v).squareRoot() }

    private static func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
}
