import XCTest
@testable import LoyalCore

/// Findings' weights plus the rep's judgement → score, band and the factors that explain it.
final class RetentionRiskTests: XCTestCase {
    private func f(_ kind: String, _ weight: Double) -> SignalFinding {
        SignalFinding(kind: kind, form: .revenueChange, weight: weight, evidence: "", evidenceKey: "")
    }

    func testWeightsAndJudgementAddUp() {
        // 30 + 25 + 20 × (3 − 2) / 2 = 65
        let r = RiskAssessment.assess(findings: [f("revenue_drop", 30), f("overdue", 25)], judgement: 2)
        XCTAssertEqual(r.score, 65)
        XCTAssertEqual(r.health, 35)
        XCTAssertEqual(r.band, .red)
        XCTAssertEqual(r.explanation, "revenue_drop 30 pts, overdue 25 pts, rep judgement 2/5: 10 pts")
    }

    func testFactorsAreListedLargestFirst() {
        let r = RiskAssessment.assess(findings: [f("single_category", 10), f("cancellation", 50)], judgement: 1)
        XCTAssertEqual(r.explanation, "cancellation 50 pts, rep judgement 1/5: 20 pts, single_category 10 pts")
        XCTAssertEqual(r.score, 80)
    }

    func testAGoodJudgementTakesPointsOff() {
        let r = RiskAssessment.assess(findings: [f("revenue_drop", 30)], judgement: 5)
        XCTAssertEqual(r.score, 10)
        XCTAssertEqual(r.band, .green)
        XCTAssertEqual(r.explanation, "revenue_drop 30 pts, rep judgement 5/5: −20 pts")
        XCTAssertEqual(RiskAssessment.assess(findings: [f("revenue_drop", 30)], judgement: 4).score, 20)
        XCTAssertEqual(RiskAssessment.assess(findings: [f("revenue_drop", 30)], judgement: 3).explanation,
                       "revenue_drop 30 pts, rep judgement 3/5: 0 pts")
    }

    func testScoreIsClampedToZeroToHundred() {
        let high = RiskAssessment.assess(findings: [f("cancellation", 50), f("revenue_drop", 30), f("overdue", 25)],
                                         judgement: nil)
        XCTAssertEqual(high.score, 100)
        XCTAssertEqual(high.factors.map(\.points), [50, 30, 25])
        let low = RiskAssessment.assess(findings: [], judgement: 5)
        XCTAssertEqual(low.score, 0)
        XCTAssertEqual(low.health, 100)
        XCTAssertEqual(RiskAssessment.assess(findings: [], judgement: nil), RiskAssessment(score: 0, band: .green, factors: []))
    }

    func testBandEdges() {
        let s = RiskSettings()
        XCTAssertEqual([19, 20, 49, 50, 100].map(s.band), [.green, .amber, .amber, .red, .red])
        let custom = RiskSettings(redFrom: 70, amberFrom: 40)
        XCTAssertEqual([39, 40, 69, 70].map(custom.band), [.green, .amber, .amber, .red])
    }

    func testPointsRoundHalfAwayFromZeroAndJudgementWeightIsConfigurable() {
        let s = RiskSettings(sentimentWeight: 25)
        // 12.5 → 13; judgement 2: 25 × 1 / 2 = 12.5 → 13
        let r = RiskAssessment.assess(findings: [f("x", 12.5)], judgement: 2, settings: s)
        XCTAssertEqual(r.explanation, "x 13 pts, rep judgement 2/5: 13 pts")
        XCTAssertEqual(r.score, 26)
        XCTAssertEqual(RiskAssessment.assess(findings: [f("x", 12.5)], judgement: 1, settings: RiskSettings(sentimentWeight: 0))
                        .explanation, "x 13 pts")
    }

    func testJudgementOutsideTheScaleIsIgnored() {
        XCTAssertEqual(RiskAssessment.assess(findings: [f("x", 30)], judgement: 0).explanation, "x 30 pts")
        XCTAssertEqual(RiskAssessment.assess(findings: [f("x", 30)], judgement: 6).score, 30)
    }

    func testJudgementComesFromTheNewestRecentFeedbackThatHasOne() {
        let facts = R.facts {
            $0.feedback = [FeedbackFact(day: R.day("2026-05-01"), sentiment: 4),
                           FeedbackFact(day: R.day("2026-08-01"), sentiment: 2),
                           FeedbackFact(day: R.day("2026-09-01"), nps: 9),              // no judgement
                           FeedbackFact(day: R.day("2026-09-20"), sentiment: 5)]        // after the as-of day
        }
        XCTAssertEqual(RiskAssessment.latestJudgement(facts, within: 365), 2)
        XCTAssertEqual(RiskAssessment.latestJudgement(facts, within: 30), nil)           // 01.08. is 45 days back
        let r = RiskAssessment.assess(facts, findings: [f("overdue", 25)])
        XCTAssertEqual(r.explanation, "overdue 25 pts, rep judgement 2/5: 10 pts")
        XCTAssertEqual(r.band, .amber)
        XCTAssertEqual(RiskAssessment.assess(facts, findings: [f("overdue", 25)], settings: RiskSettings(sentimentDays: 30)).score, 25)
    }
}
