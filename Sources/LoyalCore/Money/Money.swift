/// An exact amount of money in cents. Never a floating-point number: sums of
/// thousands of purchases must come out to the cent.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
                     AdditiveArithmetic {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public static let zero = Money(cents: 0)

    public static func + (l: Money, r: Money) -> Money { Money(cents: l.cents + r.cents) }
    public static func - (l: Money, r: Money) -> Money { Money(cents: l.cents - r.cents) }
    public static func < (l: Money, r: Money) -> Bool { l.cents < r.cents }
    public static prefix func - (m: Money) -> Money { Money(cents: -m.cents) }

    /// Machine form: `-1234.50` (exports, JSON, CSV).
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let a = cents.magnitude
        return "\(sign)\(a / 100).\(pad(Int(a % 100), 2))"
    }

    public var description: String { plain }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self), let m = Money(parsing: text) { self = m; return }
        let number = try c.decode(Double.self)
        self.init(cents: Int64((number * 100).rounded()))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(plain)
    }
}

/// How amounts are shown to people; from the config file.
public struct MoneyStyle: Sendable, Hashable {
    public var groupingSeparator: String
    public var decimalSeparator: String
    public var currencySymbol: String
    public var symbolFirst: Bool

    public init(groupingSeparator: String = ".", decimalSeparator: String = ",",
                currencySymbol: String = "€", symbolFirst: Bool = false) {
        self.groupingSeparator = groupingSeparator
        self.decimalSeparator = decimalSeparator
        self.currencySymbol = currencySymbol
        self.symbolFirst = symbolFirst
    }

    public static let german = MoneyStyle()

    /// `1.234,56 €`, or `1.235 €` with `withCents: false` (rounded half away from zero).
    public func format(_ money: Money, withCents: Bool = true) -> String {
        let negative = money.cents < 0
        var a = money.cents.magnitude
        var fraction = ""
        if withCents {
            fraction = decimalSeparator + pad(Int(a % 100), 2)
            a /= 100
        } else {
            a = (a + 50) / 100
        }
        var digits = String(a)
        var grouped = ""
        while digits.count > 3 {
            grouped = groupingSeparator + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        // An amount that rounds to 0 has no sign ("0 €", not "-0 €").
        let number = (negative && (withCents || a > 0) ? "-" : "") + digits + grouped + fraction
        if currencySymbol.isEmpty { return number }
        return symbolFirst ? currencySymbol + number : number + " " + currencySymbol
    }

    /// Compact form for narrow columns: `950`, `12,3k`, `4,5M`.
    public func compact(_ money: Money) -> String {
        let units = Double(money.cents) / 100
        let a = abs(units)
        func one(_ v: Double, _ suffix: String) -> String {
            let tenths = Int64((v * 10).rounded())
            let body = tenths >= 1000 ? "\(Int64(v.rounded()))" : "\(tenths / 10)\(decimalSeparator)\(tenths % 10)"
            return (units < 0 ? "-" : "") + body + suffix
        }
        if a >= 999_950 { return one(a / 1_000_000, "M") }
        if a >= 9_999.5 { return one(a / 1_000, "k") }
        return format(Money(cents: money.cents), withCents: false)
            .replacing(" " + currencySymbol, with: "")
            .replacing(currencySymbol, with: "")
    }
}
