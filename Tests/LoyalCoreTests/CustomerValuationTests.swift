@testable import LoyalCore
import XCTest

final class CustomerValuationTests: XCTestCase {
    let cdnow = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    let customerOne = BGNBDObservation(frequency: 2, recency: 30.43, age: 38.86)

    func testYearlyPeriodsOverThreeYearsByHand() {
        // Weeks, one period per year, 3 years at 10 %, $20 per purchase.
        // E[Y(t)] at t = 1, 2, 3 years (52.18, 104.36, 156.54 weeks), mpmath as in BGNBDModelTests:
        //   1.5630996522916257, 2.6759594003013333, 3.5602155405401019
        // value = 20 · (1.56310/1.1 + (2.67596 − 1.56310)/1.21 + (3.56022 − 2.67596)/1.331)
        //       = 20 · (1.42100 + 0.91972 + 0.66436) = 60.1015 → 6010 cents (mpmath: 60.101464197179776).
        let valuation = CustomerValuation(parameters: cdnow, unitDays: 7, horizonYears: 3,
                                          periodsPerYear: 1, yearlyDiscountRate: 0.10)
        let year: Double = 365.25 / 7
        XCTAssertEqual(valuation.periodEnds, [year, 2 * year, 3 * year])
        XCTAssertEqual(valuation.discountedExpectedPurchases(customerOne) * 20, 60.101464197179776, accuracy: 1e-11)
        XCTAssertEqual(valuation.valueCents(customerOne, expectedSpend: 20), 6_010)
        // Margin instead of revenue: 25 % of 60.10 = 15.03.
        XCTAssertEqual(valuation.valueCents(customerOne, expectedSpend: 20, marginRatio: 0.25), 1_503)
    }

    func testWithoutDiscountingTheSumTelescopesToTheExpectedPurchases() {
        let valuation = CustomerValuation(parameters: cdnow, unitDays: 7, horizonYears: 10, yearlyDiscountRate: 0)
        let tenYears = 10 * 365.25 / 7
        XCTAssertEqual(valuation.discountedExpectedPurchases(customerOne),
                       cdnow.expectedPurchases(in: tenYears, given: customerOne), accuracy: 1e-12)
    }

    func testDefaultsAreMonthlyOverTenYearsAtEightPercent() {
        let valuation = CustomerValuation(parameters: cdnow, unitDays: 1)
        XCTAssertEqual(valuation.periodEnds.count, 120)
        XCTAssertEqual(valuation.periodEnds[0], 365.25 / 12, accuracy: 1e-12)
        XCTAssertEqual(valuation.discountFactors[11], 1 / 1.08, accuracy: 1e-15)
        XCTAssertEqual(valuation.discountFactors[119], pow(1.08, -10), accuracy: 1e-15)
    }

    func testCentsRounding() {
        XCTAssertEqual(CustomerValuation.cents(12.344), 1_234)
        XCTAssertEqual(CustomerValuation.cents(12.346), 1_235)
        XCTAssertEqual(CustomerValuation.cents(0), 0)
        XCTAssertEqual(CustomerValuation.cents(.nan), 0)
        XCTAssertEqual(CustomerValuation.cents(1e300), .max)
    }
}
