import XCTest
@testable import LoyalCore

/// `overdue_rhythm` (the customer's own rhythm) and `single_category` (no cross-selling in years).
final class RetentionRhythmSignalTests: XCTestCase {
    /// 13 purchase days, 12 gaps; sorted 28 29 30 30 31 31 31 31 31 32 33 35 → median 31.
    private let monthly = R.days(from: "2025-06-01", gaps: [28, 30, 31, 31, 31, 31, 31, 32, 33, 35, 29, 30])

    private func overdue(_ days: [Day], asOf: Day, factor: Double = 2, minPurchases: Int = 4,
                         minDays: Int = 30) -> SignalEvidence? {
        SignalForms.overdueRhythm(R.facts(asOf: asOf) { $0.purchaseDays = days }, factor: factor,
                                  minPurchases: minPurchases, minDays: minDays)
    }

    func testFixtureEndsWhereTheNumbersSay() {
        XCTAssertEqual(monthly.count, 13)
        XCTAssertEqual(monthly.last, R.day("2026-06-08"))   // 2025-06-01 + 372 days
    }

    func testOverdueAgainstOwnMedianFires() {
        // 08.06. → 13.09.2026 = 22 + 31 + 31 + 13 = 97 days > 2 × 31
        let e = overdue(monthly, asOf: R.day("2026-09-13"))
        XCTAssertEqual(e?.text, "no purchase for 97 days; usually every 31 days (median of 12 intervals)")
        XCTAssertEqual(e?.key, "2026-06-08")
    }

    func testFiresOnlyAfterFactorTimesMedian() {
        XCTAssertNil(overdue(monthly, asOf: R.day("2026-08-09")))          // 62 days = 2 × 31: not more
        XCTAssertEqual(overdue(monthly, asOf: R.day("2026-08-10"))?.text,
                       "no purchase for 63 days; usually every 31 days (median of 12 intervals)")
        XCTAssertNil(overdue(monthly, asOf: R.day("2026-08-10"), factor: 3))
    }

    func testTooFewPurchasesDoNotFire() {
        let three = R.days(from: "2026-01-01", gaps: [10, 10])
        XCTAssertNil(overdue(three, asOf: R.day("2026-09-01")))
        XCTAssertEqual(overdue(three, asOf: R.day("2026-09-01"), minPurchases: 3)?.text,
                       "no purchase for 223 days; usually every 10 days (median of 2 intervals)")
        XCTAssertNil(overdue([R.day("2026-01-01")], asOf: R.day("2026-09-01"), minPurchases: 1))
    }

    func testWeeklyBuyerIsNotChasedBeforeMinimumDays() {
        let weekly = R.days(from: "2026-07-01", gaps: [7, 7, 7, 7])     // last 29.07.2026
        XCTAssertNil(overdue(weekly, asOf: R.day("2026-08-27")))       // 29 days
        XCTAssertEqual(overdue(weekly, asOf: R.day("2026-08-28"))?.text,
                       "no purchase for 30 days; usually every 7 days (median of 4 intervals)")
    }

    func testEvenCountMedianIsTheMeanOfTheMiddleTwo() {
        let days = R.days(from: "2026-01-01", gaps: [30, 31, 40, 20])  // sorted 20 30 31 40 → 30.5
        XCTAssertEqual(days.last, R.day("2026-05-02"))
        XCTAssertEqual(overdue(days, asOf: R.day("2026-07-03"))?.text,  // 62 days > 2 × 30.5
                       "no purchase for 62 days; usually every 30,5 days (median of 4 intervals)")
        XCTAssertNil(overdue(days, asOf: R.day("2026-07-02")))         // 61 days = 2 × 30.5
    }

    func testPurchasesAfterTheAsOfDayAreIgnored() {
        let days = monthly + [R.day("2026-09-20")]
        XCTAssertEqual(overdue(days, asOf: R.day("2026-09-13"))?.key, "2026-06-08")
    }

    private func single(since: String?, categories: [String], first: String? = nil, years: Int = 3) -> SignalEvidence? {
        SignalForms.singleCategory(R.facts {
            $0.customerSince = since.map { R.day($0) }; $0.categories = categories
            $0.firstPurchase = first.map { R.day($0) }
        }, years: years)
    }

    func testSingleCategoryForYearsFires() {
        let e = single(since: "2020-03-01", categories: ["Verpackung", "Verpackung"])
        XCTAssertEqual(e?.text, "customer for 6 years, bought only from one category (Verpackung)")
        XCTAssertEqual(e?.key, "Verpackung")
    }

    func testYearsAreFullYears() {
        XCTAssertEqual(single(since: "2023-09-15", categories: ["Hygiene"])?.text,
                       "customer for 3 years, bought only from one category (Hygiene)")
        XCTAssertNil(single(since: "2023-09-16", categories: ["Hygiene"]))   // 2 years and 364 days
    }

    func testFirstPurchaseStandsInForCustomerSince() {
        XCTAssertEqual(single(since: nil, categories: ["Hygiene"], first: "2021-01-10")?.text,
                       "customer for 5 years, bought only from one category (Hygiene)")
        XCTAssertNil(single(since: nil, categories: ["Hygiene"]))
    }

    func testCrossSellingOrNothingBoughtDoesNotFire() {
        XCTAssertNil(single(since: "2018-01-01", categories: ["Verpackung", "Hygiene"]))
        XCTAssertNil(single(since: "2018-01-01", categories: []))
        XCTAssertEqual(single(since: "2018-01-01", categories: ["", "Hygiene"])?.key, "Hygiene")
    }
}
