/// How numbers, amounts and days appear in evidence texts. Evidence is written once
/// when a signal opens and stored, so it follows the display settings of that moment.
public struct EvidenceFormat: Hashable, Sendable {
    public var money: MoneyStyle
    public var dates: DateStyle

    public init(money: MoneyStyle = .german, dates: DateStyle = .german) {
        self.money = money; self.dates = dates
    }

    public init(_ display: DisplaySettings) {
        self.init(money: display.money, dates: display.dateStyle)
    }

    public static let german = EvidenceFormat()

    /// Whole currency units: "8.400 €".
    public func amount(_ m: Money) -> String { money.format(m, withCents: false) }

    public func day(_ d: Day) -> String { dates.format(d) }

    /// A share as signed whole percent: −0.4 → "−40 %", 0.05 → "+5 %", 0 → "0 %".
    /// The minus is U+2212 so it lines up with the digits.
    public func signedPercent(_ share: Double) -> String {
        let p = Int((share * 100).rounded())
        return (p < 0 ? "−" : p > 0 ? "+" : "") + "\(abs(p)) %"
    }

    /// A number with a fixed count of decimals and the display's decimal separator:
    /// (0.183, 2) → "0,18". Negative numbers get U+2212.
    public func decimal(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int64((abs(x) * scale).rounded())
        let whole = n / Int64(scale), fraction = n % Int64(scale)
        var s = (x < 0 && n > 0 ? "−" : "") + String(whole)
        if digits > 0 {
            let f = String(fraction)
            s += money.decimalSeparator + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }

    /// Whole numbers without decimals ("6"), others with one ("4,5"): for thresholds users typed.
    public func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? decimal(x, 0) : decimal(x, 1)
    }

    /// "1 complaint", "2 complaints".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
