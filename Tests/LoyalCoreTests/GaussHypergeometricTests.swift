import Foundation
import LoyalCore
import XCTest

final class GaussHypergeometricTests: XCTestCase {
    /// (a, b, c, z, ₂F₁). References: mpmath.hyp2f1 at 40 significant digits
    /// (`mp.mp.dps = 40; mp.hyp2f1(a, b, c, z)`); scipy.special.hyp2f1 agrees
    /// to ≤ 4e-15 relative except at (30, 40, 75, 0.98), where scipy is off by 6e-9.
    static let references: [(Double, Double, Double, Double, Double)] = [
        // −log(1−z)/z: c − a − b = 0, the degenerate case of the 1−z formula.
        (1, 1, 2, 0.3, 1.1889164797957746),
        (1, 1, 2, 0.999999, 13.815524373459892),
        (1, 1, 2, -0.5, 0.81093021621632876),
        (1, 1, 2, -20, 0.15222612188617115),
        (1, 2, 3, -1e6, 1.9999723689768841e-6),
        // z near 1, non-degenerate.
        (2.5, 1.2, 3.1, 0.95, 12.443927183746915),
        (0.3, 0.6, 0.9, 0.999, 2.5900920429911435),
        (0.5, 1.5, 2.0, 1 - 1e-9, 13.684686064265791),
        (5, 7, 3, 0.6, 11291.503906249994),
        (1.5, -2.5, 0.7, 0.8, -0.27625648554554717),
        // c − a − b = 0.004 (near-degenerate) and = 5 (degenerate, large parameters).
        (0.2, 0.3, 0.504, 0.97, 1.4333542986198323),
        (30, 40, 75, 0.98, 233133299127186.22),
        // Negative z beyond −1 (Pfaff, then the 1−z formula).
        (5, 7, 3, -3, 7.62939453125e-6),
        // c = −95.17: terms are tiny until c + n passes zero near n = 95, then jump;
        // stopping on a small early term would give 0.906.
        (4.93, 3.97, -95.17, 0.49, 1241144959128560.3),
        (4.93, 3.97, -20.5, 0.45, -3137719196.2674656),
        // Polynomial (a = −3) at z > 1.
        (-3, 2, 4, 5.0, -9.0),
        // Euler-transformed BG/NBD parameters at CDNOW's fit (x = 2, a = 0.793, b = 2.426, r = 0.243).
        (1.976, -0.207, 4.219, 0.9999, 0.86171366941437177),
        (0.55, -0.207, 503.2, 0.999, 0.99977369820137497),
        (2.243, 4.426, 4.219, 0.5, 5.161693901383613),
    ]

    func testAgainstMpmath() {
        for (a, b, c, z, expected) in Self.references {
            let value = GaussHypergeometric.value(a: a, b: b, c: c, z: z)
            XCTAssertEqual(value, expected, accuracy: 5e-12 * abs(expected), "2F1(\(a), \(b); \(c); \(z))")
        }
    }

    func testClosedFormsAcrossTheRange() {
        // ₂F₁(1,1;2;z) = −log(1−z)/z and ₂F₁(a,b;b;z) = (1−z)^(−a), swept through every region.
        let logForm = GaussHypergeometric(a: 1, b: 1, c: 2)
        let power = GaussHypergeometric(a: 0.7, b: 2.3, c: 2.3)
        for z in [-1e3, -5, -1, -0.3, 0.1, 0.5, 0.5000001, 0.7, 0.9, 0.99, 1 - 1e-6, 1 - 1e-12] {
            XCTAssertEqual(logForm(z), -log1p(-z) / z, accuracy: 1e-13 * abs(logForm(z)), "z = \(z)")
            XCTAssertEqual(power(z), pow(1 - z, -0.7), accuracy: 1e-13 * power(z), "z = \(z)")
        }
    }

    func testSpecialValues() {
        XCTAssertEqual(GaussHypergeometric.value(a: 2, b: 3, c: 4, z: 0), 1)
        // Gauss's sum at z = 1: Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) = Γ(4)Γ(2.5)/(Γ(3.5)Γ(3)) = 6/(2.5·2) = 1.2.
        XCTAssertEqual(GaussHypergeometric.value(a: 0.5, b: 1, c: 4, z: 1), 1.2, accuracy: 1e-14)
        XCTAssertTrue(GaussHypergeometric.value(a: 1, b: 1, c: 2, z: 1).isNaN) // diverges
        XCTAssertTrue(GaussHypergeometric.value(a: 1, b: 1, c: 2, z: 1.5).isNaN)
        XCTAssertTrue(GaussHypergeometric.value(a: 1, b: 1, c: -2, z: 0.5).isNaN) // c at a pole
    }
}
