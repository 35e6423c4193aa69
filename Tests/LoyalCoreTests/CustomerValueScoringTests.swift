import Foundation
@testable import LoyalCore
import XCTest

/// The value step's fast paths against the straightforward computations they replace:
/// the forecasts tabulated per x (`BGNBDForecastCurve`) against one ₂F₁ per month,
/// the scores against `scoresOneByOne`, the tabled likelihood against the row-by-row one.
final class CustomerValueScoringTests: XCTestCase {
    /// Same cents, same P(alive); forecasts equal to the pointwise evaluator's own
    /// rounding (which near z = 1 reaches ~1e-11, see the curve test).
    private func assertScoresEqualOneByOne(_ summaries: [PurchaseHistorySummary], settings: CustomerValueSettings,
                                           margins: [Double?]? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try CustomerValueReport.fitAndScore(summaries, settings: settings, marginRatios: margins)
        let reference = CustomerValueReport.scoresOneByOne(
            summaries, bgnbd: report.bgnbd.parameters, gammaGamma: report.gammaGamma, settings: settings,
            marginRatios: margins)
        XCTAssertEqual(report.scores.count, reference.count, file: file, line: line)
        var worst = 0.0
        for (got, want) in zip(report.scores, reference) {
            XCTAssertEqual(got.valueCents, want.valueCents, "\(want)", file: file, line: line)
            XCTAssertEqual(got.probabilityAlive, want.probabilityAlive, file: file, line: line)
            XCTAssertEqual(got.expectedSpend, want.expectedSpend, file: file, line: line)
            XCTAssertEqual(got.frequency, want.frequency, file: file, line: line)
            if want.expectedPurchases != 0 {
                worst = max(worst, abs(got.expectedPurchases - want.expectedPurchases) / want.expectedPurchases)
            }
        }
        XCTAssertLessThan(worst, 1e-10, file: file, line: line)
    }

    func testScoresEqualTheOneByOneScoresOnCDNOW() throws {
        try assertScoresEqualOneByOne(CDNOWFixture.weeklySummaries,
                                      settings: CustomerValueSettings(unitDays: 7, predictionHorizon: 39))
        // In days every x has many ages, so the curves are used throughout.
        try assertScoresEqualOneByOne(CDNOWFixture.summaries(unitDays: 1),
                                      settings: CustomerValueSettings(unitDays: 1, predictionHorizon: 365))
    }

    func testScoresEqualTheOneByOneScoresOnSyntheticCustomersWithMargins() throws {
        let base = SyntheticCustomerBase()
        var stream = PurchaseHistoryStream<Int>(asOfDay: base.asOfDay, unitDays: 1)
        var summaries: [PurchaseHistorySummary] = []
        for p in base.purchases(customers: 3_000) {
            if let done = stream.add(customer: p.customer, day: p.day, cents: p.cents) { summaries.append(done.summary) }
        }
        if let done = stream.finish() { summaries.append(done.summary) }
        let margins = summaries.indices.map { $0 % 3 == 0 ? nil : Double($0 % 7) / 10 }
        try assertScoresEqualOneByOne(summaries, settings: CustomerValueSettings(unitDays: 1, predictionHorizon: 365),
                                      margins: margins)
    }

    /// Fits of CDNOW, of daily data, and parameters far from both: the curve either
    /// is not built or agrees with the pointwise evaluator everywhere in its range.
    func testForecastCurveAgreesWithPointwiseForecasts() {
        let sets = [
            BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426),
            BGNBDParameters(r: 1.1607, alpha: 23.06, a: 0.8998, b: 49.70),
            BGNBDParameters(r: 0.5, alpha: 10, a: 1, b: 3),
            BGNBDParameters(r: 2, alpha: 50, a: 2, b: 5),
            BGNBDParameters(r: 60, alpha: 400, a: 0.7, b: 9),
            BGNBDParameters(r: 0.01, alpha: 0.5, a: 0.05, b: 0.2),
            BGNBDParameters(r: 1.5, alpha: 30, a: 400, b: 900),
        ]
        var random = SplitMix(seed: 17)
        for p in sets {
            for x in [0, 1, 3, 12, 60] {
                let forecast = BGNBDAliveForecast(parameters: p, frequency: x)
                let range = -8.0...6.0
                guard let curve = BGNBDForecastCurve(forecast, logRatios: range) else { continue }
                for _ in 0..<150 {
                    let logRatio = range.lowerBound + (range.upperBound - range.lowerBound) * random.unit()
                    let scale = 1 + 2000 * random.unit(), t = exp(logRatio) * scale
                    let want = forecast.expectedPurchases(in: t, scale: scale)
                    let got = curve.expectedPurchases(logRatio: log(t) - log(scale), z: t / (scale + t))
                    XCTAssertEqual(got, want, accuracy: 5e-11 * want, "\(p) x=\(x) t/(α+T)=\(t / scale)")
                }
            }
        }
    }

    /// Tables per distinct T, t_x and x and the shared exp change no bit of the
    /// likelihood, so the fit follows the same path to the same parameters.
    func testTabledLikelihoodIsBitForBitTheRowByRowOne() {
        let daily = CDNOWFixture.summaries(unitDays: 1).map(\.observation)
        for observations in [CDNOWFixture.weeklySummaries.map(\.observation), daily, BGNBDModelTests.awkwardCustomers] {
            let data = BGNBDLikelihoodData(observations)
            for theta in [[log(0.3), log(5.0), log(0.7), log(2.0)], [0.1, 3.2, -0.2, 3.9], [-2, 1, 2, -1]] {
                let got = data.negativeMeanLogLikelihood(theta), want = rowByRow(data, theta)
                XCTAssertEqual(got.value.bitPattern, want.value.bitPattern)
                XCTAssertEqual(got.gradient.map(\.bitPattern), want.gradient.map(\.bitPattern))
            }
        }
    }

    /// The likelihood loop as it was before the tables, kept as the oracle.
    private func rowByRow(_ d: BGNBDLikelihoodData, _ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let r = exp(theta[0]), alpha = exp(theta[1]), a = exp(theta[2]), b = exp(theta[3])
        let logAlpha = log(alpha), logA = log(a)
        var sum = 0.0, gR = 0.0, gAlpha = 0.0, gA = 0.0, gB = 0.0
        for row in 0..<d.weight.count {
            let xi = d.frequencies[d.frequencyIndex[row]]
            let abRising = ValueMath.digammaRising(a + b, xi)
            let x = Double(xi), rx = r + x
            let logAgeTerm = log(alpha + d.age[row])
            let active = -rx * logAgeTerm
            var ll = ValueMath.logRising(r, xi) + ValueMath.logRising(b, xi) - ValueMath.logRising(a + b, xi) + r * logAlpha
            var dR = ValueMath.digammaRising(r, xi) + logAlpha
            var dAlpha = r / alpha
            var dA = -abRising
            var dB = ValueMath.digammaRising(b, xi) - abRising
            if x > 0 {
                let logRecencyTerm = log(alpha + d.recency[row])
                let dropped = logA - log(b + x - 1) - rx * logRecencyTerm
                ll += ValueMath.logAddExp(active, dropped)
                let w = ValueMath.logisticOfNegative(active - dropped)
                dR -= (1 - w) * logAgeTerm + w * logRecencyTerm
                dAlpha -= rx * ((1 - w) / (alpha + d.age[row]) + w / (alpha + d.recency[row]))
                dA += w / a
                dB -= w / (b + x - 1)
            } else {
                ll += active
                dR -= logAgeTerm
                dAlpha -= rx / (alpha + d.age[row])
            }
            let wt = d.weight[row]
            sum += wt * ll
            gR += wt * dR
            gAlpha += wt * dAlpha
            gA += wt * dA
            gB += wt * dB
        }
        let n = d.totalWeight
        return (-sum / n, [-gR * r / n, -gAlpha * alpha / n, -gA * a / n, -gB * b / n])
    }
}

/// A small deterministic generator for test points.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
