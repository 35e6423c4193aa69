import Foundation

/// The hidden traits a demo customer is drawn with; they shape everything else.
struct DemoProfile {
    var tradeIndex: Int
    var soleTrader: Bool
    var employees: Int
    /// Purchases per year while active.
    var rate: Double
    /// Chance of silently dropping out after each purchase.
    var dropout: Double
    /// Slows down to this share of its rate from a point on (nil: does not).
    var slowdown: Double?
    var meanSpend: Double
    var favouriteCategory: Int
    /// Buys from one category only (no cross-sell).
    var singleCategory: Bool
    var baseDiscount: Double
    var priceSensitive: Bool
    /// 0…1, how happy the customer is with us; lower for those who leave.
    var satisfaction: Double

    static func draw(_ rng: inout SeededRandom, settings: DemoSettings) -> DemoProfile {
        let trade = rng.int(0...(DemoNames.trades.count - 1))
        let sole = rng.chance(0.18)
        let employees = sole ? rng.int(1...9) : Int(min(5000, 3 + rng.gamma(shape: 0.8, scale: 60)))
        let size = min(4.0, 0.6 + log10(Double(employees + 1)) / 1.5)
        let dropout = rng.beta(1.1, 45)
        let slow: Double? = rng.chance(0.14) ? 0.15 + 0.35 * rng.unit() : nil
        let sensitive = rng.chance(0.2)
        var satisfaction = 0.62 + 0.38 * rng.unit()
        if dropout > 0.06 || slow != nil { satisfaction -= 0.3 * rng.unit() }
        return DemoProfile(
            tradeIndex: trade, soleTrader: sole, employees: employees,
            rate: rng.gamma(shape: 1.3, scale: 16),
            dropout: dropout, slowdown: slow,
            meanSpend: rng.gamma(shape: 2.5, scale: 80 * size),
            favouriteCategory: rng.int(0...(DemoCatalog.categories.count - 1)),
            singleCategory: rng.chance(0.2),
            baseDiscount: rng.chance(0.5) ? 0 : 0.02 + 0.06 * rng.unit(),
            priceSensitive: sensitive,
            satisfaction: max(0.05, min(1, satisfaction)))
    }
}
