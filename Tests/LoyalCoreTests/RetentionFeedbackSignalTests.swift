import XCTest
@testable import LoyalCore

/// The feedback-form forms: `feedback_score`, `price_pressure_mentions`, `competitor_named`, `cancellation`.
final class RetentionFeedbackSignalTests: XCTestCase {
    private func score(_ fb: [FeedbackFact], _ metric: FeedbackMetric = .nps, _ cmp: Comparison = .atMost,
                       _ value: Double = 6, days: Int = 180, minAnswers: Int = 1) -> SignalEvidence? {
        SignalForms.feedbackScore(R.facts { $0.feedback = fb }, metric: metric, comparison: cmp, value: value,
                                  days: days, minAnswers: minAnswers)
    }

    func testAverageOfAnswersInTheWindow() {
        let fb = [FeedbackFact(day: R.day("2026-06-10"), nps: 6), FeedbackFact(day: R.day("2026-09-03"), nps: 3),
                  FeedbackFact(day: R.day("2025-12-01"), nps: 9)]          // 288 days ago: outside
        let e = score(fb)
        XCTAssertEqual(e?.text, "average NPS 4,5 from 2 answers in the last 180 days (≤ 6); latest 3 on 03.09.2026")
        XCTAssertEqual(e?.key, "2026-09-03")
    }

    func testSingleAnswer() {
        let e = score([FeedbackFact(day: R.day("2026-09-03"), nps: 4)])
        XCTAssertEqual(e?.text, "NPS 4 on 03.09.2026 (≤ 6)")
        XCTAssertEqual(e?.key, "2026-09-03")
    }

    func testAverageAboveTheLimitDoesNotFireButTheLimitItselfDoes() {
        XCTAssertNil(score([FeedbackFact(day: R.day("2026-09-03"), nps: 3), FeedbackFact(day: R.day("2026-06-10"), nps: 10)]))
        XCTAssertEqual(score([FeedbackFact(day: R.day("2026-09-03"), nps: 3), FeedbackFact(day: R.day("2026-06-10"), nps: 9)])?.text,
                       "average NPS 6,0 from 2 answers in the last 180 days (≤ 6); latest 3 on 03.09.2026")
    }

    func testMinimumAnswersAndAnswersWithoutTheMetric() {
        let fb = [FeedbackFact(day: R.day("2026-09-03"), nps: 2), FeedbackFact(day: R.day("2026-09-10"), csat: 1)]
        XCTAssertNil(score(fb, minAnswers: 2))
        XCTAssertEqual(score(fb)?.key, "2026-09-03")   // the CSAT-only form is no NPS answer
        XCTAssertNil(score([]))
    }

    func testOtherMetricsAndComparisons() {
        let fb = [FeedbackFact(day: R.day("2026-09-03"), csat: 2, ces: 5, sentiment: 2)]
        XCTAssertEqual(score(fb, .ces, .atLeast, 5)?.text, "CES 5 on 03.09.2026 (≥ 5)")
        XCTAssertNil(score(fb, .ces, .atLeast, 6))
        XCTAssertEqual(score(fb, .csat, .atMost, 2)?.text, "CSAT 2 on 03.09.2026 (≤ 2)")
        XCTAssertEqual(score(fb, .sentiment, .atMost, 2.5)?.text, "rep judgement 2 on 03.09.2026 (≤ 2,5)")
    }

    func testAnExtraKindWithStricterParameters() {
        let rule = SignalRule(kind: "nps_very_low", form: .feedbackScore(metric: .nps, comparison: .atMost, value: 2,
                                                                          days: 90, minAnswers: 1), weight: 25)
        let mild = R.facts { $0.feedback = [FeedbackFact(day: R.day("2026-09-03"), nps: 3)] }
        XCTAssertNil(rule.evaluate(mild))
        let harsh = R.facts { $0.feedback = [FeedbackFact(day: R.day("2026-09-03"), nps: 1)] }
        let found = rule.evaluate(harsh)
        XCTAssertEqual(found?.evidence, "NPS 1 on 03.09.2026 (≤ 2)")
        XCTAssertEqual(found?.evidenceKey, "2026-09-03")
        XCTAssertEqual(found?.form, .feedbackScore)
        // The store keeps it as a key with typed arguments, so a German viewer reads it in German.
        XCTAssertEqual(found.flatMap { StoredText(stored: $0.storedEvidence) }?.render(.german, in: .de),
                       "NPS 1 am 03.09.2026 (≤ 2)")
    }

    func testPricePressureMentions() {
        let fb = [FeedbackFact(day: R.day("2026-02-01"), pricePressure: true),    // 226 days ago
                  FeedbackFact(day: R.day("2026-07-01"), pricePressure: true),
                  FeedbackFact(day: R.day("2026-08-01")),
                  FeedbackFact(day: R.day("2026-09-03"), pricePressure: true)]
        let e = SignalForms.pricePressureMentions(R.facts { $0.feedback = fb }, atLeast: 2, days: 180)
        XCTAssertEqual(e?.text, "price pressure noted 2 times in the last 180 days, latest on 03.09.2026")
        XCTAssertEqual(e?.key, "2026-09-03")
        XCTAssertNil(SignalForms.pricePressureMentions(R.facts { $0.feedback = fb }, atLeast: 2, days: 60))
        XCTAssertEqual(SignalForms.pricePressureMentions(R.facts { $0.feedback = fb }, atLeast: 1, days: 60)?.text,
                       "price pressure noted 1 time in the last 60 days, latest on 03.09.2026")
    }

    func testCompetitorNamed() {
        let fb = [FeedbackFact(day: R.day("2026-07-01"), competitor: "  Großhandel Nord "),
                  FeedbackFact(day: R.day("2026-08-01"), competitor: "Metro"),
                  FeedbackFact(day: R.day("2026-08-15"), competitor: "  "),
                  FeedbackFact(day: R.day("2026-09-03"), competitor: "Großhandel Nord")]
        let all = SignalForms.competitorNamed(R.facts { $0.feedback = fb }, days: 180)
        XCTAssertEqual(all?.text, "competitors Großhandel Nord, Metro named 3 times in the last 180 days, latest on 03.09.2026")
        XCTAssertEqual(all?.key, "2026-09-03")
        let one = SignalForms.competitorNamed(R.facts { $0.feedback = [fb[1]] }, days: 180)
        XCTAssertEqual(one?.text, "competitor Metro named on 01.08.2026")
        XCTAssertEqual(one?.key, "2026-08-01")
        let twice = SignalForms.competitorNamed(R.facts { $0.feedback = [fb[0], fb[3]] }, days: 180)
        XCTAssertEqual(twice?.text, "competitor Großhandel Nord named 2 times in the last 180 days, latest on 03.09.2026")
        XCTAssertNil(SignalForms.competitorNamed(R.facts { $0.feedback = [fb[2]] }, days: 180))
    }

    func testCancellation() {
        let fb = [FeedbackFact(day: R.day("2025-09-15"), cancellation: true),   // 365 days ago: outside
                  FeedbackFact(day: R.day("2026-09-20"), cancellation: true)]   // after the as-of day
        XCTAssertNil(SignalForms.cancellation(R.facts { $0.feedback = fb }, days: 365))
        let inside = fb + [FeedbackFact(day: R.day("2025-09-16"), cancellation: true),
                           FeedbackFact(day: R.day("2026-09-03"), cancellation: true)]
        let e = SignalForms.cancellation(R.facts { $0.feedback = inside }, days: 365)
        XCTAssertEqual(e?.text, "cancellation noted on 03.09.2026 (2 times in the last 365 days)")
        XCTAssertEqual(e?.key, "2026-09-03")
        XCTAssertEqual(SignalForms.cancellation(R.facts { $0.feedback = [inside[3]] }, days: 365)?.text,
                       "cancellation noted on 03.09.2026")
    }

    func testFeedbackFromTheModelForm() {
        var form = Feedback(interactionID: 3)
        form.nps = 5; form.repSentiment = 2; form.pricePressure = true; form.competitor = "Metro"; form.cancellation = true
        XCTAssertEqual(FeedbackFact(day: R.asOf, form),
                       FeedbackFact(day: R.asOf, nps: 5, sentiment: 2, pricePressure: true, competitor: "Metro",
                                    cancellation: true))
    }
}
