import Foundation
import LoyalCore

/// Purchases drawn from the BG/NBD process with Gamma-Gamma spend, for
/// recovery tests and benchmarks. Deterministic for a given seed.
struct SyntheticCustomerBase {
    struct Purchase {
        let customer: Int
        let day: Int
        let cents: Int64
    }

    /// Rate λ ~ Gamma(r, α) per day, dropout p ~ Beta(a, b) after each repeat purchase.
    var bgnbd = BGNBDParameters(r: 2, alpha: 20, a: 1.2, b: 30)
    /// Amount ~ Gamma(p, ν), ν ~ Gamma(q, γ) (γ in currency units).
    var spend = GammaGammaParameters(p: 4, q: 5, gamma: 60)
    /// First purchases are spread uniformly over this many days; as-of is its end.
    var spanDays = 3 * 365
    var seed: UInt64 = 42

    var asOfDay: Int { spanDays }

    /// Purchases sorted by customer, then day (the order of a database cursor).
    func purchases(customers: Int) -> [Purchase] {
        var rng = SplitMix64(seed: seed)
        var result: [Purchase] = []
        for customer in 0..<customers {
            let firstDay = Double.random(in: 0..<Double(spanDays), using: &rng)
            let rate = rng.gamma(shape: bgnbd.r) / bgnbd.alpha
            let g1 = rng.gamma(shape: bgnbd.a), g2 = rng.gamma(shape: bgnbd.b)
            let dropout = g1 / (g1 + g2)
            let spendRate = rng.gamma(shape: spend.q) / spend.gamma
            var t = firstDay
            let end = Double(spanDays + 1) // purchases on the as-of day still count
            while t < end {
                let amount = rng.gamma(shape: spend.p) / spendRate
                result.append(Purchase(customer: customer, day: Int(t), cents: Int64((amount * 100).rounded())))
                // Only repeat purchases can be followed by dropping out.
                if t > firstDay, Double.random(in: 0..<1, using: &rng) < dropout { break }
                t += -log1p(-Double.random(in: 0..<1, using: &rng)) / rate
            }
        }
        return result
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// Gamma(shape, 1) by Marsaglia & Tsang (2000), boosted for shape < 1.
    mutating func gamma(shape: Double) -> Double {
        if shape < 1 {
            let u = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &self)
            return gamma(shape: shape + 1) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = Double.random(in: 0..<1, using: &self)
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    mutating func normal() -> Double {
        let u = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
