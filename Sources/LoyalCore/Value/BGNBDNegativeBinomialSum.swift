import Foundation

extension BGNBDAliveForecast {
    /// E[Y(t) | alive, x, T] as a sum of positive terms, the fallback where every
    /// hypergeometric route cancels (e.g. r in the hundreds, where the Euler
    /// form alternates and the paper's form overflows).
    ///
    /// Without dropping out the customer would make N ~ NegBin(r+x, z) purchases
    /// in the next t (Poisson at his posterior rate λ ~ Gamma(r+x, α+T)), so
    /// P(N = n) = (r+x)ₙ/n! · zⁿ z₀^(r+x). After each purchase he leaves with
    /// probability p ~ Beta(a, b+x), his posterior given alive, so he makes
    /// min(N, G) of them, G geometric, and
    ///     E[min(N, G) | N = n] = Σ_{j<n} E[(1−p)^j] = Σ_{j<n} (b+x)_j / (a+b+x)_j =: Dₙ,
    ///     E[Y(t) | alive] = Σₙ P(N = n) · Dₙ.
    /// This equals eq. (10) without P(alive), needs no a ≠ 1, and never cancels.
    /// It costs about the mean of N plus a few standard deviations of terms;
    /// nil when that exceeds `budget`.
    static func negativeBinomialSum(
        shape k: Double, a: Double, beta: Double, z: Double, z0: Double, budget: Int
    ) -> Double? {
        let s = z / z0 // t/(α+T)
        let estimate = k * s + 40 * (k.squareRoot() + 1) / z0
        guard estimate.isFinite, estimate <= Double(budget), z < 1 else { return nil }
        // P(N = n) = probability · e^logScale; rescaled so neither end under- or overflows.
        var logScale = k * log(z0)
        var probability = 1.0
        var sum = 0.0
        var purchasesIfN = 0.0     // Dₙ
        var survival = 1.0         // (b+x)ₙ/(a+b+x)ₙ = E[(1−p)ⁿ]
        var n = 0.0
        while n < Double(budget) {
            sum += probability * purchasesIfN
            purchasesIfN += survival
            survival *= (beta + n) / (a + beta + n)
            let ratio = (k + n) / (n + 1) * z
            probability *= ratio
            n += 1
            if probability > 1e250 {
                probability *= 1e-250
                sum *= 1e-250
                logScale += 250 * M_LN10
            }
            // Past the mode: P(N = n+m) ≤ P(N = n) ρ^m and D grows by at most 1 per step.
            if ratio < 1 {
                let rho = max(ratio, z)
                let tail = probability * (purchasesIfN * rho / (1 - rho) + rho / ((1 - rho) * (1 - rho)))
                if tail <= 1e-17 * sum { return sum * exp(logScale) }
            }
        }
        return nil
    }

    /// D(n) at the mean n = (r+x)·t/(α+T) of N: the last resort when the sum is
    /// too long and ₂F₁ untrustworthy, i.e. r in the hundreds and t ≫ α+T.
    /// There N is concentrated (relative spread ≈ 1/√(r+x)) and D is smooth and
    /// concave, so E[D(N)] ≈ D(E[N]) is within O(1/(r+x)). Uses
    /// D(n) = (a+β−1)(1 − wₙ)/(a−1), wₙ = Γ(β+n)Γ(a+β−1)/(Γ(β)Γ(a+β−1+n)), β = b+x.
    static func purchasesAtMeanCount(shape k: Double, a: Double, beta: Double, s: Double) -> Double {
        let n = k * s
        let c = a + beta - 1
        if abs(a - 1) < 1e-9 {
            // a = 1: D(n) = Σ_{j<n} β/(β+j) = β (ψ(β+n) − ψ(β)).
            return beta * (ValueMath.digamma(beta + n) - ValueMath.digamma(beta))
        }
        let w = ValueMath.logGammaRatio(numerators: [beta + n, c], denominators: [beta, c + n])
        let oneMinusW = w.sign > 0 ? -expm1(w.logAbs) : 1 - w.value
        return c * oneMinusW / (a - 1)
    }
}
