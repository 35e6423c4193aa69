/// One customer on the early-warning panel, before ranking.
public struct RiskRankInput: Hashable, Sendable {
    public var customerID: Int64
    /// `RiskAssessment.score`, 0–100.
    public var risk: Int
    /// Customer value from the value model; nil when unknown (model not run, too little history).
    public var value: Money?
    public var customerClass: CustomerClass

    public init(customerID: Int64, risk: Int, value: Money?, customerClass: CustomerClass) {
        self.customerID = customerID; self.risk = risk; self.value = value; self.customerClass = customerClass
    }
}

public struct RiskRank: Hashable, Sendable {
    public var input: RiskRankInput
    /// The value the ranking used: the customer's own, or the stand-in for his class.
    public var rankingValue: Money
    public var valueIsStandIn: Bool
    /// risk × ranking value in cents: the expected loss the panel sorts by.
    public var priority: Int64
}

public enum RiskRanking {
    /// Orders customers for the panel by risk × customer value, largest first: what we
    /// stand to lose. Known values are used as they are — if the value model puts a C
    /// customer above an A customer, that is what the panel shows.
    ///
    /// Customers without a value get a stand-in from their class, computed from the
    /// known values in `items`:
    /// - start from the median known value of the class (the lower middle one for an even count);
    /// - raise it to at least the highest known value of any lower class (B or C for A, C for B);
    /// - cap it at the lowest known value of any higher class (when raising and capping
    ///   conflict, because the model values some C above some A, the cap wins);
    /// - a class without known values starts from 0 and gets only the raise.
    ///
    /// So an unknown value never lifts a C customer above an A customer, nor sinks an A
    /// below a C, at the same risk. Equal priorities go by higher risk, then by class (A
    /// first), then by customer id; so when no value is known at all (every stand-in 0) the
    /// panel is ordered by risk, and by class at equal risk. Negative values count as 0.
    public static func order(_ items: [RiskRankInput]) -> [RiskRank] {
        let standIns = standIns(items)
        var ranks = items.map { item -> RiskRank in
            let value = max(item.value ?? standIns[item.customerClass.index], .zero)
            let (p, overflow) = Int64(max(item.risk, 0)).multipliedReportingOverflow(by: value.cents)
            return RiskRank(input: item, rankingValue: value, valueIsStandIn: item.value == nil,
                            priority: overflow ? .max : p)
        }
        ranks.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.input.risk != b.input.risk { return a.input.risk > b.input.risk }
            if a.input.customerClass != b.input.customerClass { return a.input.customerClass < b.input.customerClass }
            return a.input.customerID < b.input.customerID
        }
        return ranks
    }

    /// Stand-in values for A, B and C (see `order`).
    public static func standIns(_ items: [RiskRankInput]) -> [Money] {
        var known: [[Money]] = [[], [], []]
        for item in items {
            if let v = item.value { known[item.customerClass.index].append(max(v, .zero)) }
        }
        var result: [Money] = []
        for k in 0..<3 {
            let own = known[k].sorted()
            var v = own.isEmpty ? .zero : own[(own.count - 1) / 2]
            if let raise = known[(k + 1)...].compactMap({ $0.max() }).max() { v = max(v, raise) }
            if let cap = known[..<k].compactMap({ $0.min() }).min() { v = min(v, cap) }
            result.append(v)
        }
        return result
    }

    /// The panel's order in one integer, for an index to page through: risk × value
    /// (a stand-in from `standIns` when unknown), then risk, then class (A first), as
    /// `order` ranks them. Values above 9·10¹² cents are capped; an overflow ranks first.
    public static func panelPriority(risk: Int, value: Money?, customerClass: CustomerClass,
                                     standIns: [Money]) -> Int64 {
        let cents = max(value ?? standIns[customerClass.index], .zero).cents
        let (expected, overflow1) = Int64(risk).multipliedReportingOverflow(by: min(cents, 9_000_000_000_000))
        let (scaled, overflow2) = expected.multipliedReportingOverflow(by: 1000)
        let (priority, overflow3) = scaled.addingReportingOverflow(Int64(risk * 3 + (2 - customerClass.index)))
        return overflow1 || overflow2 || overflow3 ? .max : priority
    }
}
