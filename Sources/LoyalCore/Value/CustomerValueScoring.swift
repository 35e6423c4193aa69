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

/// Expected purchases of a customer known to be alive: in the prediction
/// horizon, and discounted over the valuation's periods, per distinct (x, T).
enum AliveForecasts {
    struct Pairs {
        var distinct: [(x: Int, age: Double)] = []
        var ofCustomer: [Int32] = []

        private struct Key: Hashable {
            let x: Int
            let age: UInt64
        }

        init(_ observations: [BGNBDObservation]) {
            var index: [Key: Int32] = [:]
            ofCustomer.reserveCapacity(observations.count)
            for o in observations {
                let key = Key(x: o.frequency, age: o.age.bitPattern)
                if let i = index[key] {
                    ofCustomer.append(i)
                } else {
                    let i = Int32(distinct.count)
                    index[key] = i
                    distinct.append((o.frequency, o.age))
                    ofCustomer.append(i)
                }
            }
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
        let shape = valuation.parameters.r + Double(forecast.frequency)
        func expected(_ t: Double, _ logT: Double) -> Double {
            let value = curve.expectedPurchases(logRatio: logT - logScale, z: t / (scale + t))
            return min(max(0, value), shape * t / scale)
        }
        var sum = 0.0
        var previous = 0.0
        for (i, factor) in valuation.discountFactors.enumerated() {
            let cumulative = expected(valuation.periodEnds[i], logPeriodEnds[i])
            sum += (cumulative - previous) * factor
            previous = cumulative
        }
        return (expected(horizon, logHorizon), sum)
    }
}
