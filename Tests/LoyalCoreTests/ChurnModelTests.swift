import Foundation
import XCTest
@testable import LoyalCore

/// The churn risk's arithmetic, checked by hand.
final class ChurnModelTests: XCTestCase {
    let rules = SignalRule.defaults
    var prior: ChurnModel { ChurnModel.prior(rules: rules, settings: RiskSettings()) }

    func observation(_ p0: Double, signals: Set<String> = [], judgement: Int? = nil) -> ChurnObservation {
        ChurnObservation(purchaseDays: 3, daysSinceLastPurchase: 40, ageDays: 400, activeSpanDays: 200,
                         forecastNoPurchase: p0, signalKinds: signals, judgement: judgement)
    }

    func testNoPurchaseProbabilityOfBGNBD() {
        let m = BGNBDParameters(r: 1, alpha: 10, a: 1, b: 1)
        // x = 0: alive for sure, silent with (α+T)/(α+T+t) to the power r = 20/30.
        XCTAssertEqual(m.probabilityOfNoPurchase(in: 10, given: BGNBDObservation(frequency: 0, recency: 0, age: 10)),
                       2.0 / 3, accuracy: 1e-12)
        // x = 1, t_x = 5, T = 10: P(alive) = 1/(1 + (20/15)²) = 0.36; silent if alive (20/30)² = 4/9;
        // 0.64 + 0.36 · 4/9 = 0.8.
        XCTAssertEqual(m.probabilityOfNoPurchase(in: 10, given: BGNBDObservation(frequency: 1, recency: 5, age: 10)),
                       0.8, accuracy: 1e-12)
    }

    func testThePriorTakesTheForecastAndReadsSignalWeightsAsLogOdds() {
        XCTAssertEqual(prior.probability(observation(0.8)), 0.8, accuracy: 1e-12)
        // cancellation weight 50 → 2 log-odds: ln 4 + 2 = 3.3863 → 1/(1 + e^−3.3863) = 0.96727.
        XCTAssertEqual(prior.probability(observation(0.8, signals: ["cancellation"])), 0.967_27, accuracy: 1e-5)
        // Purchase-based kinds are not model inputs: revenue_drop adds nothing.
        XCTAssertEqual(prior.signalWeights["revenue_drop"], nil)
        // A rep's 1/5 with sentiment_weight 20: +0.8 log-odds; 5/5: −0.8; 3/5 nothing.
        XCTAssertEqual(prior.probability(observation(0.5, judgement: 1)), 1 / (1 + exp(-0.8)), accuracy: 1e-12)
        XCTAssertEqual(prior.probability(observation(0.5, judgement: 5)), 1 / (1 + exp(0.8)), accuracy: 1e-12)
        XCTAssertEqual(prior.probability(observation(0.5, judgement: 3)), 0.5, accuracy: 1e-12)
    }

    func testTheExplanationAddsFactorsLargestFirstInPoints() {
        // Base: the typical customer (means 0 → forecast logit 0) 50 %. The cancellation's
        // 2 log-odds first: σ(2) = 88.08 % → +38 pts; then the forecast's ln 4: σ(3.386) = 96.73 % → +9 pts.
        let a = RiskAssessment.assess(observation(0.8, signals: ["cancellation"]), model: prior, settings: RiskSettings())
        XCTAssertEqual(a.base, 0.5, accuracy: 1e-12)
        XCTAssertEqual(a.score, 97)
        XCTAssertEqual(a.band, .red)
        XCTAssertEqual(a.factors, [RiskFactor(name: "cancellation", points: 38),
                                   RiskFactor(name: RiskFactor.purchaseModel, points: 9)])
        XCTAssertEqual(a.explanation, "cancellation +38 pts, purchase model forecast +9 pts")
    }

    func testBandsAreCutOffsOnThePercent() {
        let s = RiskSettings()
        XCTAssertEqual([s.band(39), s.band(40), s.band(69), s.band(70)], [.green, .amber, .amber, .red])
    }

    func testTheFitRecoversAKnownEffectAndKeepsRareSignalsNearTheirPrior() {
        // 4,000 customers whose chance of staying away follows log-odds −2 + 0.5 · ln(1 + days since last purchase):
        // the fit must find about 0.5 for recency once the forecast carries no information (0.5 for everyone).
        var generator = SeededRandom(seed: 42)
        var cases: [ChurnTrainingCase] = []
        for i in 0..<4000 {
            let days = Int(generator.next() % 720)
            let z = -2 + 0.5 * log1p(Double(days))
            let p = 1 / (1 + exp(-z))
            let o = ChurnObservation(purchaseDays: 2, daysSinceLastPurchase: days, ageDays: 800, activeSpanDays: 0,
                                     forecastNoPurchase: 0.5, signalKinds: i < 3 ? ["cancellation"] : [])
            cases.append(ChurnTrainingCase(o, noPurchase: Double(generator.next() % 1_000_000) / 1_000_000 < p))
        }
        let fitted = ChurnModel.fit(cases, prior: prior)
        XCTAssertEqual(fitted.coefficients["recency"]!, 0.5, accuracy: 0.1)
        XCTAssertEqual(fitted.intercept, -2, accuracy: 0.5)
        // Three customers say little: the cancellation stays within reach of its prior 2.
        XCTAssertEqual(fitted.signalWeights["cancellation"]!, 2, accuracy: 1)
        XCTAssertEqual(fitted.trainedCustomers, 4000)
        XCTAssertEqual(fitted.means["recency"]!, cases.map { ChurnFeature.recency.value($0.observation) }.reduce(0, +) / 4000,
                       accuracy: 1e-9)
    }

    func testTooLittleDataKeepsThePrior() {
        let cases = (0..<20).map { ChurnTrainingCase(observation(0.5), noPurchase: $0 % 2 == 0) }
        XCTAssertEqual(ChurnModel.fit(cases, prior: prior), prior)
    }

    func testCustomersWhoNeverBoughtGetTheModelsGuessNotZero() {
        let never = ChurnObservation(purchaseDays: 0, daysSinceLastPurchase: nil, ageDays: 30, forecastNoPurchase: nil)
        XCTAssertEqual(prior.probability(never), 0.5, accuracy: 1e-12)
        var model = prior
        model.coefficients["never_bought"] = 1
        XCTAssertEqual(model.probability(never), 1 / (1 + exp(-1)), accuracy: 1e-12)
        XCTAssertEqual(model.explain(never).factors.map(\.name), [RiskFactor.neverBought])
    }

    func testBacktestAUCCountsTiesHalfAndLiftIsAgainstTheBaseRate() {
        let c = { (risk: Double, churned: Bool) in
            BacktestCase(risk: risk, onPanel: risk >= 0.5, daysSinceLastPurchase: Int(risk * 100), expectedPurchases: 1 - risk,
                         churned: churned)
        }
        // Positives 0.5 and 0.9 against negatives 0.5 and 0.2: 0.5 ~ 0.5 half, 0.5 > 0.2, 0.9 > both → 3.5 / 4.
        let r = BacktestReport.evaluate([c(0.5, true), c(0.5, false), c(0.2, false), c(0.9, true)],
                                        asOf: Day(iso: "2026-01-01")!, horizonDays: 90)
        XCTAssertEqual(r.auc, 0.875, accuracy: 1e-12)
        XCTAssertEqual(r.baseRate, 0.5)
        // The panel (risk ≥ 0.5 here): 3 customers, 2 left → precision 2/3, lift 4/3.
        XCTAssertEqual(r.panel.customers, 3)
        XCTAssertEqual(r.panel.lift, 4.0 / 3, accuracy: 1e-12)
        // Top decile of 4 is the one highest: left → precision 1, lift 2.
        XCTAssertEqual(r.topDecileLift, 2, accuracy: 1e-12)
        XCTAssertEqual(r.references["days_since_last_purchase"]!.auc, 0.875, accuracy: 1e-12)
        XCTAssertEqual(r.references["expected_purchases"]!.auc, 0.875, accuracy: 1e-12)
        XCTAssertEqual(r.calibration.map(\.customers).reduce(0, +), 4)
    }
}

