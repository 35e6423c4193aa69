/// What RFM scoring needs of a customer.
public struct RFMInput<ID: Hashable & Sendable>: Sendable, Hashable {
    public var id: ID
    /// Day number of the last purchase; later is better.
    public var lastPurchaseDay: Int
    /// Number of purchases; more is better.
    public var frequency: Int
    /// Revenue in cents; more is better.
    public var monetaryCents: Int64

    public init(id: ID, lastPurchaseDay: Int, frequency: Int, monetaryCents: Int64) {
        self.id = id
        self.lastPurchaseDay = lastPurchaseDay
        self.frequency = frequency
        self.monetaryCents = monetaryCents
    }
}

/// Recency, frequency and monetary quintile scores, 1 (worst fifth) to 5 (best).
public struct RFMScore<ID: Hashable & Sendable>: Sendable, Hashable {
    public var id: ID
    public var recency: Int
    public var frequency: Int
    public var monetary: Int

    public init(id: ID, recency: Int, frequency: Int, monetary: Int) {
        self.id = id
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// "R-F-M" as three digits, e.g. "545".
    public var code: String { "\(recency)\(frequency)\(monetary)" }

    /// Quintile scores of every customer, in input order.
    ///
    /// A customer's score on one dimension is 1 + ⌊5·s/n⌋, where s is the
    /// number of the n customers with a strictly worse value. Equal values
    /// therefore always get equal scores whatever the input order, and a score
    /// of k means at least (k−1)·20 % of customers are strictly worse. A large
    /// tie (say 60 % one-time buyers) takes the score of its lowest member, so
    /// some quintiles can stay empty — the honest answer when values cannot be
    /// told apart. Inlinable so a caller's id type gets a specialised copy: the
    /// refresh scores 200,000 customers, which generic code does ten times slower.
    @inlinable
    public static func quintiles(_ customers: [RFMInput<ID>]) -> [RFMScore<ID>] {
        let recency = quintileScores(customers.map(\.lastPurchaseDay))
        let frequency = quintileScores(customers.map(\.frequency))
        let monetary = quintileScores(customers.map(\.monetaryCents))
        return customers.indices.map {
            RFMScore(id: customers[$0].id, recency: recency[$0], frequency: frequency[$0], monetary: monetary[$0])
        }
    }

    /// 1 + ⌊5·(number of strictly smaller values)/n⌋ for each value.
    @inlinable
    static func quintileScores<Value: Comparable>(_ values: [Value]) -> [Int] {
        let sorted = values.sorted()
        let n = values.count
        return values.map { value in
            // First index in `sorted` not below `value` = count of strictly smaller values.
            var low = 0, high = n
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < value { low = mid + 1 } else { high = mid }
            }
            return 1 + 5 * low / n
        }
    }
}
