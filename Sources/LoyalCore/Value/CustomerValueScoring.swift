import Foundation

extension CustomerValueReport {
    /// Every customer's scores. The costly part, E[Y(t) | alive, x, T] for the
    /// prediction horizon and each discounting period, is computed once per
    /// distinct (x, T) by `AliveForecasts`; the rest is a few logs per customer.
    static func scores(
        _ summaries: [PurchaseHistorySummary], observations: [BGNBDObservation],
        bgnbd: BGNBDParameters, gammaGamma: GammaGammaFit?, settings: CustomerValueSettings,
        marginRatios: [Double?]?
    ) -> [CustomerValueScore] {
        let valuation = CustomerValuation(
            parameters: bgnbd, unitDays: settings.unitDays, horizonYears: settings.valueHorizonYears,
            periodsPerYear: settings.periodsPerYear, yearlyDiscountRate: settings.yearlyDiscountRate)
        let pairs = AliveForecasts.Pairs(observations)
        let alive = AliveForecasts.compute(pairs.distinct, valuation: valuation, horizon: settings.predictionHorizon)
        return Parallel.map(summaries.count) { index in
            let summary = summaries[index], o = observations[index]
            let forecast = alive[Int(pairs.ofCustomer[index])]
            let pAlive = bgnbd.probabilityAlive(o)
            let spend = gammaGamma?.expectedSpend(frequency: o.frequency, meanSpend: summary.meanRepeatSpend)
                ?? summary.meanSpend
            let margin = marginRatios?[index] ?? 1
            return CustomerValueScore(
                frequency: o.frequency, recency: o.recency, age: o.age,
                expectedPurchases: pAlive * forecast.horizon, probabilityAlive: pAlive, expectedSpend: spend,
                valueCents: CustomerValuation.cents(pAlive * forecast.discounted * spend * margin))
        }
    }
}

extension CustomerValueReport {
    /// Each customer's P(no purchase in the next `t` time units), same order as the scores.
    public func probabilitiesOfNoPurchase(in t: Double) -> [Double] {
        Parallel.map(scores.count) { i in
            let s = scores[i]
            return bgnbd.parameters.probabilityOfNoPurchase(
                in: t, given: BGNBDObservation(frequency: s.frequency, recency: s.recency, age: s.age))
        }
    }
}

/// Expected purchases of a customer known to be alive: in the prediction
/// horizon, and discounted over the valuation's periods, per distinct (x, T).
enum AliveForecasts {
    struct Pairs {
        let distinct: [(x: Int, age: Double)]
        let ofCustomer: [Int32]

        private struct Key: Equatable {
            let x: Int
            let age: UInt64
        }

        init(_ observations: [BGNBDObservation]) {
            var index = FirstSeenIndex<Key>(capacity: observations.count) {
                FirstSeenIndex<Key>.mix(UInt64(bitPattern: Int64($0.x)), $0.age)
            }
            ofCustomer = observations.map { o in
                Int32(index.insert(Key(x: o.frequency, age: o.age.bitPattern)).index)
            }
            distinct = index.keys.map { ($0.x, Double(bitPattern: $0.age)) }
        }
    }

    /// One result per pair, same order. Pairs with the same x share one
    /// `BGNBDAliveForecast` and, when they are many, one `BGNBDForecastCurve`.
    static func compute(
        _ pairs: [(x: Int, age: Double)], valuation: CustomerValuation, horizon: Double
    ) -> [(horizon: Double, discounted: Double)] {
        var membersOf: [Int: [Int]] = [:]
        for (i, pair) in pairs.enumerated() { membersOf[pair.x, default: []].append(i) }
        // Largest groups first, so the last ones to finish are short.
        let groups = membersOf.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        var results = [(horizon: Double, discounted: Double)](repeating: (0, 0), count: pairs.count)
        results.withUnsafeMutableBufferPointer { out in
            let out = out
            Parallel.forEach(groups.count) { g in
                let (x, members) = groups[g]
                let forecaster = GroupForecaster(frequency: x, ages: members.map { pairs[$0].age },
                                                 valuation: valuation, horizon: horizon)
                for (k, member) in members.enumerated() { out[member] = forecaster.forecast(k) }
            }
        }
        return results
    }
}

/// The forecasts of one x at its customers' ages, through a curve where that pays.
private struct GroupForecaster {
    let forecast: BGNBDAliveForecast
    let ages: [Double]
    let valuation: CustomerValuation
    let horizon: Double
    let curve: BGNBDForecastCurve?
    let logPeriodEnds: [Double]
    let logHorizon: Double

    init(frequency: Int, ages: [Double], valuation: CustomerValuation, horizon: Double) {
        let p = valuation.parameters
        forecast = BGNBDAliveForecast(parameters: p, frequency: frequency)
        self.ages = ages
        self.valuation = valuation
        self.horizon = horizon
        logPeriodEnds = valuation.periodEnds.map { log($0) }
        logHorizon = log(horizon)
        let times = logPeriodEnds + [logHorizon]
        let scales = ages.map { log(p.alpha + $0) }
        let range = times.min()! - scales.max()!...times.max()! - scales.min()!
        let evaluations = ages.count * times.count
        let usable = range.lowerBound.isFinite && range.upperBound.isFinite && horizon > 0
        curve = usable && evaluations > 2 * BGNBDForecastCurve.cost(of: range)
            ? BGNBDForecastCurve(forecast, logRatios: range) : nil
    }

    func forecast(_ k: Int) -> (horizon: Double, discounted: Double) {
        let age = ages[k]
        guard let curve else {
            return (forecast.expectedPurchases(in: horizon, age: age),
                    valuation.discountedPurchasesIfAlive(forecast, age: age))
        }
        let scale = valuation.parameters.alpha + age
        let logScale = log(scale)
        // Never above (r+x)·t/(α+T), the expectation if nobody dropped out (as pointwise).
        let noDropoutRate = (valuation.parameters.r + Double(forecast.frequency)) / scale
        func expected(_ ratioOverZ: Double, _ t: Double) -> Double {
            min(max(0, ratioOverZ * (t / (scale + t))), noDropoutRate * t)
        }
        let ends = valuation.periodEnds, factors = valuation.discountFactors
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * ends.count + 2) { scratch in
            let count = ends.count + 1
            let logRatios = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
            let q = UnsafeMutableBufferPointer(rebasing: scratch[count..<2 * count])
            for i in 0..<ends.count { logRatios[i] = logPeriodEnds[i] - logScale }
            logRatios[ends.count] = logHorizon - logScale
            curve.ratiosOverZ(UnsafeBufferPointer(logRatios), into: q)
            var sum = 0.0
            var previous = 0.0
            for i in 0..<ends.count {
                let cumulative = expected(q[i], ends[i])
                sum += (cumulative - previous) * factors[i]
                previous = cumulative
            }
            return (expected(q[ends.count], horizon), sum)
        }
    }
}
