import XCTest
@testable import LoyalCore

/// The panel's order: risk × customer value, with class stand-ins for unknown values.
final class RetentionRankingTests: XCTestCase {
    private func item(_ id: Int64, _ cls: CustomerClass, risk: Int, value: Int64?) -> RiskRankInput {
        RiskRankInput(customerID: id, risk: risk, value: value.map { R.eur($0) }, customerClass: cls)
    }

    private func order(_ items: [RiskRankInput]) -> [Int64] { RiskRanking.order(items).map(\.input.customerID) }

    func testExpectedLossDecides() {
        // 40 × 100 000 > 80 × 20 000 > 90 × 5 000
        XCTAssertEqual(order([item(3, .c, risk: 90, value: 5_000), item(2, .b, risk: 80, value: 20_000),
                              item(1, .a, risk: 40, value: 100_000)]), [1, 2, 3])
    }

    func testAtTheSameRiskACustomerOutranksCCustomer() {
        XCTAssertEqual(order([item(2, .c, risk: 60, value: 5_000), item(1, .a, risk: 60, value: 50_000)]), [1, 2])
    }

    func testUnknownAValueStandsInAboveEveryLowerClassValue() {
        // A stand-in: median of A values (30 000), at least the best C (20 000) → 30 000.
        // C stand-in (unused here): lower middle of 8 000 and 20 000 = 8 000, capped at 30 000.
        let items = [item(1, .a, risk: 60, value: nil), item(2, .c, risk: 60, value: 8_000),
                     item(3, .c, risk: 30, value: 20_000), item(4, .a, risk: 50, value: 30_000)]
        XCTAssertEqual(RiskRanking.standIns(items), [R.eur(30_000), R.eur(20_000), R.eur(8_000)])
        let ranks = RiskRanking.order(items)
        // 60 × 30 000 = 1 800 000; 50 × 30 000 = 1 500 000; 30 × 20 000 = 600 000; 60 × 8 000 = 480 000
        XCTAssertEqual(ranks.map(\.input.customerID), [1, 4, 3, 2])
        XCTAssertEqual(ranks[0].rankingValue, R.eur(30_000))
        XCTAssertTrue(ranks[0].valueIsStandIn)
        XCTAssertEqual(ranks[0].priority, 60 * 3_000_000)
        XCTAssertFalse(ranks[1].valueIsStandIn)
    }

    func testUnknownCValueIsCappedBelowEveryHigherClassValue() {
        // The model values one C customer (90 000) above the A customer (4 000). The unknown C
        // would stand in at 90 000, but is capped at 4 000 and loses the tie to A by class.
        let items = [item(1, .a, risk: 50, value: 4_000), item(2, .c, risk: 50, value: nil),
                     item(3, .c, risk: 10, value: 90_000)]
        let ranks = RiskRanking.order(items)
        XCTAssertEqual(ranks.map(\.input.customerID), [3, 1, 2])
        XCTAssertEqual(ranks[2].rankingValue, R.eur(4_000))
        XCTAssertEqual(ranks[1].priority, ranks[2].priority)
    }

    func testWithoutAnyValuesRiskDecidesThenClass() {
        let items = [item(1, .c, risk: 30, value: nil), item(2, .b, risk: 30, value: nil),
                     item(3, .c, risk: 90, value: nil), item(4, .a, risk: 30, value: nil)]
        XCTAssertEqual(RiskRanking.standIns(items), [.zero, .zero, .zero])
        XCTAssertEqual(order(items), [3, 4, 2, 1])
    }

    func testClassWithoutKnownValuesGetsTheRaiseOnly() {
        // No B values: B stands in at the best C (12 000), below the lowest A (40 000).
        let items = [item(1, .a, risk: 10, value: 40_000), item(2, .c, risk: 10, value: 12_000),
                     item(3, .b, risk: 10, value: nil)]
        XCTAssertEqual(RiskRanking.standIns(items)[1], R.eur(12_000))
        XCTAssertEqual(order(items), [1, 3, 2])   // B ties with C on 120 000 and wins by class
    }

    func testNegativeValuesCountAsZeroAndIdsBreakFullTies() {
        XCTAssertEqual(order([item(9, .b, risk: 40, value: -500), item(5, .b, risk: 40, value: 0),
                              item(7, .b, risk: 40, value: 10)]), [7, 5, 9])
    }
}
