import XCTest
@testable import LoyalCore

/// A dismissed signal must stay dismissed for the same evidence and come back for new
/// evidence: the keys must move with the facts, and reconciliation must honour them.
final class RetentionEvidenceKeyTests: XCTestCase {
    private let drop = SignalRule(kind: "revenue_drop", form: .revenueChange(threshold: -0.3, minPrevious: .zero), weight: 30)

    private func revenueKey(_ now: Int64, _ before: Int64, asOf: String) -> String? {
        drop.evaluate(R.facts(asOf: R.day(asOf)) { $0.revenue12m = R.eur(now); $0.revenuePrevious12m = R.eur(before) })?
            .evidenceKey
    }

    func testRevenueKeyKeepsWithinMonthAndBucketAndMovesOtherwise() {
        let dismissed = revenueKey(6_000, 10_000, asOf: "2026-09-01")
        XCTAssertEqual(dismissed, "2026-09/-40")
        XCTAssertEqual(revenueKey(5_800, 10_000, asOf: "2026-09-30"), dismissed)     // −42 %: same bucket, same month
        XCTAssertEqual(revenueKey(4_900, 10_000, asOf: "2026-09-30"), "2026-09/-50") // deeper
        XCTAssertEqual(revenueKey(6_000, 10_000, asOf: "2026-10-01"), "2026-10/-40") // next month
    }

    func testOverdueKeyStaysWhileWaitingAndMovesWithANewPurchase() {
        let rule = SignalRule(kind: "overdue", form: .overdueRhythm(factor: 2, minPurchases: 4, minDays: 30), weight: 25)
        let days = R.days(from: "2026-01-05", gaps: [30, 30, 30])   // last 05.04.2026
        let first = rule.evaluate(R.facts(asOf: R.day("2026-07-01")) { $0.purchaseDays = days })?.evidenceKey
        XCTAssertEqual(first, "2026-04-05")
        XCTAssertEqual(rule.evaluate(R.facts(asOf: R.day("2026-08-01")) { $0.purchaseDays = days })?.evidenceKey, first)
        let more = days + [R.day("2026-08-10")]
        XCTAssertNil(rule.evaluate(R.facts(asOf: R.day("2026-08-20")) { $0.purchaseDays = more }))
        XCTAssertEqual(rule.evaluate(R.facts(asOf: R.day("2026-11-20")) { $0.purchaseDays = more })?.evidenceKey, "2026-08-10")
    }

    func testComplaintAndFeedbackKeysMoveWithNewFactsOnly() {
        let complaints = SignalForm.openComplaints(atLeast: 1, minAgeDays: 0)
        let one = [ComplaintFact(id: 12, openedOn: R.day("2026-09-03"), category: .delivery)]
        let two = one + [ComplaintFact(id: 13, openedOn: R.day("2026-09-10"), category: .invoice)]
        XCTAssertEqual(complaints.evidence(R.facts { $0.complaints = one })?.key, "12")
        XCTAssertEqual(complaints.evidence(R.facts { $0.complaints = two })?.key, "12+13")

        let nps = SignalForm.feedbackScore(metric: .nps, comparison: .atMost, value: 6, days: 180, minAnswers: 1)
        let old = [FeedbackFact(day: R.day("2026-06-10"), nps: 4)]
        XCTAssertEqual(nps.evidence(R.facts { $0.feedback = old })?.key, "2026-06-10")
        // Time passing alone keeps the key; a new bad answer changes it.
        XCTAssertEqual(nps.evidence(R.facts(asOf: R.day("2026-10-01")) { $0.feedback = old })?.key, "2026-06-10")
        let newer = old + [FeedbackFact(day: R.day("2026-09-03"), nps: 2)]
        XCTAssertEqual(nps.evidence(R.facts { $0.feedback = newer })?.key, "2026-09-03")
    }

    private func signal(_ kind: String, _ key: String, _ status: SignalStatus, id: Int64) -> ChurnSignal {
        ChurnSignal(id: id, customerID: 1, kind: kind, evidence: "old evidence", evidenceKey: key, weight: 30,
                    status: status, openedOn: R.day("2026-09-01"))
    }

    private func finding(_ kind: String, _ key: String, evidence: String = "old evidence") -> SignalFinding {
        SignalFinding(kind: kind, form: .revenueChange, weight: 30, evidence: evidence, evidenceKey: key)
    }

    func testDismissedKeyIsNotRaisedAgainButANewKeyIs() {
        let existing = [signal("revenue_drop", "2026-09/-40", .dismissed, id: 1)]
        let same = SignalReconciliation.reconcile(existing: existing, findings: [finding("revenue_drop", "2026-09/-40")])
        XCTAssertEqual(same, SignalReconciliation())
        let newer = finding("revenue_drop", "2026-10/-40")
        let next = SignalReconciliation.reconcile(existing: existing, findings: [newer])
        XCTAssertEqual(next.open, [newer])
        XCTAssertEqual(next.resolve, [])
    }

    func testActiveSignalsAreRefreshedOrResolved() {
        let open = signal("revenue_drop", "2026-09/-40", .open, id: 1)
        let snoozed = signal("overdue", "2026-04-05", .snoozed, id: 2)
        let done = signal("low_nps", "2026-06-10", .resolved, id: 3)
        let deeper = finding("revenue_drop", "2026-09/-50", evidence: "deeper")
        let nps = finding("low_nps", "2026-06-10")
        let r = SignalReconciliation.reconcile(existing: [open, snoozed, done], findings: [deeper, nps])
        XCTAssertEqual(r.refresh, [SignalReconciliation.Refresh(signal: open, finding: deeper)])
        XCTAssertEqual(r.resolve, [snoozed])
        XCTAssertEqual(r.open, [nps])   // a resolved signal's facts came back: that is news

        let unchanged = SignalReconciliation.reconcile(existing: [open], findings: [finding("revenue_drop", "2026-09/-40")])
        XCTAssertEqual(unchanged, SignalReconciliation())
    }

    func testFindingBecomesAStoredSignal() {
        let s = finding("revenue_drop", "2026-09/-40").signal(customerID: 7, openedOn: R.asOf)
        XCTAssertEqual(s, ChurnSignal(customerID: 7, kind: "revenue_drop", evidence: "old evidence",
                                      evidenceKey: "2026-09/-40", weight: 30, status: .open, openedOn: R.asOf))
    }

    func testAFindingDismissedForTheSameEvidenceDoesNotCountTowardsTheRisk() {
        let findings = [finding("revenue_drop", "2026-09/-40"), finding("low_nps", "2026-09-03"), finding("overdue", "2026-06-01")]
        let existing = [signal("revenue_drop", "2026-09/-40", .dismissed, id: 1), signal("low_nps", "2026-08-01", .dismissed, id: 2),
                        signal("overdue", "2026-06-01", .dismissed, id: 3), signal("overdue", "2026-06-01", .snoozed, id: 4)]
        // The drop is a false alarm; the NPS has new evidence; the overdue one is snoozed under its kind:
        // put off until its day, it does not count either.
        XCTAssertEqual(SignalReconciliation.counted(existing: existing, findings: findings).map(\.kind), ["low_nps"])
        // An open signal of the kind counts, whatever was dismissed before.
        XCTAssertEqual(SignalReconciliation.counted(existing: existing + [signal("revenue_drop", "2026-09/-40", .open, id: 5)],
                                                    findings: findings).map(\.kind), ["revenue_drop", "low_nps"])
        XCTAssertEqual(SignalReconciliation.counted(existing: [], findings: findings), findings)
    }
}
