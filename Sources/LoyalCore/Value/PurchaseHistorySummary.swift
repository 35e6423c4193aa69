/// One customer's purchases condensed to what the value models need.
///
/// Follows the conventions of Fader, Hardie & Lee: all purchases on one day are
/// one purchase (amounts summed); the first purchase day starts the customer's
/// clock and does not count as a repeat purchase. Day spans are kept as whole
/// days; `recency`/`age` express them in the summary's time unit.
public struct PurchaseHistorySummary: Sendable, Hashable, Codable {
    public var firstPurchaseDay: Int
    public var lastPurchaseDay: Int
    /// End of the observation (calibration) period, inclusive.
    public var asOfDay: Int
    /// Distinct days with a purchase, up to and including `asOfDay`.
    public var purchaseDays: Int
    /// Sum of all purchases up to `asOfDay`.
    public var totalCents: Int64
    /// Sum of the purchases after the first purchase day.
    public var repeatCents: Int64
    /// Days per time unit: 1 = days, 7 = weeks.
    public var unitDays: Int

    public init(
        firstPurchaseDay: Int, lastPurchaseDay: Int, asOfDay: Int, purchaseDays: Int,
        totalCents: Int64, repeatCents: Int64, unitDays: Int = 1
    ) {
        self.firstPurchaseDay = firstPurchaseDay
        self.lastPurchaseDay = lastPurchaseDay
        self.asOfDay = asOfDay
        self.purchaseDays = purchaseDays
        self.totalCents = totalCents
        self.repeatCents = repeatCents
        self.unitDays = unitDays
    }

    /// x: repeat purchases (distinct purchase days − 1).
    public var frequency: Int { purchaseDays - 1 }

    /// t_x: last − first purchase day, in time units.
    public var recency: Double { Double(lastPurchaseDay - firstPurchaseDay) / Double(unitDays) }

    /// T: as-of day − first purchase day, in time units.
    public var age: Double { Double(asOfDay - firstPurchaseDay) / Double(unitDays) }

    /// Mean spend per repeat purchase (day) in currency units; 0 without repeat purchases.
    public var meanRepeatSpend: Double {
        frequency > 0 ? Double(repeatCents) / 100 / Double(frequency) : 0
    }

    /// Mean spend per purchase day, the first one included, in currency units.
    public var meanSpend: Double { Double(totalCents) / 100 / Double(purchaseDays) }

    /// (x, t_x, T) in the summary's own time unit.
    public var observation: BGNBDObservation { observation(unitDays: unitDays) }

    /// (x, t_x, T) in another time unit (days per unit).
    public func observation(unitDays: Int) -> BGNBDObservation {
        BGNBDObservation(
            frequency: frequency,
            recency: Double(lastPurchaseDay - firstPurchaseDay) / Double(unitDays),
            age: Double(asOfDay - firstPurchaseDay) / Double(unitDays))
    }

    /// Summary of purchases given in any order; nil when none is on or before `asOfDay`.
    public static func summarize(
        _ purchases: [(day: Int, cents: Int64)], asOfDay: Int, unitDays: Int = 1
    ) -> PurchaseHistorySummary? {
        var accumulator = PurchaseHistoryAccumulator(asOfDay: asOfDay, unitDays: unitDays)
        for purchase in purchases.sorted(by: { $0.day < $1.day }) {
            accumulator.add(day: purchase.day, cents: purchase.cents)
        }
        return accumulator.summary
    }
}

/// Builds a `PurchaseHistorySummary` from one customer's purchases fed in
/// ascending day order (as a database cursor ordered by customer, day delivers
/// them), in constant memory. The per-purchase calls are inlinable so a caller
/// in another module pays no call overhead for millions of rows.
public struct PurchaseHistoryAccumulator: Sendable, Hashable {
    public let asOfDay: Int
    public let unitDays: Int
    @usableFromInline var first: Int?
    @usableFromInline var last = 0
    @usableFromInline var days = 0
    @usableFromInline var total: Int64 = 0
    @usableFromInline var repeats: Int64 = 0

    @inlinable
    public init(asOfDay: Int, unitDays: Int = 1) {
        precondition(unitDays > 0, "unitDays must be positive")
        self.asOfDay = asOfDay
        self.unitDays = unitDays
    }

    /// Adds one purchase. Days must not decrease; purchases after `asOfDay` are ignored.
    @inlinable
    public mutating func add(day: Int, cents: Int64) {
        guard day <= asOfDay else { return }
        guard let first else {
            self.first = day
            last = day
            days = 1
            total = cents
            return
        }
        precondition(day >= last, "purchases must arrive in ascending day order")
        if day != last {
            days += 1
            last = day
        }
        total += cents
        if day != first { repeats += cents }
    }

    /// The summary so far; nil while no purchase on or before `asOfDay` was added.
    @inlinable
    public var summary: PurchaseHistorySummary? {
        guard let first else { return nil }
        return PurchaseHistorySummary(
            firstPurchaseDay: first, lastPurchaseDay: last, asOfDay: asOfDay, purchaseDays: days,
            totalCents: total, repeatCents: repeats, unitDays: unitDays)
    }

    /// Starts over for the next customer.
    @inlinable
    public mutating func reset() {
        self = PurchaseHistoryAccumulator(asOfDay: asOfDay, unitDays: unitDays)
    }
}

/// Turns one stream of purchases sorted by customer, then day, into one summary
/// per customer, holding only the current customer in memory.
public struct PurchaseHistoryStream<CustomerID: Hashable & Sendable>: Sendable {
    @usableFromInline var current: CustomerID?
    @usableFromInline var accumulator: PurchaseHistoryAccumulator

    @inlinable
    public init(asOfDay: Int, unitDays: Int = 1) {
        accumulator = PurchaseHistoryAccumulator(asOfDay: asOfDay, unitDays: unitDays)
    }

    /// Adds a purchase. Returns the previous customer's summary when this
    /// purchase starts a new customer (and the previous one bought by as-of).
    @inlinable
    public mutating func add(customer: CustomerID, day: Int, cents: Int64)
        -> (customer: CustomerID, summary: PurchaseHistorySummary)? {
        var finished: (customer: CustomerID, summary: PurchaseHistorySummary)?
        if customer != current {
            finished = finish()
            current = customer
        }
        accumulator.add(day: day, cents: cents)
        return finished
    }

    /// Emits the last customer's summary; call once after the stream ends.
    @inlinable
    public mutating func finish() -> (customer: CustomerID, summary: PurchaseHistorySummary)? {
        defer {
            accumulator.reset()
            current = nil
        }
        guard let current, let summary = accumulator.summary else { return nil }
        return (current, summary)
    }
}
