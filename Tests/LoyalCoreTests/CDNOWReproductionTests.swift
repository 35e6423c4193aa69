import LoyalCore
import XCTest

/// The published CDNOW results (Tests/Fixtures/cdnow/README.md).
final class CDNOWReproductionTests: XCTestCase {
    func testBGNBDFitReproducesFaderHardieLee2005() throws {
        let fit = try BGNBDParameters.fit(CDNOWFixture.weeklySummaries.map(\.observation))
        XCTAssertTrue(fit.converged)
        XCTAssertEqual(fit.customerCount, 2_357)
        // Published: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
        XCTAssertEqual(fit.parameters.r, 0.243, accuracy: 0.0005)
        XCTAssertEqual(fit.parameters.alpha, 4.414, accuracy: 0.0005)
        XCTAssertEqual(fit.parameters.a, 0.793, accuracy: 0.0005)
        XCTAssertEqual(fit.parameters.b, 2.426, accuracy: 0.0005)
        XCTAssertEqual(fit.logLikelihood, -9582.4, accuracy: 0.05)
        // Unrounded optimum, confirmed with scipy.optimize (Nelder-Mead, tolerance 1e-10)
        // on the same summaries: 0.2425945, 4.413602, 0.7929221, 2.425907, −9582.429207.
        XCTAssertEqual(fit.parameters.r, 0.2425945, accuracy: 1e-6)
        XCTAssertEqual(fit.parameters.alpha, 4.413602, accuracy: 1e-5)
        XCTAssertEqual(fit.parameters.a, 0.7929221, accuracy: 1e-6)
        XCTAssertEqual(fit.parameters.b, 2.425907, accuracy: 1e-5)
        XCTAssertEqual(fit.logLikelihood, -9582.429207, accuracy: 1e-5)
    }

    func testFitInDaysIsTheSameModelWithAlphaTimesSeven() throws {
        let weeks = try BGNBDParameters.fit(CDNOWFixture.weeklySummaries.map(\.observation))
        let days = try BGNBDParameters.fit(CDNOWFixture.summaries(unitDays: 1).map(\.observation))
        XCTAssertEqual(days.parameters.r, weeks.parameters.r, accuracy: 1e-6)
        XCTAssertEqual(days.parameters.alpha, 7 * weeks.parameters.alpha, accuracy: 1e-4)
        XCTAssertEqual(days.parameters.a, weeks.parameters.a, accuracy: 1e-6)
        XCTAssertEqual(days.parameters.b, weeks.parameters.b, accuracy: 1e-5)
        // The densities differ by the Jacobian 7^(−x) per customer: Σx = 2,457 repeat purchases.
        XCTAssertEqual(days.logLikelihood, weeks.logLikelihood - 2_457 * log(7), accuracy: 1e-4)
    }

    func testGammaGammaFitReproducesFaderHardie() throws {
        let spend = CDNOWFixture.weeklySummaries.map {
            GammaGammaObservation(frequency: $0.frequency, meanSpend: $0.meanRepeatSpend)
        }
        let fit = try GammaGammaParameters.fit(spend)
        XCTAssertTrue(fit.converged)
        // Mean spend per repeat purchase day, first purchase excluded: 946 customers.
        XCTAssertEqual(fit.customerCount, 946)
        // Published: p = 6.25, q = 3.74, γ = 15.44.
        XCTAssertEqual(fit.parameters.p, 6.25, accuracy: 0.005)
        XCTAssertEqual(fit.parameters.q, 3.74, accuracy: 0.005)
        XCTAssertEqual(fit.parameters.gamma, 15.44, accuracy: 0.005)
        // Unrounded, confirmed with scipy.optimize: 6.249574, 3.744224, 15.443516, LL −4055.917695.
        XCTAssertEqual(fit.parameters.p, 6.249574, accuracy: 1e-4)
        XCTAssertEqual(fit.parameters.q, 3.744224, accuracy: 1e-4)
        XCTAssertEqual(fit.parameters.gamma, 15.44352, accuracy: 1e-3)
        XCTAssertEqual(fit.logLikelihood, -4055.917695, accuracy: 1e-5)
        // Plain mean of m over the 946 customers (the fallback when q ≤ 1).
        XCTAssertEqual(fit.observedMeanSpend, 35.078, accuracy: 0.001)
    }
}
