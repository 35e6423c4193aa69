@testable import LoyalCore
import XCTest

final class GammaGammaTests: XCTestCase {
    let cdnow = GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44)

    func testExpectedSpendIsWeightedAverageOfPopulationAndCustomerMean() {
        // (γ + m x) p / (p x + q − 1) = (15.44 + 60) · 6.25 / (12.5 + 2.74) = 471.5 / 15.24.
        XCTAssertEqual(cdnow.expectedSpend(frequency: 2, meanSpend: 30, fallback: .nan), 471.5 / 15.24, accuracy: 1e-12)
        // Population mean p γ / (q − 1) = 96.5 / 2.74, also the x = 0 answer.
        XCTAssertEqual(cdnow.populationMeanSpend!, 96.5 / 2.74, accuracy: 1e-12)
        XCTAssertEqual(cdnow.expectedSpend(frequency: 0, meanSpend: 0, fallback: .nan), 96.5 / 2.74, accuracy: 1e-12)
        // Many purchases: the customer's own mean dominates, (15.44 + 120000) · 6.25 / (62500 + 2.74) = 12.001.
        XCTAssertEqual(cdnow.expectedSpend(frequency: 10_000, meanSpend: 12, fallback: .nan), 750_096.5 / 62_502.74, accuracy: 1e-12)
    }

    func testQAtMostOneHasNoPopulationMeanAndFallsBack() {
        let heavyTailed = GammaGammaParameters(p: 0.5, q: 0.8, gamma: 10)
        XCTAssertNil(heavyTailed.populationMeanSpend)
        // x = 0: p·0 + q − 1 < 0 → fallback.
        XCTAssertEqual(heavyTailed.expectedSpend(frequency: 0, meanSpend: 0, fallback: 42), 42)
        // x = 1: 0.5 + 0.8 − 1 = 0.3 > 0 → still defined: (10 + 20) · 0.5 / 0.3 = 50.
        XCTAssertEqual(heavyTailed.expectedSpend(frequency: 1, meanSpend: 20, fallback: 42), 50, accuracy: 1e-12)
        let fit = GammaGammaFit(parameters: heavyTailed, logLikelihood: 0, customerCount: 1,
                                observedMeanSpend: 33, iterations: 0, converged: true)
        XCTAssertEqual(fit.expectedSpend(frequency: 0, meanSpend: 0), 33)
        let tiny = GammaGammaFit(parameters: GammaGammaParameters(p: 0.01, q: 0.5, gamma: 10), logLikelihood: 0,
                                 customerCount: 1, observedMeanSpend: 33, iterations: 0, converged: true)
        XCTAssertEqual(tiny.expectedSpend(frequency: 3, meanSpend: 7), 7) // 0.03 + 0.5 − 1 < 0: own mean
    }

    func testLogLikelihoodOfOneCustomer() {
        // log of Γ(px+q)/(Γ(px)Γ(q)) γ^q m^(px−1) x^(px) / (γ+mx)^(px+q) at x = 2, m = 30,
        // mpmath 40 digits: −3.8470479256227244.
        XCTAssertEqual(cdnow.logLikelihood(GammaGammaObservation(frequency: 2, meanSpend: 30)),
                       -3.8470479256227244, accuracy: 1e-12)
    }

    func testAnalyticGradientMatchesFiniteDifferences() {
        let data = GammaGammaLikelihoodData(CDNOWFixture.weeklySummaries.filter { $0.frequency > 0 }.map {
            GammaGammaObservation(frequency: $0.frequency, meanSpend: $0.meanRepeatSpend)
        })
        let theta = [log(3.0), log(2.0), log(20.0)]
        let gradient = data.negativeMeanLogLikelihood(theta).gradient
        for i in 0..<3 {
            var up = theta, down = theta
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric = (data.negativeMeanLogLikelihood(up).value - data.negativeMeanLogLikelihood(down).value) / 2e-6
            XCTAssertEqual(gradient[i], numeric, accuracy: 1e-7, "component \(i)")
        }
    }

    func testFitSkipsCustomersWithoutInformationAndRejectsGarbage() throws {
        XCTAssertThrowsError(try GammaGammaParameters.fit([GammaGammaObservation(frequency: 0, meanSpend: 0)]))
        XCTAssertThrowsError(try GammaGammaParameters.fit([GammaGammaObservation(frequency: 1, meanSpend: .nan)]))
        let fit = try GammaGammaParameters.fit([
            GammaGammaObservation(frequency: 0, meanSpend: 0),
            GammaGammaObservation(frequency: 2, meanSpend: 0),
            GammaGammaObservation(frequency: 1, meanSpend: 10),
            GammaGammaObservation(frequency: 3, meanSpend: 20),
            GammaGammaObservation(frequency: 2, meanSpend: 35),
        ])
        XCTAssertEqual(fit.customerCount, 3)
        XCTAssertEqual(fit.observedMeanSpend, 65.0 / 3, accuracy: 1e-12)
    }
}
