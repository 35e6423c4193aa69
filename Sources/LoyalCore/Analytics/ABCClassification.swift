/// Pareto thresholds: the customers making the first `a` share of revenue are A,
/// those making the next share up to `b` are B, the rest C.
public struct ClassThresholds: Sendable, Hashable, Codable {
    public var a: Double
    public var b: Double
    /// Months of revenue the classes are computed over.
    public var windowMonths: Int

    public init(a: Double = 0.80, b: Double = 0.95, windowMonths: Int = 12) {
        self.a = a; self.b = b; self.windowMonths = windowMonths
    }
}

public enum ABCClassification {
    /// Classes by cumulative share of revenue, largest customers first. The customer
    /// whose revenue crosses a threshold still belongs to the class below it
    /// (it helps make the first 80 %). Customers without revenue are always C.
    /// Ties are broken by id so the result is deterministic.
    public static func classify(_ revenues: [(id: Int64, revenue: Money)],
                                thresholds: ClassThresholds = ClassThresholds()) -> [Int64: CustomerClass] {
        let total = revenues.reduce(Int64(0)) { $0 + max($1.revenue.cents, 0) }
        var result = [Int64: CustomerClass](minimumCapacity: revenues.count)
        guard total > 0 else {
            for r in revenues { result[r.id] = .c }
            return result
        }
        let sorted = revenues.sorted { $0.revenue != $1.revenue ? $0.revenue > $1.revenue : $0.id < $1.id }
        var before: Int64 = 0
        for r in sorted {
            let shareBefore = Double(before) / Double(total)
            if r.revenue.cents <= 0 { result[r.id] = .c; continue }
            result[r.id] = shareBefore < thresholds.a ? .a : shareBefore < thresholds.b ? .b : .c
            before += r.revenue.cents
        }
        return result
    }
}
