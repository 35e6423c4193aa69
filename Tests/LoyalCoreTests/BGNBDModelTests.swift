@testable import LoyalCore
import XCTest

final class BGNBDModelTests: XCTestCase {
    /// The published CDNOW estimates (weeks).
    static let cdnow = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    /// References computed independently from the paper's own formulas (not the
    /// Euler-transformed form the code uses) with mpmath at 40 digits:
    ///   E = (a+b+x−1)/(a−1) · (1 − ((α+T)/(α+T+t))^(r+x) · hyp2f1(r+x, b+x, a+b+x−1, t/(α+T+t)))
    ///       / (1 + (x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
    /// scipy.special.hyp2f1 in the same formula agrees to ≤ 1e-13 relative.
    func testConditionalExpectationAndPAliveAgainstIndependentReference() {
        let p = Self.cdnow
        // CDNOW customer 1 (x = 2, t_x = 30.43, T = 38.86), next 39 weeks.
        let one = BGNBDObservation(frequency: 2, recency: 30.43, age: 38.86)
        XCTAssertEqual(p.expectedPurchases(in: 39, given: one), 1.2260281747671445, accuracy: 1e-13)
        XCTAssertEqual(p.probabilityAlive(one), 0.72657857008067291, accuracy: 1e-14)
        // By hand: 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243) = 1 / (1 + 0.231465 · 1.62525) = 0.72658.
        XCTAssertEqual(p.probabilityAlive(one), 1 / (1 + 0.793 / 3.426 * pow(43.274 / 34.844, 2.243)), accuracy: 1e-15)

        let cases: [(BGNBDObservation, Double, Double)] = [
            (BGNBDObservation(frequency: 0, recency: 0, age: 38.86), 39, 0.19509805201126264),
            (BGNBDObservation(frequency: 5, recency: 20, age: 38.86), 520, 5.9697840903145455),
            (BGNBDObservation(frequency: 1, recency: 1, age: 1), 520, 12.218050536090618),
        ]
        for (o, t, expected) in cases {
            XCTAssertEqual(p.expectedPurchases(in: t, given: o), expected, accuracy: 1e-13 * expected, "\(o)")
        }
        // Unconditional E[X(t)], eq. (7), same method.
        XCTAssertEqual(p.expectedPurchases(in: 1), 0.053267891171658282, accuracy: 1e-15)
        XCTAssertEqual(p.expectedPurchases(in: 52), 1.4460505953964038, accuracy: 1e-13)
        XCTAssertEqual(p.expectedPurchases(in: 520), 4.9746178618496597, accuracy: 1e-12)
    }

    func testOtherParameterRegionsAgainstReference() {
        // Same mpmath method; long histories in days, a > 1, a ≈ 1 (paper's formula is 0/0 at a = 1).
        let cases: [(BGNBDParameters, BGNBDObservation, Double, Double)] = [
            (BGNBDParameters(r: 0.5, alpha: 30, a: 1.7, b: 8),
             BGNBDObservation(frequency: 500, recency: 4990, age: 5000), 3650, 226.27321361031337),
            (BGNBDParameters(r: 0.5, alpha: 30, a: 1.7, b: 8),
             BGNBDObservation(frequency: 3, recency: 10, age: 5000), 3650, 5.533168398428710e-7),
            (BGNBDParameters(r: 2, alpha: 40, a: 0.5, b: 10),
             BGNBDObservation(frequency: 25, recency: 700, age: 720), 30, 1.0266040837666668),
            (BGNBDParameters(r: 2, alpha: 40, a: 1.0000001, b: 10),
             BGNBDObservation(frequency: 25, recency: 700, age: 720), 365, 10.392275912719555),
            (BGNBDParameters(r: 2, alpha: 40, a: 0.9999, b: 10),
             BGNBDObservation(frequency: 0, recency: 0, age: 100), 3650, 16.926682915553089),
            (BGNBDParameters(r: 1.2, alpha: 0.5, a: 3.5, b: 0.8),
             BGNBDObservation(frequency: 7, recency: 20, age: 21), 100, 2.2873676404225234),
        ]
        for (p, o, t, expected) in cases {
            XCTAssertEqual(p.expectedPurchases(in: t, given: o), expected, accuracy: 1e-11 * expected, "\(p) \(o)")
        }
    }

    func testPAliveIsOneWithoutRepeatPurchases() {
        for age in [0.0, 1, 38.86, 5000] {
            XCTAssertEqual(Self.cdnow.probabilityAlive(BGNBDObservation(frequency: 0, recency: 0, age: age)), 1)
        }
    }

    func testLogLikelihoodOfSingleCustomers() {
        // mpmath: log of eq. (6) written with Beta and Gamma functions.
        let p = Self.cdnow
        XCTAssertEqual(p.logLikelihood(BGNBDObservation(frequency: 2, recency: 30.43, age: 38.86)),
                       -9.4586063070662712, accuracy: 1e-12)
        XCTAssertEqual(p.logLikelihood(BGNBDObservation(frequency: 0, recency: 0, age: 38.86)),
                       -0.55471327643815845, accuracy: 1e-13)
        XCTAssertEqual(p.logLikelihood(BGNBDObservation(frequency: 500, recency: 4990.0 / 7, age: 5000.0 / 7)),
                       -688.90870667431695, accuracy: 1e-10)
    }

    func testRegionsWhereTheTextbookEvaluationBreaksDown() {
        // mpmath, same method as above. Large b (rare dropout) makes the 1−z
        // connection formula cancel; r in the hundreds makes every ₂F₁ form
        // cancel or overflow (the positive negative-binomial sum takes over);
        // a − r = 1 is the degenerate case of the connection formula.
        let cases: [(BGNBDParameters, BGNBDObservation, Double, Double, Double)] = [
            (BGNBDParameters(r: 0.5, alpha: 30, a: 0.8, b: 100),
             BGNBDObservation(frequency: 3, recency: 250, age: 300), 365, 3.7471984784129352, 1e-12),
            (BGNBDParameters(r: 2, alpha: 40, a: 0.5, b: 2000),
             BGNBDObservation(frequency: 40, recency: 700, age: 720), 3650, 196.70693591634514, 1e-12),
            (BGNBDParameters(r: 50, alpha: 0.5, a: 0.05, b: 2000),
             BGNBDObservation(frequency: 3, recency: 50, age: 300), 365, 2.2885084866536595e-35, 1e-10),
            (BGNBDParameters(r: 0.5, alpha: 0.5, a: 1.5, b: 100),
             BGNBDObservation(frequency: 0, recency: 0, age: 0), 3650, 132.87123512578607, 1e-8),
            // Frequent buyer: the connection formula's inner series has c = a − r − x = −95.2.
            (BGNBDParameters(r: 0.13539828921171682, alpha: 50.198204409319374, a: 4.967479267704458, b: 1.0985649805544173),
             BGNBDObservation(frequency: 100, recency: 300, age: 300), 365, 24.764478202853654 / (1 + 4.967479267704458
                 / (1.0985649805544173 + 99)), 1e-12),
            (BGNBDParameters(r: 100, alpha: 0.01, a: 1.5, b: 0.001),
             BGNBDObservation(frequency: 0, recency: 0, age: 0), 3650, 1.0019997053347391, 1e-10),
            // Too long a sum: D(E[N]) approximation, documented to ~1e-5.
            (BGNBDParameters(r: 300, alpha: 1, a: 0.001, b: 10),
             BGNBDObservation(frequency: 0, recency: 0, age: 0), 3650, 1083393.922200059, 1e-5),
        ]
        for (p, o, t, expected, tolerance) in cases {
            XCTAssertEqual(p.expectedPurchases(in: t, given: o), expected, accuracy: tolerance * expected, "\(p) \(o)")
        }
    }

    func testForecastAgreesWithIndependentNegativeBinomialSum() {
        // E[Y(t)|alive] two ways: ₂F₁ routes versus the positive-term sum over the
        // number of purchase opportunities (no hypergeometric function involved).
        var state: UInt64 = 2005
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func logUniform(_ low: Double, _ high: Double) -> Double { exp(log(low) + uniform() * log(high / low)) }
        for _ in 0..<20 {
            let p = BGNBDParameters(r: logUniform(0.05, 20), alpha: logUniform(5, 300),
                                    a: logUniform(0.05, 10), b: logUniform(0.05, 300))
            for x in [0, 3, 30] {
                let forecast = BGNBDAliveForecast(parameters: p, frequency: x)
                for age in [0.0, 30, 1000] {
                    for t in [10.0, 100, 365, 1000] {
                        let scale = p.alpha + age
                        let reference = BGNBDAliveForecast.negativeBinomialSum(
                            shape: p.r + Double(x), a: p.a, beta: p.b + Double(x),
                            z: t / (scale + t), z0: scale / (scale + t), budget: 10_000_000)!
                        XCTAssertEqual(forecast.expectedPurchases(in: t, age: age), reference,
                                       accuracy: 1e-9 * reference, "\(p) x \(x) T \(age) t \(t)")
                    }
                }
            }
        }
    }

    func testLikelihoodAndPAliveFiniteAtExtremeParameters() {
        // What the optimiser may try on its way: every parameter from 1e-13 to 1e13.
        let extreme: [Double] = [1e-13, 1e-6, 1, 1e6, 1e13]
        for r in extreme { for alpha in extreme { for a in extreme { for b in extreme {
            let p = BGNBDParameters(r: r, alpha: alpha, a: a, b: b)
            for o in Self.awkwardCustomers {
                let ll = p.logLikelihood(o)
                let pAlive = p.probabilityAlive(o)
                XCTAssertFalse(ll.isNaN || ll == .infinity, "LL \(p) \(o)")
                XCTAssertTrue(pAlive >= 0 && pAlive <= 1, "P(alive) \(p) \(o)")
            }
        } } } }
        let data = BGNBDLikelihoodData(Self.awkwardCustomers)
        for theta in [[-30.0, -30, -30, -30], [30, 30, 30, 30], [-30, 30, -30, 30], [30, -30, 30, -30]] {
            let (value, gradient) = data.negativeMeanLogLikelihood(theta)
            XCTAssertTrue(value.isFinite || value == .infinity, "\(theta)")
            if value.isFinite { XCTAssertTrue(gradient.allSatisfy(\.isFinite), "\(theta)") }
        }
    }

    func testForecastsFiniteOverWideParameterRange() {
        // Beyond anything a fit on real data produces; checked against mpmath
        // during development to ≤ 1e-7 relative for r < 100, ≤ 1e-5 up to r = 1000.
        let wide: [Double] = [1e-3, 0.1, 1, 10, 1e3]
        for r in wide { for alpha in [1e-2, 1, 100, 1e4] { for a in wide { for b in wide {
            let p = BGNBDParameters(r: r, alpha: alpha, a: a, b: b)
            for o in Self.awkwardCustomers {
                for t in [1.0, 52, 3650] {
                    let e = p.expectedPurchases(in: t, given: o)
                    let noDropout = (r + Double(o.frequency)) * t / (alpha + o.age)
                    XCTAssertTrue(e.isFinite && e >= 0 && e <= noDropout * (1 + 1e-12),
                                  "E[Y(\(t))] = \(e) at \(p) \(o)")
                }
            }
        } } } }
    }

    /// x = 0 (also at T = 0), long histories (T = 5000 days, x = 500), and more.
    static let awkwardCustomers = [
        BGNBDObservation(frequency: 0, recency: 0, age: 0),
        BGNBDObservation(frequency: 0, recency: 0, age: 5000),
        BGNBDObservation(frequency: 1, recency: 0.5, age: 5000),
        BGNBDObservation(frequency: 500, recency: 5000, age: 5000),
        BGNBDObservation(frequency: 500, recency: 1, age: 5000),
        BGNBDObservation(frequency: 10_000, recency: 4999, age: 5000),
    ]

    func testAnalyticGradientMatchesFiniteDifferences() {
        let data = BGNBDLikelihoodData(CDNOWFixture.weeklySummaries.map(\.observation))
        let theta = [log(0.3), log(5.0), log(0.7), log(2.0)]
        let (_, gradient) = data.negativeMeanLogLikelihood(theta)
        for i in 0..<4 {
            var up = theta, down = theta
            up[i] += 1e-6
            down[i] -= 1e-6
            let numeric = (data.negativeMeanLogLikelihood(up).value - data.negativeMeanLogLikelihood(down).value) / 2e-6
            XCTAssertEqual(gradient[i], numeric, accuracy: 1e-7, "component \(i)")
        }
    }
}
