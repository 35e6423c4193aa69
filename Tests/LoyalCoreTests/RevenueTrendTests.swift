import XCTest
@testable import LoyalCore

final class RevenueTrendTests: XCTestCase {
    private func trend(_ current: Int64, _ previous: Int64) -> RevenueTrend {
        RevenueTrend.of(current: Money(cents: current * 100), previous: Money(cents: previous * 100))
    }

    func testBands() {
        XCTAssertEqual(trend(1101, 1000), .up)
        XCTAssertEqual(trend(1100, 1000), .flat)   // exactly +10 % is still flat
        XCTAssertEqual(trend(1000, 1000), .flat)
        XCTAssertEqual(trend(900, 1000), .flat)    // exactly −10 %
        XCTAssertEqual(trend(899, 1000), .down)
        XCTAssertEqual(trend(0, 1000), .down)
        XCTAssertEqual(trend(-50, 1000), .down)
    }

    func testWithoutPreviousRevenue() {
        XCTAssertEqual(trend(500, 0), .new)
        XCTAssertEqual(trend(0, 0), .none)
        XCTAssertEqual(trend(500, -20), .new)
        XCTAssertEqual(trend(-5, 0), .none)
    }

    func testCustomBand() {
        XCTAssertEqual(RevenueTrend.of(current: Money(cents: 10_400), previous: Money(cents: 10_000), flatBand: 0.03), .up)
        XCTAssertEqual(RevenueTrend.of(current: Money(cents: 10_400), previous: Money(cents: 10_000), flatBand: 0.05), .flat)
    }

    func testMarks() {
        XCTAssertEqual(RevenueTrend.up.mark, "▲")
        XCTAssertEqual(RevenueTrend.down.mark, "▼")
        XCTAssertEqual(RevenueTrend.flat.mark, "=")
        XCTAssertEqual(RevenueTrend.new.mark, "+")
        XCTAssertEqual(RevenueTrend.none.mark, " ")
    }
}
