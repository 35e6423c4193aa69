import XCTest
@testable import LoyalCore

/// `revenue_change` and `p_alive`: the hard-fact forms over revenue and the value model.
final class RetentionRevenueSignalTests: XCTestCase {
    private func revenue(_ now: Money, _ before: Money, threshold: Double = -0.30, minPrevious: Money = R.eur(2_000),
                         asOf: Day = R.asOf) -> SignalEvidence? {
        SignalForms.revenueChange(R.facts(asOf: asOf) { $0.revenue12m = now; $0.revenuePrevious12m = before },
                                  threshold: threshold, minPrevious: minPrevious)
    }

    func testDropOfFortyPercentFires() {
        // (8 400 − 14 000) / 14 000 = −0.40
        let e = revenue(R.eur(8_400), R.eur(14_000))
        XCTAssertEqual(e?.text, "revenue 12 months 8.400 € vs 14.000 € before (−40 %)")
        XCTAssertEqual(e?.key, "2026-09/-40")
    }

    func testDropOfExactlyTheThresholdFires() {
        let e = revenue(R.eur(7_000), R.eur(10_000))
        XCTAssertEqual(e?.text, "revenue 12 months 7.000 € vs 10.000 € before (−30 %)")
        XCTAssertEqual(e?.key, "2026-09/-30")
    }

    func testSmallerDropDoesNotFire() {
        XCTAssertNil(revenue(R.eur(10_500), R.eur(14_000)))   // −25 %
        XCTAssertNil(revenue(R.eur(7_001), R.eur(10_000)))    // −29.99 %
        XCTAssertNil(revenue(R.eur(16_000), R.eur(14_000)))   // growth
    }

    func testSmallOrNewAccountsDoNotFire() {
        XCTAssertNil(revenue(.zero, R.eur(1_999)))            // below the minimum previous revenue
        XCTAssertNil(revenue(.zero, .zero))
        XCTAssertNil(revenue(R.eur(500), .zero))
        XCTAssertEqual(revenue(.zero, R.eur(2_000))?.text, "revenue 12 months 0 € vs 2.000 € before (−100 %)")
        XCTAssertEqual(revenue(.zero, R.eur(2_000))?.key, "2026-09/-100")
    }

    func testBucketTruncatesTowardZeroInTens() {
        // −43 % shares the −40 bucket; −52 % is in −50.
        XCTAssertEqual(revenue(R.eur(5_700), R.eur(10_000))?.text, "revenue 12 months 5.700 € vs 10.000 € before (−43 %)")
        XCTAssertEqual(revenue(R.eur(5_700), R.eur(10_000))?.key, "2026-09/-40")
        XCTAssertEqual(revenue(R.eur(4_800), R.eur(10_000))?.key, "2026-09/-50")
        XCTAssertEqual(revenue(R.eur(4_800), R.eur(10_000), asOf: R.day("2026-10-01"))?.key, "2026-10/-50")
    }

    func testCustomThreshold() {
        XCTAssertNil(revenue(R.eur(8_400), R.eur(14_000), threshold: -0.5))
        XCTAssertEqual(revenue(R.eur(6_000), R.eur(14_000), threshold: -0.5)?.text,
                       "revenue 12 months 6.000 € vs 14.000 € before (−57 %)")
    }

    func testPAliveBelowThresholdFires() {
        let f = R.facts {
            $0.pAlive = 0.183; $0.expectedPurchasesNextYear = 0.42
            $0.purchaseDays = [R.day("2025-11-20"), R.day("2026-03-02")]
        }
        let e = SignalForms.pAlive(f, below: 0.3)
        XCTAssertEqual(e?.text, "P(alive) 0,18, below 0,30; 0,4 purchases expected next year")
        XCTAssertEqual(e?.key, "2026-03-02")
    }

    func testPAliveWithoutExpectedPurchasesOrPurchases() {
        let f = R.facts { $0.pAlive = 0.05 }
        XCTAssertEqual(SignalForms.pAlive(f, below: 0.3)?.text, "P(alive) 0,05, below 0,30")
        XCTAssertEqual(SignalForms.pAlive(f, below: 0.3)?.key, "none")
    }

    func testPAliveAtOrAboveThresholdOrUnknownDoesNotFire() {
        XCTAssertNil(SignalForms.pAlive(R.facts { $0.pAlive = 0.3 }, below: 0.3))
        XCTAssertNil(SignalForms.pAlive(R.facts { $0.pAlive = 1.0 }, below: 0.3))   // BG/NBD one-time buyer
        XCTAssertNil(SignalForms.pAlive(R.facts(), below: 0.3))
    }

    func testEvidenceFollowsTheDisplayStyle() {
        let style = MoneyStyle(groupingSeparator: ",", decimalSeparator: ".", currencySymbol: "$", symbolFirst: true)
        let f = R.facts { $0.revenue12m = R.eur(8_400); $0.revenuePrevious12m = R.eur(14_000); $0.pAlive = 0.183 }
        let fmt = EvidenceFormat(money: style, dates: .iso)
        XCTAssertEqual(SignalForms.revenueChange(f, threshold: -0.3, minPrevious: .zero, fmt)?.text,
                       "revenue 12 months $8,400 vs $14,000 before (−40 %)")
        XCTAssertEqual(SignalForms.pAlive(f, below: 0.3, fmt)?.text, "P(alive) 0.18, below 0.30")
    }
}
