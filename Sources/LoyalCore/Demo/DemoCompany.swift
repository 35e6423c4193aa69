/// Settings of `loyal demo`.
public struct DemoSettings: Sendable {
    public var seed: UInt64
    public var customers: Int
    public var years: Int
    public var asOf: Day

    public init(seed: UInt64 = 42, customers: Int = 1500, years: Int = 3, asOf: Day) {
        self.seed = seed; self.customers = customers; self.years = years; self.asOf = asOf
    }
}

/// Everything the demo makes for one customer, with ids already assigned.
public struct DemoCustomer: Sendable {
    public var customer: Customer
    public var consents: [Consent]
    public var contacts: [ContactPerson]
    public var purchases: [Purchase]
    public var interactions: [(Interaction, Feedback?)]
    public var complaints: [Complaint]
}

/// Receives the demo company as it is generated, so 200000 customers with
/// millions of purchases stream into the store without being held in memory.
public protocol DemoSink {
    mutating func add(rep: Rep) throws
    mutating func add(product: Product) throws
    mutating func add(_ customer: DemoCustomer) throws
}

/// A believable, deterministic wholesale company: same seed, same data.
///
/// Purchases follow a buy-till-you-die process (Fader, Hardie & Lee): each customer
/// buys at their own Poisson rate and may silently drop out after any purchase;
/// some slow down instead, so falling revenue and overdue customers occur as in
/// real data. A few lost customers carry a reason, and some of those return.
public struct DemoCompany {
    public let settings: DemoSettings
    let catalog = DemoCatalog.items()
    private var ids = IDCounters()

    struct IDCounters {
        var contact: Int64 = 0, purchase: Int64 = 0, interaction: Int64 = 0, feedback: Int64 = 0, complaint: Int64 = 0
    }

    public init(settings: DemoSettings) { self.settings = settings }

    public mutating func generate(into sink: inout some DemoSink, progress: (Int, Int) -> Void = { _, _ in }) throws {
        for (i, r) in DemoNames.repNames.enumerated() {
            try sink.add(rep: Rep(id: Int64(i + 1), code: r.0, name: r.1,
                                  email: r.1.lowercased().replacing(" ", with: ".").replacing("ü", with: "ue") + "@example.com",
                                  region: r.2))
        }
        for item in catalog { try sink.add(product: item.product) }
        for index in 0..<settings.customers {
            try sink.add(makeCustomer(index))
            if index % 1000 == 999 || index == settings.customers - 1 { progress(index + 1, settings.customers) }
        }
    }

    mutating func makeCustomer(_ index: Int) -> DemoCustomer {
        var rng = SeededRandom(seed: settings.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        let id = Int64(index + 1)
        let profile = DemoProfile.draw(&rng, settings: settings)
        var customer = DemoIdentity.customer(id: id, index: index, profile: profile, rng: &rng)
        customer.repID = Int64(1 + (DemoNames.cities.firstIndex { $0.0 == customer.city } ?? 0) % DemoNames.repNames.count)

        let timeline = DemoTimeline.draw(profile: profile, settings: settings, rng: &rng)
        customer.since = timeline.since
        if let lost = timeline.lost {
            customer.status = timeline.returnedOn == nil ? .lost : .active
            customer.lostOn = lost.on; customer.lostReason = lost.reason
            customer.returnedOn = timeline.returnedOn
        }

        let contacts = DemoIdentity.contacts(customerID: id, profile: profile, asOf: settings.asOf,
                                             nextID: &ids.contact, rng: &rng)
        let consents = DemoIdentity.consents(customerID: id, since: timeline.since, rng: &rng)
        let purchases = DemoPurchases.make(customerID: id, profile: profile, days: timeline.purchaseDays,
                                           catalog: catalog, nextID: &ids.purchase, rng: &rng)
        var complaints: [Complaint] = []
        var interactions: [(Interaction, Feedback?)] = []
        DemoContacts.make(customer: customer, profile: profile, timeline: timeline, contacts: contacts,
                          asOf: settings.asOf, ids: &ids, interactions: &interactions, complaints: &complaints, rng: &rng)
        return DemoCustomer(customer: customer, consents: consents, contacts: contacts, purchases: purchases,
                            interactions: interactions, complaints: complaints)
    }
}
