import LoyalCore
import XCTest

final class PurchaseHistorySummaryTests: XCTestCase {
    func testSameDayPurchasesAreOnePurchaseAndFirstDayIsNotARepeat() throws {
        // Days 10 (two receipts), 17, 17, 31 and one after as-of (ignored).
        let purchases: [(day: Int, cents: Int64)] = [
            (17, 1_000), (10, 500), (31, 4_000), (10, 250), (17, 500), (60, 99_999),
        ]
        let s = try XCTUnwrap(PurchaseHistorySummary.summarize(purchases, asOfDay: 45, unitDays: 7))
        XCTAssertEqual(s.purchaseDays, 3)
        XCTAssertEqual(s.frequency, 2)
        XCTAssertEqual(s.firstPurchaseDay, 10)
        XCTAssertEqual(s.lastPurchaseDay, 31)
        XCTAssertEqual(s.recency, 3, accuracy: 1e-15)      // 21 days
        XCTAssertEqual(s.age, 5, accuracy: 1e-15)          // 35 days
        XCTAssertEqual(s.totalCents, 6_250)
        XCTAssertEqual(s.repeatCents, 5_500)
        XCTAssertEqual(s.meanRepeatSpend, 27.5, accuracy: 1e-12) // (15.00 + 40.00) / 2
        XCTAssertEqual(s.meanSpend, 62.5 / 3, accuracy: 1e-12)
        XCTAssertEqual(s.observation(unitDays: 1), BGNBDObservation(frequency: 2, recency: 21, age: 35))
    }

    func testOneTimeBuyerAndCustomerWithoutPurchasesByAsOf() throws {
        let single = try XCTUnwrap(PurchaseHistorySummary.summarize([(5, 1_234), (5, 1)], asOfDay: 5))
        XCTAssertEqual(single.observation, BGNBDObservation(frequency: 0, recency: 0, age: 0))
        XCTAssertEqual(single.meanRepeatSpend, 0)
        XCTAssertEqual(single.totalCents, 1_235)
        XCTAssertNil(PurchaseHistorySummary.summarize([(6, 100)], asOfDay: 5))
        XCTAssertNil(PurchaseHistorySummary.summarize([], asOfDay: 5))
    }

    func testStreamSplitsSortedCursorIntoCustomers() {
        let rows: [(String, Int, Int64)] = [
            ("a", 1, 100), ("a", 1, 50), ("a", 3, 200),
            ("b", 9, 700),             // after as-of: b has no summary
            ("c", 2, 10), ("c", 8, 30),
        ]
        var stream = PurchaseHistoryStream<String>(asOfDay: 8)
        var out: [(String, PurchaseHistorySummary)] = []
        for (id, day, cents) in rows {
            if let done = stream.add(customer: id, day: day, cents: cents) { out.append(done) }
        }
        if let done = stream.finish() { out.append(done) }
        XCTAssertEqual(out.map(\.0), ["a", "c"])
        XCTAssertEqual(out[0].1.observation, BGNBDObservation(frequency: 1, recency: 2, age: 7))
        XCTAssertEqual(out[0].1.repeatCents, 200)
        XCTAssertEqual(out[1].1.observation, BGNBDObservation(frequency: 1, recency: 6, age: 6))
        XCTAssertEqual(out[1].1.meanRepeatSpend, 0.30, accuracy: 1e-15)
        XCTAssertNil(stream.finish())
    }

    func testCDNOWCalibrationSummaries() {
        let summaries = CDNOWFixture.weeklySummaries
        // Figures of the data set in the BG/NBD paper: 2,357 customers, 2,457 repeat purchases.
        XCTAssertEqual(summaries.count, 2_357)
        XCTAssertEqual(summaries.reduce(0) { $0 + $1.frequency }, 2_457)
        XCTAssertEqual(summaries.filter { $0.frequency > 0 }.count, 946)
        // Customer 1: 1997-01-01, 01-18, 08-02 in calibration → x = 2, t_x = 213/7, T = 272/7
        // (30.43 and 38.86 weeks in the paper's data).
        XCTAssertEqual(summaries[0].frequency, 2)
        XCTAssertEqual(summaries[0].recency, 213.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(summaries[0].age, 272.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(summaries[0].repeatCents, 2_973 + 1_496)
    }
}
