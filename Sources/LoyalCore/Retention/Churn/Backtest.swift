/// One customer of a backtest: what the refresh as of the cut said, and what happened.
public struct BacktestCase: Hashable, Sendable {
    public var risk: Double
    public var onPanel: Bool
    public var daysSinceLastPurchase: Int
    /// The purchase model's expected purchases in the horizon (fitted on the cut).
    public var expectedPurchases: Double
    /// No purchase in the horizon after the cut.
    public var churned: Bool

    public init(risk: Double, onPanel: Bool, daysSinceLastPurchase: Int, expectedPurchases: Double, churned: Bool) {
        self.risk = risk; self.onPanel = onPanel; self.daysSinceLastPurchase = daysSinceLastPurchase
        self.expectedPurchases = expectedPurchases; self.churned = churned
    }
}

/// How well a ranking found those who left.
public struct RankingQuality: Codable, Hashable, Sendable {
    /// The chance that a customer who left ranks above one who stayed (ties count half).
    public var auc: Double
    /// Share who left among the top 10 % of the ranking, and that against the base rate.
    public var topDecilePrecision: Double
    public var topDecileLift: Double
}

public struct CalibrationBin: Codable, Hashable, Sendable {
    /// 1 = the lowest tenth of the risks.
    public var decile: Int
    public var customers: Int
    public var predicted: Double
    public var observed: Double
}

public struct PanelQuality: Codable, Hashable, Sendable {
    public var customers: Int
    public var precision: Double
    public var lift: Double
}

/// A backtest's verdict: the risk ranking against what happened, beside two references.
public struct BacktestReport: Codable, Hashable, Sendable {
    public var asOf: String
    public var horizonDays: Int
    public var customers: Int
    /// Customers who made no purchase in the horizon.
    public var positives: Int
    public var baseRate: Double
    public var auc: Double
    public var topDecilePrecision: Double
    public var topDecileLift: Double
    public var panel: PanelQuality
    public var calibration: [CalibrationBin]
    /// "days_since_last_purchase" and "expected_purchases".
    public var references: [String: RankingQuality]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", horizonDays = "horizon_days", customers, positives, baseRate = "base_rate", auc
        case topDecilePrecision = "top_decile_precision", topDecileLift = "top_decile_lift", panel, calibration, references
    }

    public static func evaluate(_ cases: [BacktestCase], asOf: Day, horizonDays: Int) -> BacktestReport {
        let positives = cases.filter(\.churned).count
        let base = cases.isEmpty ? 0 : Double(positives) / Double(cases.count)
        let risk = quality(cases.map { ($0.risk, $0.churned) }, base: base)
        let panel = cases.filter(\.onPanel)
        let panelPrecision = panel.isEmpty ? 0 : Double(panel.filter(\.churned).count) / Double(panel.count)
        return BacktestReport(
            asOf: asOf.iso, horizonDays: horizonDays, customers: cases.count, positives: positives, baseRate: base,
            auc: risk.auc, topDecilePrecision: risk.topDecilePrecision, topDecileLift: risk.topDecileLift,
            panel: PanelQuality(customers: panel.count, precision: panelPrecision, lift: base > 0 ? panelPrecision / base : 0),
            calibration: calibration(cases),
            references: [
                "days_since_last_purchase": quality(cases.map { (Double($0.daysSinceLastPurchase), $0.churned) }, base: base),
                "expected_purchases": quality(cases.map { (-$0.expectedPurchases, $0.churned) }, base: base),
            ])
    }

    /// AUC by ranks (Mann–Whitney, ties at their mean rank) and the top decile.
    static func quality(_ scored: [(score: Double, positive: Bool)], base: Double) -> RankingQuality {
        let sorted = scored.sorted { $0.score < $1.score }
        var rankSum = 0.0, i = 0
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count && sorted[j + 1].score == sorted[i].score { j += 1 }
            let meanRank = Double(i + j) / 2 + 1
            for k in i...j where sorted[k].positive { rankSum += meanRank }
            i = j + 1
        }
        let pos = Double(scored.filter(\.positive).count), neg = Double(scored.count) - pos
        let auc = pos > 0 && neg > 0 ? (rankSum - pos * (pos + 1) / 2) / (pos * neg) : 0.5
        let top = max(1, scored.count / 10)
        let topPositives = sorted.suffix(top).filter(\.positive).count
        let precision = scored.isEmpty ? 0 : Double(topPositives) / Double(top)
        return RankingQuality(auc: auc, topDecilePrecision: precision, topDecileLift: base > 0 ? precision / base : 0)
    }

    /// Mean predicted risk against the observed share, per tenth of the customers by risk.
    static func calibration(_ cases: [BacktestCase]) -> [CalibrationBin] {
        let sorted = cases.sorted { $0.risk < $1.risk }
        guard !sorted.isEmpty else { return [] }
        return (0..<10).compactMap { d in
            let lo = sorted.count * d / 10, hi = sorted.count * (d + 1) / 10
            guard hi > lo else { return nil }
            let bin = sorted[lo..<hi]
            return CalibrationBin(decile: d + 1, customers: bin.count,
                                  predicted: bin.reduce(0) { $0 + $1.risk } / Double(bin.count),
                                  observed: Double(bin.filter(\.churned).count) / Double(bin.count))
        }
    }
}
