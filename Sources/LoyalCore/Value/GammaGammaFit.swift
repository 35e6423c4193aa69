import Foundation

extension GammaGammaParameters {
    /// Maximum-likelihood fit on the customers with at least one repeat purchase
    /// and positive mean repeat spend; the others carry no information about
    /// spend (x = 0) or lie outside the model's support (m ≤ 0) and are skipped.
    ///
    /// BFGS with the analytic gradient on (log p, log q, log γ). Default start
    /// p = 1, q = 2, γ = mean m, i.e. a population mean equal to the observed one.
    public static func fit(
        _ observations: [GammaGammaObservation], start: GammaGammaParameters? = nil
    ) throws -> GammaGammaFit {
        for (index, o) in observations.enumerated() where o.frequency < 0 || !o.meanSpend.isFinite {
            throw CustomerValueFitError.invalidObservation(index: index)
        }
        let usable = observations.filter { $0.frequency > 0 && $0.meanSpend > 0 }
        guard !usable.isEmpty else { throw CustomerValueFitError.noData }
        let data = GammaGammaLikelihoodData(usable)
        let meanSpend = usable.reduce(0.0) { $0 + $1.meanSpend } / Double(usable.count)
        let first = start ?? GammaGammaParameters(p: 1, q: 2, gamma: meanSpend)
        let result = QuasiNewtonMinimizer().minimize(from: [log(first.p), log(first.q), log(first.gamma)]) {
            data.negativeMeanLogLikelihood($0)
        }
        let v = result.point
        return GammaGammaFit(
            parameters: GammaGammaParameters(p: exp(v[0]), q: exp(v[1]), gamma: exp(v[2])),
            logLikelihood: -result.value * Double(usable.count),
            customerCount: usable.count,
            observedMeanSpend: meanSpend,
            iterations: result.iterations,
            converged: result.converged)
    }
}

/// The Gamma-Gamma likelihood with its gradient, for the optimiser.
struct GammaGammaLikelihoodData: Sendable {
    let frequencies: [Int]    // distinct x, ascending
    let frequencyIndex: [Int] // per customer
    let meanSpend: [Double]
    let logMeanSpend: [Double]

    init(_ observations: [GammaGammaObservation]) {
        frequencies = Set(observations.map(\.frequency)).sorted()
        let indexOfX = Dictionary(uniqueKeysWithValues: frequencies.enumerated().map { ($1, $0) })
        frequencyIndex = observations.map { indexOfX[$0.frequency]! }
        meanSpend = observations.map(\.meanSpend)
        logMeanSpend = meanSpend.map { log($0) }
    }

    /// −(1/N) Σ log L and its gradient with respect to (log p, log q, log γ).
    func negativeMeanLogLikelihood(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let outside = (value: Double.infinity, gradient: [Double](repeating: .nan, count: 3))
        guard theta.allSatisfy({ abs($0) <= 30 }) else { return outside }
        let p = exp(theta[0]), q = exp(theta[1]), gamma = exp(theta[2])
        let logGammaParameter = log(gamma)
        let digammaQ = ValueMath.digamma(q)
        let lgammaQ: Double = lgamma(q)

        // Terms depending on x only.
        let k = frequencies.count
        var constant = [Double](repeating: 0, count: k)
        var dConstantP = constant, dConstantQ = constant, logX = constant
        for (i, frequency) in frequencies.enumerated() {
            let x = Double(frequency), px = p * x
            logX[i] = log(x)
            let digammaSum = ValueMath.digamma(px + q)
            constant[i] = lgamma(px + q) - lgamma(px) - lgammaQ + q * logGammaParameter + px * logX[i]
            dConstantP[i] = x * (digammaSum - ValueMath.digamma(px) + logX[i])
            dConstantQ[i] = digammaSum - digammaQ + logGammaParameter
        }

        var sum = 0.0, gP = 0.0, gQ = 0.0, gGamma = 0.0
        for row in 0..<meanSpend.count {
            let i = frequencyIndex[row]
            let x = Double(frequencies[i])
            let px = p * x
            let pool = gamma + meanSpend[row] * x
            let logPool = log(pool)
            sum += constant[i] + (px - 1) * logMeanSpend[row] - (px + q) * logPool
            gP += dConstantP[i] + x * (logMeanSpend[row] - logPool)
            gQ += dConstantQ[i] - logPool
            gGamma += q / gamma - (px + q) / pool
        }
        let n = Double(meanSpend.count)
        let value = -sum / n
        let gradient = [-gP * p / n, -gQ * q / n, -gGamma * gamma / n]
        guard value.isFinite, gradient.allSatisfy(\.isFinite) else { return outside }
        return (value, gradient)
    }
}
