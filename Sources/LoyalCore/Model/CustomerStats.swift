/// Per-customer figures kept current in the store so lists never aggregate
/// purchases on the fly.
public struct CustomerStats: Hashable, Sendable, Codable {
    public var customerID: Int64
    public var asOf: Day
    public var revenue12m: Money
    public var revenuePrevious12m: Money
    public var firstPurchase: Day?
    public var lastPurchase: Day?
    public var purchaseCount: Int
    /// Class by revenue share; a manual override on the customer wins over it.
    public var computedClass: CustomerClass
    public var value: Money?
    public var pAlive: Double?
    public var expectedPurchases: Double?
    public var rfm: String?
    public var risk: Double?

    public init(customerID: Int64, asOf: Day, revenue12m: Money = .zero, revenuePrevious12m: Money = .zero,
                firstPurchase: Day? = nil, lastPurchase: Day? = nil, purchaseCount: Int = 0,
                computedClass: CustomerClass = .c, value: Money? = nil, pAlive: Double? = nil,
                expectedPurchases: Double? = nil, rfm: String? = nil, risk: Double? = nil) {
        self.customerID = customerID; self.asOf = asOf; self.revenue12m = revenue12m
        self.revenuePrevious12m = revenuePrevious12m; self.firstPurchase = firstPurchase
        self.lastPurchase = lastPurchase; self.purchaseCount = purchaseCount; self.computedClass = computedClass
        self.value = value; self.pAlive = pAlive; self.expectedPurchases = expectedPurchases
        self.rfm = rfm; self.risk = risk
    }
}

/// Direction of the last 12 months' revenue against the 12 before.
public enum RevenueTrend: String, Sendable, Codable {
    case up, flat, down, new, none

    /// Changes within ±`flatBand` (a share, e.g. 0.1) count as flat.
    public static func of(current: Money, previous: Money, flatBand: Double = 0.1) -> RevenueTrend {
        if previous.cents <= 0 { return current.cents > 0 ? .new : .none }
        let change = Double(current.cents - previous.cents) / Double(previous.cents)
        if change > flatBand { return .up }
        if change < -flatBand { return .down }
        return .flat
    }

    public var mark: String {
        switch self {
        case .up: return "▲"
        case .down: return "▼"
        case .flat: return "="
        case .new: return "+"
        case .none: return " "
        }
    }
}
