import XCTest
@testable import LoyalCore

final class ABCClassificationTests: XCTestCase {
    private func euros(_ list: [(Int64, Int64)]) -> [(id: Int64, revenue: Money)] {
        list.map { (id: $0.0, revenue: Money(cents: $0.1 * 100)) }
    }

    func testTenCustomersAtEightyAndNinetyFivePercent() {
        // Total 10 000 €. Cumulative share before each customer (largest first):
        // 1: 0 %, 2: 50 %, 3: 70 % → A; 4: 80 %, 5: 88 %, 6: 93 % → B; 7: 96 %, 8: 98 %, 9: 99 % → C.
        let input = euros([(4, 800), (1, 5000), (10, 0), (7, 200), (2, 2000), (9, 100), (3, 1000), (5, 500),
                           (8, 100), (6, 300)])
        let classes = ABCClassification.classify(input)
        XCTAssertEqual(classes, [1: .a, 2: .a, 3: .a, 4: .b, 5: .b, 6: .b, 7: .c, 8: .c, 9: .c, 10: .c])
    }

    func testCustomerCrossingAThresholdStaysInTheUpperClass() {
        // Total 10 000 €: 4000 + 3000 = 70 % before customer 3, who takes the sum to 85 % and is still A.
        // Customer 6 starts exactly at 95 % and is C.
        let input = euros([(1, 4000), (2, 3000), (3, 1500), (4, 600), (5, 400), (6, 200), (7, 150), (8, 100),
                           (9, 50), (10, 0)])
        let classes = ABCClassification.classify(input)
        XCTAssertEqual(classes, [1: .a, 2: .a, 3: .a, 4: .b, 5: .b, 6: .c, 7: .c, 8: .c, 9: .c, 10: .c])
    }

    func testZeroAndNegativeRevenueAreAlwaysC() {
        let classes = ABCClassification.classify(euros([(1, 100), (2, 0), (3, -50)]))
        XCTAssertEqual(classes, [1: .a, 2: .c, 3: .c])
        XCTAssertEqual(ABCClassification.classify(euros([(1, 0), (2, 0)])), [1: .c, 2: .c])
        XCTAssertEqual(ABCClassification.classify(euros([(1, -10)])), [1: .c])
        XCTAssertEqual(ABCClassification.classify([]), [:])
    }

    func testNegativeRevenueDoesNotShrinkTheTotal() {
        // Total counts positives only (1000 €): 2 starts at 80 % → B, 3 at 90 % → B.
        let classes = ABCClassification.classify(euros([(1, 800), (2, 100), (3, 100), (4, -500)]))
        XCTAssertEqual(classes, [1: .a, 2: .b, 3: .b, 4: .c])
    }

    func testTiesAreBrokenByIDWhateverTheInputOrder() {
        let thresholds = ClassThresholds(a: 0.8, b: 0.85)
        // 1: 800 € → A; 3 and 5 both 100 €: the lower id goes first (starts at 80 % → B), 5 starts at 90 % → C.
        let forward = ABCClassification.classify(euros([(1, 800), (3, 100), (5, 100)]), thresholds: thresholds)
        let backward = ABCClassification.classify(euros([(5, 100), (3, 100), (1, 800)]), thresholds: thresholds)
        XCTAssertEqual(forward, [1: .a, 3: .b, 5: .c])
        XCTAssertEqual(backward, forward)
    }

    func testCustomThresholds() {
        // 50/80: 1 (0 %) A, 2 (40 %) A, 3 (70 %) B, 4 (90 %) C.
        let classes = ABCClassification.classify(euros([(1, 400), (2, 300), (3, 200), (4, 100)]),
                                                 thresholds: ClassThresholds(a: 0.5, b: 0.8))
        XCTAssertEqual(classes, [1: .a, 2: .a, 3: .b, 4: .c])
    }

    func testClassOrder() {
        XCTAssertLessThan(CustomerClass.a, .b)
        XCTAssertLessThan(CustomerClass.b, .c)
    }
}
