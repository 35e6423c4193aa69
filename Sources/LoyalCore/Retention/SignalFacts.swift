/// Everything the early-warning rules look at for one customer, as of one day.
///
/// Built by the store for every active customer on each run (up to ~200 000), so it
/// holds plain arrays of small structs: no dictionaries, no classes, nothing that
/// allocates per lookup. Rules only scan these arrays. The store decides how far back
/// to load; the comments say what each rule needs at most.
public struct CustomerSignalFacts: Hashable, Sendable {
    public var customerID: Int64
    /// The day the rules are evaluated for ("today" in a nightly run).
    public var asOf: Day
    /// Lost customers belong to win-back, not to the early-warning panel: rules
    /// never fire for them.
    public var status: CustomerStatus
    /// When the relationship started (`Customer.since`); the first purchase stands in
    /// when it is unknown.
    public var customerSince: Day?

    /// Net revenue in the 12 months up to `asOf` and in the 12 months before.
    public var revenue12m: Money
    public var revenuePrevious12m: Money
    /// Distinct purchase days, ascending. The most recent ~50 suffice: the rhythm
    /// rule uses the median gap, which only needs the recent pattern.
    public var purchaseDays: [Day]
    /// First purchase ever (`purchaseDays` may be cut off at the front).
    public var firstPurchase: Day?
    /// All distinct purchase days up to `asOf` (`purchaseDays` may hold only the latest).
    public var purchaseDayCount: Int
    /// The purchase model's P(no purchase in the risk horizon); nil when it has not run.
    public var forecastNoPurchase: Double?

    /// From the customer-value model (BG/NBD); nil when the model has not run.
    public var pAlive: Double?
    public var expectedPurchasesNextYear: Double?

    /// Complaints; the open ones and those of the longest `complaints_in_period` window suffice.
    public var complaints: [ComplaintFact]
    /// Visit/call feedback of the longest feedback window (a year suffices), any order.
    public var feedback: [FeedbackFact]
    /// One entry per purchase of the last 24 months, any order.
    public var discounts: [DiscountFact]
    /// Contact persons; those who never left may be omitted.
    public var contacts: [ContactFact]
    /// The day the postal address last changed, if known.
    public var addressChangedOn: Day?
    /// Distinct product categories ever bought (order does not matter).
    public var categories: [String]

    public init(customerID: Int64, asOf: Day, status: CustomerStatus = .active, customerSince: Day? = nil,
                revenue12m: Money = .zero, revenuePrevious12m: Money = .zero, purchaseDays: [Day] = [],
                firstPurchase: Day? = nil, pAlive: Double? = nil, expectedPurchasesNextYear: Double? = nil,
                complaints: [ComplaintFact] = [], feedback: [FeedbackFact] = [], discounts: [DiscountFact] = [],
                contacts: [ContactFact] = [], addressChangedOn: Day? = nil, categories: [String] = []) {
        self.customerID = customerID; self.asOf = asOf; self.status = status; self.customerSince = customerSince
        self.revenue12m = revenue12m; self.revenuePrevious12m = revenuePrevious12m
        self.purchaseDays = purchaseDays; self.firstPurchase = firstPurchase ?? purchaseDays.first
        self.purchaseDayCount = purchaseDays.count
        self.pAlive = pAlive; self.expectedPurchasesNextYear = expectedPurchasesNextYear
        self.complaints = complaints; self.feedback = feedback; self.discounts = discounts
        self.contacts = contacts; self.addressChangedOn = addressChangedOn; self.categories = categories
    }

    public var lastPurchase: Day? { purchaseDays.last }

    /// Whether `day` lies in the `days` days up to and including `asOf`
    /// (`days` = 90: from asOf − 89 to asOf). Future days never count.
    @inlinable public func isRecent(_ day: Day, within days: Int) -> Bool {
        day <= asOf && asOf - day < days
    }
}

public struct ComplaintFact: Hashable, Sendable {
    public var id: Int64
    public var openedOn: Day
    public var resolvedOn: Day?
    public var category: ComplaintCategory

    public init(id: Int64, openedOn: Day, resolvedOn: Day? = nil, category: ComplaintCategory) {
        self.id = id; self.openedOn = openedOn; self.resolvedOn = resolvedOn; self.category = category
    }

    /// nil when the complaint has no id yet (not stored).
    public init?(_ c: Complaint) {
        guard let id = c.id else { return nil }
        self.init(id: id, openedOn: c.openedOn, resolvedOn: c.resolvedOn, category: c.category)
    }

    /// Open on `day`: opened by then and not resolved by then.
    public func isOpen(on day: Day) -> Bool {
        openedOn <= day && (resolvedOn.map { $0 > day } ?? true)
    }
}

/// The parts of one feedback form the rules read, with the day of its interaction.
public struct FeedbackFact: Hashable, Sendable {
    public var day: Day
    public var nps: Int?
    public var csat: Int?
    public var ces: Int?
    /// The rep's judgement of the relationship, 1 (at risk) – 5 (very good).
    public var sentiment: Int?
    public var pricePressure: Bool
    /// Competitor named by the customer; empty when none.
    public var competitor: String
    public var cancellation: Bool

    public init(day: Day, nps: Int? = nil, csat: Int? = nil, ces: Int? = nil, sentiment: Int? = nil,
                pricePressure: Bool = false, competitor: String = "", cancellation: Bool = false) {
        self.day = day; self.nps = nps; self.csat = csat; self.ces = ces; self.sentiment = sentiment
        self.pricePressure = pricePressure; self.competitor = competitor; self.cancellation = cancellation
    }

    public init(day: Day, _ f: Feedback) {
        self.init(day: day, nps: f.nps, csat: f.csat, ces: f.ces, sentiment: f.repSentiment,
                  pricePressure: f.pricePressure, competitor: f.competitor, cancellation: f.cancellation)
    }
}

/// One purchase's amount paid and discount granted (list price = amount + discount).
public struct DiscountFact: Hashable, Sendable {
    public var day: Day
    public var amount: Money
    public var discount: Money

    public init(day: Day, amount: Money, discount: Money) {
        self.day = day; self.amount = amount; self.discount = discount
    }

    public init(_ p: Purchase) {
        self.init(day: p.day, amount: p.amount, discount: p.discount ?? .zero)
    }
}

public struct ContactFact: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var role: String
    public var leftOn: Day?

    public init(id: Int64, name: String, role: String = "", leftOn: Day? = nil) {
        self.id = id; self.name = name; self.role = role; self.leftOn = leftOn
    }

    /// nil when the person has no id yet (not stored).
    public init?(_ p: ContactPerson) {
        guard let id = p.id else { return nil }
        self.init(id: id, name: p.fullName, role: p.role, leftOn: p.leftOn)
    }
}
