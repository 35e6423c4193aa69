import XCTest
@testable import LoyalCore

/// `discount_trend`: price negotiations getting harder, read off the discounts granted.
/// As of 15.09.2026 with 6 recent months (16.03.–15.09.2026) and the 12 before (16.03.2025–15.03.2026).
final class RetentionDiscountSignalTests: XCTestCase {
    private func line(_ day: String, _ amount: Int64, _ discount: Int64) -> DiscountFact {
        DiscountFact(day: R.day(day), amount: R.eur(amount), discount: R.eur(discount))
    }

    private func trend(_ lines: [DiscountFact], points: Double = 3) -> SignalEvidence? {
        SignalForms.discountTrend(R.facts { $0.discounts = lines }, recentMonths: 6, previousMonths: 12, points: points)
    }

    /// Recent: 300 € discount on 3 000 € list = 10 %; previous: 100 € on 4 000 € = 2,5 %.
    private let rising = [
        DiscountFact(day: R.day("2026-04-10"), amount: R.eur(900), discount: R.eur(100)),
        DiscountFact(day: R.day("2026-08-20"), amount: R.eur(1_800), discount: R.eur(200)),
        DiscountFact(day: R.day("2025-06-01"), amount: R.eur(1_960), discount: R.eur(40)),
        DiscountFact(day: R.day("2025-11-01"), amount: R.eur(1_940), discount: R.eur(60)),
    ]

    func testRisingDiscountFires() {
        let e = trend(rising)
        XCTAssertEqual(e?.text, "discount 10,0 % of list price in the last 6 months vs 2,5 % in the 12 months before (+7,5 points)")
        XCTAssertEqual(e?.key, "2026-08-20")
        XCTAssertNil(trend(rising, points: 8))
    }

    func testRiseOfExactlyThePointsFires() {
        // 5 % against 2 %.
        let e = trend([line("2026-05-01", 950, 50), line("2025-10-01", 980, 20)])
        XCTAssertEqual(e?.text, "discount 5,0 % of list price in the last 6 months vs 2,0 % in the 12 months before (+3,0 points)")
        XCTAssertNil(trend([line("2026-05-01", 950, 50), line("2025-10-01", 979, 21)]))   // 2,1 %: +2,9
    }

    func testStableOrFallingDiscountDoesNotFire() {
        XCTAssertNil(trend([line("2026-05-01", 900, 100), line("2025-10-01", 920, 80)]))   // 10 % vs 8 %
        XCTAssertNil(trend([line("2026-05-01", 980, 20), line("2025-10-01", 900, 100)]))
    }

    func testBothWindowsNeedPurchases() {
        XCTAssertNil(trend([line("2026-05-01", 900, 100)]))
        XCTAssertNil(trend([line("2025-10-01", 900, 100)]))
        XCTAssertNil(trend([]))
    }

    func testWindowEdges() {
        // 15.03.2026 belongs to the previous window; 15.03.2025 to neither; 16.09.2026 is after the as-of day.
        let lines = [line("2026-03-16", 900, 100), line("2026-03-15", 1_000, 0), line("2025-03-15", 500, 500),
                     line("2026-09-16", 0, 1_000)]
        XCTAssertEqual(trend(lines)?.text,
                       "discount 10,0 % of list price in the last 6 months vs 0,0 % in the 12 months before (+10,0 points)")
        XCTAssertEqual(trend(lines)?.key, "2026-03-16")
    }

    func testWeightedByAmountNotAveragedPerPurchase() {
        // Recent: 10 % on 9 000 € list and 50 % on 1 000 € → 1 400 / 10 000 = 14 %, not the 30 % a plain mean gives.
        let lines = [line("2026-05-01", 8_100, 900), line("2026-06-01", 500, 500), line("2025-10-01", 9_000, 1_000)]
        XCTAssertEqual(trend(lines)?.text,
                       "discount 14,0 % of list price in the last 6 months vs 10,0 % in the 12 months before (+4,0 points)")
    }

    func testDiscountFromAPurchase() {
        let p = Purchase(customerID: 1, day: R.asOf, amount: R.eur(90), discount: nil)
        XCTAssertEqual(DiscountFact(p), DiscountFact(day: R.asOf, amount: R.eur(90), discount: .zero))
    }
}
