import Foundation

/// The BG/NBD likelihood over grouped customers, with its gradient, for the optimiser.
///
/// The optimiser evaluates it a few dozen times over up to ~200,000 distinct
/// (x, t_x, T). Everything that depends on x, T or t_x alone is computed once
/// per distinct value (with daily data a few hundred x and a few thousand T
/// and t_x), and one exp serves both log(e^u + e^v) and the logistic weight,
/// leaving one exp and one log1p per row. Each row's terms are the same
/// floating-point operations as row-by-row evaluation, summed in the same
/// order, so the fit is bit for bit what it always was.
struct BGNBDLikelihoodData: Sendable {
    let frequencies: [Int]      // distinct x, ascending
    let frequencyIndex: [Int]   // per row, into `frequencies`
    let recency: [Double]
    let age: [Double]
    let weight: [Double]
    let totalWeight: Double
    /// Distinct T and t_x, and each row's index into them.
    private let ages: [Double]
    private let ageIndex: [Int32]
    private let recencies: [Double]
    private let recencyIndex: [Int32]

    private struct Key: Equatable {
        let x: Int
        let recency: UInt64
        let age: UInt64
    }

    init(_ observations: [BGNBDObservation]) {
        var rowOf = FirstSeenIndex<Key>(capacity: observations.count) {
            FirstSeenIndex<Key>.mix(UInt64(bitPattern: Int64($0.x)), $0.recency, $0.age)
        }
        var weight: [Double] = []
        for o in observations {
            let (row, isNew) = rowOf.insert(Key(x: o.frequency, recency: o.recency.bitPattern, age: o.age.bitPattern))
            if isNew { weight.append(1) } else { weight[row] += 1 }
        }
        let rows = rowOf.keys
        frequencies = Set(rows.map(\.x)).sorted()
        let indexOfX = Dictionary(uniqueKeysWithValues: frequencies.enumerated().map { ($1, $0) })
        frequencyIndex = rows.map { indexOfX[$0.x]! }
        recency = rows.map { Double(bitPattern: $0.recency) }
        age = rows.map { Double(bitPattern: $0.age) }
        self.weight = weight
        totalWeight = Double(observations.count)
        (ages, ageIndex) = Self.distinct(age)
        (recencies, recencyIndex) = Self.distinct(recency)
    }

    private static func distinct(_ values: [Double]) -> ([Double], [Int32]) {
        var index = FirstSeenIndex<UInt64>(capacity: values.count) { FirstSeenIndex<UInt64>.mix($0) }
        let indexes = values.map { Int32(index.insert($0.bitPattern).index) }
        return (index.keys.map { Double(bitPattern: $0) }, indexes)
    }

    /// −(1/N) Σ log L and its gradient with respect to (log r, log α, log a, log b).
    /// Outside ±30 on the log scale, or where anything overflows, the value is +∞.
    func negativeMeanLogLikelihood(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let outside = (value: Double.infinity, gradient: [Double](repeating: .nan, count: 4))
        guard theta.allSatisfy({ abs($0) <= 30 }) else { return outside }
        let r = exp(theta[0]), alpha = exp(theta[1]), a = exp(theta[2]), b = exp(theta[3])
        let logAlpha = log(alpha), logA = log(a)

        // Terms depending on x only: log Γ(r+x)/Γ(r) + log B(a, b+x)/B(a, b) and derivatives.
        let k = frequencies.count
        var constant = [Double](repeating: 0, count: k)
        var dConstantR = constant, dConstantA = constant, dConstantB = constant
        var rx = constant, bx = constant, logBx = constant
        for (i, x) in frequencies.enumerated() {
            let abRising = ValueMath.digammaRising(a + b, x)
            constant[i] = ValueMath.logRising(r, x) + ValueMath.logRising(b, x) - ValueMath.logRising(a + b, x)
            dConstantR[i] = ValueMath.digammaRising(r, x)
            dConstantA[i] = -abRising
            dConstantB[i] = ValueMath.digammaRising(b, x) - abRising
            rx[i] = r + Double(x)
            bx[i] = b + Double(x) - 1
            logBx[i] = log(bx[i])
        }
        // Terms depending on T or t_x only.
        let alphaAge = ages.map { alpha + $0 }, logAge = alphaAge.map { log($0) }
        let alphaRecency = recencies.map { alpha + $0 }, logRecency = alphaRecency.map { log($0) }

        var sum = 0.0, gR = 0.0, gAlpha = 0.0, gA = 0.0, gB = 0.0
        for row in 0..<weight.count {
            let i = frequencyIndex[row]
            let j = Int(ageIndex[row])
            let logAgeTerm = logAge[j]
            let active = -rx[i] * logAgeTerm
            var ll = constant[i] + r * logAlpha
            var dR = dConstantR[i] + logAlpha
            var dAlpha = r / alpha
            var dA = dConstantA[i]
            var dB = dConstantB[i]
            if frequencies[i] > 0 {
                let m = Int(recencyIndex[row])
                let logRecencyTerm = logRecency[m]
                let dropped = logA - logBx[i] - rx[i] * logRecencyTerm
                // log(e^active + e^dropped) and the share w of "dropped out after the
                // last purchase", both from e^−|active − dropped|.
                let d = active - dropped
                let e = exp(d > 0 ? -d : d)
                ll += max(active, dropped) + log1p(e)
                let w = d > 0 ? e / (1 + e) : 1 / (1 + e)
                dR -= (1 - w) * logAgeTerm + w * logRecencyTerm
                dAlpha -= rx[i] * ((1 - w) / alphaAge[j] + w / alphaRecency[m])
                dA += w / a
                dB -= w / bx[i]
            } else {
                ll += active
                dR -= logAgeTerm
                dAlpha -= rx[i] / alphaAge[j]
            }
            let wt = weight[row]
            sum += wt * ll
            gR += wt * dR
            gAlpha += wt * dAlpha
            gA += wt * dA
            gB += wt * dB
        }
        let n = totalWeight
        let value = -sum / n
        // Chain rule to log-parameters: ∂/∂log θ = θ ∂/∂θ.
        let gradient = [-gR * r / n, -gAlpha * alpha / n, -gA * a / n, -gB * b / n]
        guard value.isFinite, gradient.allSatisfy(\.isFinite) else { return outside }
        return (value, gradient)
    }
}
