import LoyalCore
import XCTest

final class CustomerValueReportTests: XCTestCase {
    func testCDNOWReportMatchesTheModelsPieceByPiece() throws {
        let summaries = CDNOWFixture.weeklySummaries
        let settings = CustomerValueSettings(unitDays: 7, predictionHorizon: 39)
        let report = try CustomerValueReport.fitAndScore(summaries, settings: settings)
        XCTAssertEqual(report.scores.count, 2_357)
        let p = report.bgnbd.parameters
        let gg = try XCTUnwrap(report.gammaGamma)
        XCTAssertEqual(p.r, 0.2426, accuracy: 1e-4)
        XCTAssertEqual(gg.parameters.p, 6.2496, accuracy: 1e-3)

        // Customer 1: x = 2, t_x = 30.43, T = 38.86 weeks, repeat purchases $29.73 and $14.96.
        let one = report.scores[0]
        XCTAssertEqual(one.frequency, 2)
        XCTAssertEqual(one.probabilityAlive, p.probabilityAlive(summaries[0].observation), accuracy: 1e-15)
        XCTAssertEqual(one.expectedPurchases, p.expectedPurchases(in: 39, given: summaries[0].observation), accuracy: 1e-12)
        let expectedSpend = gg.parameters.expectedSpend(frequency: 2, meanSpend: 22.345, fallback: .nan)
        XCTAssertEqual(one.expectedSpend, expectedSpend, accuracy: 1e-12)
        let valuation = CustomerValuation(parameters: p, unitDays: 7)
        XCTAssertEqual(one.valueCents, valuation.valueCents(summaries[0].observation, expectedSpend: expectedSpend))

        // One-time buyers are "alive" by construction but expect few purchases.
        let oneTimers = report.scores.filter { $0.frequency == 0 }
        XCTAssertTrue(oneTimers.allSatisfy { $0.probabilityAlive == 1 })
        XCTAssertEqual(oneTimers.first?.expectedSpend ?? 0, gg.parameters.populationMeanSpend!, accuracy: 1e-12)

        // Margins where they exist: half the value for customer 1 only.
        var margins = [Double?](repeating: nil, count: summaries.count)
        margins[0] = 0.5
        let withMargin = CustomerValueReport.score(summaries, bgnbd: p, gammaGamma: gg, settings: settings,
                                                   marginRatios: margins)
        XCTAssertEqual(Double(withMargin[0].valueCents), Double(one.valueCents) / 2, accuracy: 0.5)
        XCTAssertEqual(withMargin[1].valueCents, report.scores[1].valueCents)
    }

    func testRecoversParametersOfSyntheticCustomers() throws {
        let base = SyntheticCustomerBase()
        var stream = PurchaseHistoryStream<Int>(asOfDay: base.asOfDay, unitDays: 1)
        var summaries: [PurchaseHistorySummary] = []
        for p in base.purchases(customers: 3_000) {
            if let done = stream.add(customer: p.customer, day: p.day, cents: p.cents) { summaries.append(done.summary) }
        }
        if let done = stream.finish() { summaries.append(done.summary) }
        XCTAssertEqual(summaries.count, 3_000)

        let settings = CustomerValueSettings(unitDays: 1, predictionHorizon: 365, valueHorizonYears: 2)
        let report = try CustomerValueReport.fitAndScore(summaries, settings: settings)
        let fitted = report.bgnbd.parameters, truth = base.bgnbd
        XCTAssertTrue(report.bgnbd.converged)
        // 3,000 customers pin the rate distribution well, the dropout distribution less so.
        XCTAssertEqual(fitted.r / fitted.alpha, truth.r / truth.alpha, accuracy: 0.1 * truth.r / truth.alpha)
        XCTAssertEqual(fitted.r, truth.r, accuracy: 0.25 * truth.r)
        XCTAssertEqual(fitted.a / (fitted.a + fitted.b), truth.a / (truth.a + truth.b), accuracy: 0.3 * truth.a / (truth.a + truth.b))
        let gg = try XCTUnwrap(report.gammaGamma).parameters
        XCTAssertEqual(gg.p * gg.gamma / (gg.q - 1), 60, accuracy: 6)
        XCTAssertTrue(report.scores.allSatisfy { $0.valueCents >= 0 && $0.probabilityAlive > 0 && $0.probabilityAlive <= 1 })
    }

    func testDegenerateCustomerBasesGiveFiniteScoresOrAnError() throws {
        func oneTimer(_ first: Int) -> PurchaseHistorySummary {
            PurchaseHistorySummary(firstPurchaseDay: first, lastPurchaseDay: first, asOfDay: 100,
                                   purchaseDays: 1, totalCents: 1_000, repeatCents: 0)
        }
        let settings = CustomerValueSettings(unitDays: 1, predictionHorizon: 30)
        XCTAssertThrowsError(try CustomerValueReport.fitAndScore([], settings: settings))
        // Everybody bought for the first time on the as-of day: no information at all.
        XCTAssertThrowsError(try CustomerValueReport.fitAndScore([oneTimer(100), oneTimer(100)], settings: settings))
        // Nobody ever came back: no Gamma-Gamma fit, next to no expected purchases.
        let noRepeats = try CustomerValueReport.fitAndScore((0..<5).map { oneTimer($0 * 10) }, settings: settings)
        XCTAssertNil(noRepeats.gammaGamma)
        for score in noRepeats.scores {
            XCTAssertEqual(score.probabilityAlive, 1)
            XCTAssertEqual(score.expectedSpend, 10) // own first purchase
            XCTAssertTrue(score.expectedPurchases >= 0 && score.expectedPurchases < 1e-3)
        }
        // A single loyal customer.
        let single = try CustomerValueReport.fitAndScore([PurchaseHistorySummary(
            firstPurchaseDay: 0, lastPurchaseDay: 90, asOfDay: 100, purchaseDays: 10,
            totalCents: 10_000, repeatCents: 9_000)], settings: settings)
        let score = try XCTUnwrap(single.scores.first)
        XCTAssertTrue(score.expectedPurchases.isFinite && score.valueCents > 0)
    }
}
