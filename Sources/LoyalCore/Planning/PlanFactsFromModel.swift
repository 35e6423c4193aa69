extension CustomerPlanFacts {
    /// Facts from the model's types, as the store loads them. Soft facts the
    /// planner cannot read count as none here; `HighSeason(parsing:)` and
    /// `BusyHours(parsing:)` tell which ones, so a screen can say so.
    /// Nil for a customer that was never saved (no id to plan under).
    public init?(customer: Customer, customerClass: CustomerClass, consents: [Consent] = [],
                 contacts: [ContactPerson] = [], interactions: [Interaction] = [], purchases: [Purchase] = [],
                 given: [GivenEntry] = [], overrides: [CadenceOverride] = []) {
        guard let id = customer.id else { return nil }
        self.init(customerID: id, repID: customer.repID, customerClass: customerClass,
                  isLost: customer.status == .lost, preferredChannel: customer.preferredChannel,
                  consents: consents.filter { $0.customerID == id },
                  highSeason: HighSeason(parsing: customer.highSeason) ?? .none,
                  busyHours: BusyHours(parsing: customer.busyHours) ?? .none,
                  contacts: contacts.filter { $0.customerID == id },
                  lastContact: CustomerPlanFacts.lastContacts(interactions.filter { $0.customerID == id }),
                  purchases: purchases.filter { $0.customerID == id }.map { PurchaseFact(day: $0.day, amount: $0.amount) },
                  given: given, overrides: overrides.filter { $0.customerID == id }, kind: customer.kind)
    }

    /// The last day of contact per channel (an event counts as a visit, a gift
    /// as a letter: `InteractionKind.channel`).
    public static func lastContacts(_ interactions: [Interaction]) -> [Channel: Day] {
        var last: [Channel: Day] = [:]
        for i in interactions { noteContact(i.kind, on: i.day, in: &last) }
        return last
    }

    /// Counts a contact of `kind` on `day` for its channel, if it is the latest one.
    public mutating func noteContact(_ kind: InteractionKind, on day: Day) {
        Self.noteContact(kind, on: day, in: &lastContact)
    }

    static func noteContact(_ kind: InteractionKind, on day: Day, in last: inout [Channel: Day]) {
        let channel = kind.channel
        if let known = last[channel], known >= day { return }
        last[channel] = day
    }
}
