import XCTest
@testable import LoyalCore

/// The default scoring matrix: revenue ×3, margin ×2, effort ×1, referral ×1, payment ×2,
/// growth market ×1, class ×2; at most 120 points; A from 80, B from 55, C from 30, else D.
final class RetentionWinbackMatrixTests: XCTestCase {
    private let matrix = WinbackMatrix.defaults

    private func score(revenue: Int64, margin: Int64?, effort: Int?, referral: Int?, payment: Int?, growth: Int?,
                       _ cls: CustomerClass) -> WinbackScore {
        matrix.score(WinbackInputs(revenue: R.eur(revenue), margin: margin.map { R.eur($0) }, effort: effort,
                                   referral: referral, payment: payment, growthMarket: growth, accountClass: cls))
    }

    func testAStrongFormerCustomer() {
        // 10×3 + 10×2 + 8×1 + 8×1 + 10×2 + 5×1 + 10×2 = 111
        let s = score(revenue: 60_000, margin: 12_000, effort: 2, referral: 4, payment: 5, growth: 3, .a)
        XCTAssertEqual(s.total, 111)
        XCTAssertEqual(s.maxTotal, 120)
        XCTAssertEqual(s.scoreClass.name, "A")
        XCTAssertEqual(s.scoreClass.effort,
                       "Personal visit by management within two weeks; tailored offer; agree the conditions for a return")
        XCTAssertEqual(s.lines.map(\.input), ["60.000 €", "12.000 €", "2/5", "4/5", "5/5", "3/5", "A"])
        XCTAssertEqual(s.lines.map(\.weighted), [30, 20, 8, 8, 20, 5, 20])
        XCTAssertEqual(s.assumed, [])
    }

    func testRevenueBandEdges() {
        func revenuePoints(_ cents: Int64) -> Int {
            matrix.score(WinbackInputs(revenue: Money(cents: cents), accountClass: .c)).lines[0].points
        }
        XCTAssertEqual(revenuePoints(5_000_000), 10)
        XCTAssertEqual(revenuePoints(4_999_999), 6)
        XCTAssertEqual(revenuePoints(1_000_000), 6)
        XCTAssertEqual(revenuePoints(999_999), 2)
        XCTAssertEqual(revenuePoints(0), 2)
    }

    func testClassEdgesOnFullScores() {
        // 30 + 20 + 10 + 0 + 0 + 0 + 20 = 80
        XCTAssertEqual(score(revenue: 50_000, margin: 10_000, effort: 1, referral: 1, payment: 1, growth: 1, .a).scoreClass.name, "A")
        // 30 + 20 + 10 + 0 + 10 + 5 + 4 = 79
        let b79 = score(revenue: 50_000, margin: 10_000, effort: 1, referral: 1, payment: 3, growth: 3, .c)
        XCTAssertEqual(b79.total, 79)
        XCTAssertEqual(b79.scoreClass.name, "B")
        // 30 + 12 + 5 + 0 + 4 + 0 + 4 = 55
        let b55 = score(revenue: 50_000, margin: 2_000, effort: 3, referral: 1, payment: 2, growth: 1, .c)
        XCTAssertEqual(b55.total, 55)
        XCTAssertEqual(b55.scoreClass.name, "B")
        // 30 + 20 + 0 + 0 + 0 + 0 + 4 = 54
        let c54 = score(revenue: 50_000, margin: 10_000, effort: 5, referral: 1, payment: 1, growth: 1, .c)
        XCTAssertEqual(c54.total, 54)
        XCTAssertEqual(c54.scoreClass.name, "C")
        // 18 + 4 + 2 + 0 + 0 + 2 + 4 = 30
        let c30 = score(revenue: 10_000, margin: 1_999, effort: 4, referral: 1, payment: 1, growth: 2, .c)
        XCTAssertEqual(c30.total, 30)
        XCTAssertEqual(c30.scoreClass.name, "C")
        // 6 + 12 + 5 + 0 + 0 + 2 + 4 = 29
        let d29 = score(revenue: 9_999, margin: 2_000, effort: 3, referral: 1, payment: 1, growth: 2, .c)
        XCTAssertEqual(d29.total, 29)
        XCTAssertEqual(d29.scoreClass.name, "D")
        XCTAssertEqual(d29.scoreClass.effort, "No active win-back: not our target group")
    }

    func testClassEdgesDirectly() {
        XCTAssertEqual([120, 80, 79, 55, 54, 30, 29, 0, -5].map { matrix.scoreClass($0).name },
                       ["A", "A", "B", "B", "C", "C", "D", "D", "D"])
    }

    func testMissingInputsAreAssumedAndMarked() {
        // Revenue 6×3, margin unknown 2×2, four judgements at 3: 5 + 5 + 5×2 + 5, class B 6×2 → 59
        let s = score(revenue: 20_000, margin: nil, effort: nil, referral: nil, payment: nil, growth: nil, .b)
        XCTAssertEqual(s.total, 59)
        XCTAssertEqual(s.scoreClass.name, "B")
        XCTAssertEqual(s.assumed, [.margin, .effort, .referral, .payment, .growthMarket])
        XCTAssertEqual(s.lines[1].input, "unknown")
        XCTAssertEqual(s.lines[2].input, "not judged (3/5 assumed)")
    }

    func testJudgementsOutsideTheScaleAreClamped() {
        let s = score(revenue: 0, margin: 0, effort: 0, referral: 9, payment: nil, growth: nil, .c)
        XCTAssertEqual(s.lines[2].points, 10)   // effort 0 → 1
        XCTAssertEqual(s.lines[3].points, 10)   // referral 9 → 5
        XCTAssertEqual(s.lines[2].input, "1/5")
    }

    func testCustomMatrix() {
        let m = WinbackMatrix(criteria: [WinbackCriterionRule(.revenue, weight: 1, .money(bands: [
            MoneyBand(from: R.eur(1_000), points: 5)], otherwise: 1))],
                              classes: [WinbackClass(name: "worth it", from: 5, effort: "call"),
                                        WinbackClass(name: "not", from: 2, effort: "nothing")])
        XCTAssertEqual(m.maxTotal, 5)
        XCTAssertEqual(m.score(WinbackInputs(revenue: R.eur(1_000), accountClass: .c)).scoreClass.name, "worth it")
        // 1 point is below every class: the last one takes it.
        XCTAssertEqual(m.score(WinbackInputs(revenue: R.eur(999), accountClass: .c)).scoreClass.name, "not")
        XCTAssertEqual(WinbackCriterion.allCases.map(\.label), ["revenue brought", "contribution margin", "effort",
                                                                 "referral value", "payment behaviour", "growth market", "class"])
    }
}
