import Foundation

/// One customer of the training cut: what was known on the cut day, and whether he
/// then made no purchase in the window after it.
public struct ChurnTrainingCase: Hashable, Sendable {
    public var observation: ChurnObservation
    public var noPurchase: Bool

    public init(_ observation: ChurnObservation, noPurchase: Bool) {
        self.observation = observation; self.noPurchase = noPurchase
    }
}

extension ChurnModel {
    /// Fewer training customers, or fewer than this many in either outcome, and the prior stays.
    public static let minimumCases = 30

    /// Maximum a-posteriori logistic regression around the prior: the purchase features
    /// are nearly free (a small ridge keeps them finite when the data separates), each
    /// signal kind and the judgement are held at their prior by a unit-precision
    /// Gaussian, so a kind seen on three customers keeps roughly its configured weight
    /// while one seen on hundreds takes what the data says. Newton's method with step
    /// halving; a handful of iterations suffice.
    public static func fit(_ cases: [ChurnTrainingCase], prior: ChurnModel) -> ChurnModel {
        let churned = cases.filter(\.noPurchase).count
        guard cases.count >= minimumCases, churned >= minimumCases / 3, cases.count - churned >= minimumCases / 3 else {
            return prior
        }
        let features = ChurnFeature.allCases
        let kinds = prior.signalWeights.keys.sorted()
        let p = 1 + features.count + kinds.count
        var priorMean = [Double](repeating: 0, count: p), precision = [Double](repeating: 1e-3, count: p)
        precision[0] = 1e-6
        for (i, f) in features.enumerated() {
            priorMean[1 + i] = prior.coefficients[f.rawValue] ?? 0
            if f == .judgement { precision[1 + i] = 1 }
        }
        for (i, k) in kinds.enumerated() {
            priorMean[1 + features.count + i] = prior.signalWeights[k] ?? 0
            precision[1 + features.count + i] = 1
        }
        let rows: [[Double]] = cases.map { c in
            [1] + features.map { $0.value(c.observation) } + kinds.map { c.observation.signalKinds.contains($0) ? 1 : 0 }
        }
        let y = cases.map { $0.noPurchase ? 1.0 : 0.0 }
        func objective(_ beta: [Double]) -> Double {
            var ll = 0.0
            for (row, t) in zip(rows, y) {
                let z = zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 }
                // log σ(z) for a churned case, log σ(−z) otherwise, without overflow.
                let s = t == 1 ? z : -z
                ll -= s >= 0 ? log1p(exp(-s)) : -s + log1p(exp(s))
            }
            for j in 0..<p { ll -= 0.5 * precision[j] * (beta[j] - priorMean[j]) * (beta[j] - priorMean[j]) }
            return ll
        }
        var beta = priorMean
        var current = objective(beta)
        for _ in 0..<50 {
            var gradient = (0..<p).map { -precision[$0] * (beta[$0] - priorMean[$0]) }
            var hessian = (0..<p).map { i in (0..<p).map { j in i == j ? precision[i] : 0.0 } }
            for (row, t) in zip(rows, y) {
                let prob = logistic(zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 })
                let w = prob * (1 - prob)
                for i in 0..<p where row[i] != 0 {
                    gradient[i] += (t - prob) * row[i]
                    for j in i..<p where row[j] != 0 { hessian[i][j] += w * row[i] * row[j] }
                }
            }
            for i in 0..<p { for j in 0..<i { hessian[i][j] = hessian[j][i] } }
            guard let step = solve(hessian, gradient) else { break }
            var scale = 1.0, next = beta, value = current
            while scale > 1e-6 {
                next = zip(beta, step).map { $0 + scale * $1 }
                value = objective(next)
                if value >= current { break }
                scale /= 2
            }
            guard value >= current else { break }
            let gain = value - current
            beta = next; current = value
            if gain < 1e-9 * Double(cases.count) { break }
        }
        var model = prior
        model.intercept = beta[0]
        for (i, f) in features.enumerated() { model.coefficients[f.rawValue] = beta[1 + i] }
        for (i, k) in kinds.enumerated() { model.signalWeights[k] = beta[1 + features.count + i] }
        var means: [String: Double] = [:]
        for (i, f) in features.enumerated() {
            means[f.rawValue] = rows.reduce(0) { $0 + $1[1 + i] } / Double(rows.count)
        }
        model.means = means
        model.trainedCustomers = cases.count
        model.trainedBaseRate = Double(churned) / Double(cases.count)
        return model
    }

    /// Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a, v = b
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), abs(m[pivot][col]) > 1e-12 else {
                return nil
            }
            m.swapAt(col, pivot); v.swapAt(col, pivot)
            for r in (col + 1)..<n where m[r][col] != 0 {
                let f = m[r][col] / m[col][col]
                for c in col..<n { m[r][c] -= f * m[col][c] }
                v[r] -= f * v[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = v[r]
            for c in (r + 1)..<n { s -= m[r][c] * x[c] }
            x[r] = s / m[r][r]
        }
        return x
    }
}
