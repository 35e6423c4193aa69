/// The communication plan ("Kommunikationsplan"): how often each class hears from
/// us on which channel, how birthdays and purchases are followed up, and how far
/// a contact may be moved to respect the customer's quiet times. Read from
/// `[contact_plan]` in config.toml; these defaults are what `loyal config init` writes.
public struct ContactPlanRules: Sendable, Hashable {
    /// Regular contact per class: channel → every N days.
    ///
    /// The care article asks for effort by class: A intensively, B standard care, C
    /// little ("A-Kunden werden intensiv betreut, B-Kunden erhalten eine
    /// Standardbetreuung, C-Kunden werden eher nachlässig behandelt"), and the closer
    /// the relationship, the more personal the contact.
    /// - A: a visit each quarter keeps the personal tie; a call about monthly in
    ///   between, because one call a year on the birthday "is not enough".
    /// - B: a call each quarter, an e-mail every two months in between.
    /// - C: the quarterly newsletter only (and only with newsletter consent).
    public var cadence: [CustomerClass: [Channel: Int]] = [
        .a: [.visit: 90, .phone: 30],
        .b: [.phone: 90, .email: 60],
        .c: [.newsletter: 90],
    ]

    /// Birthdays of contact persons (and partners): the channels the relationship
    /// calls for, best first. The article: a standard e-mail gets lost, call instead,
    /// or drop by with a small gift when the relationship is close; a card for the
    /// middle, an e-mail (with consent) for the rest.
    public var birthdays: [CustomerClass: BirthdayRule] = [
        .a: BirthdayRule(channels: [.phone, .visit], leadDays: 0),
        // A card posted three days ahead arrives on time.
        .b: BirthdayRule(channels: [.letter], leadDays: 3),
        .c: BirthdayRule(channels: [.email], leadDays: 0),
    ]

    /// The article: for sole traders, remember the partner's birthday too. Planned
    /// whenever a contact person's partner birthday is recorded.
    public var partnerBirthdays = true

    /// Follow-up after a purchase, the larger the amount the sooner: doubts after
    /// buying grow with the price ("je höher der Preis"), so big buyers hear from
    /// us within days. The highest `minAmount` a purchase reaches applies.
    public var afterPurchase: [PurchaseFollowUp] = [
        PurchaseFollowUp(minAmount: Money(cents: 500_000), days: 2, channel: .phone),
        PurchaseFollowUp(minAmount: Money(cents: 100_000), days: 5, channel: .phone),
    ]

    /// Purchases older than this get no follow-up any more (the moment has passed),
    /// so the store only needs to hand in this many days of purchases.
    public var afterPurchaseLookbackDays = 30

    /// How far a call or visit may be moved out of high season or a busy day. Two
    /// months wait out a typical season ("11-12"); longer seasons get a flagged
    /// entry instead of a contact months late.
    public var maxMoveDays = 62

    /// Zone of entries with a time of day in the exported calendar (.ics).
    public var timeZone = "Europe/Berlin"

    /// Whether calls to business customers need express consent (`[consent] b2b_calls`).
    public var b2bCalls = B2BCallConsent.presumed

    public init() {}

    /// The class cadence with the customer's overrides applied.
    public func cadence(for customerClass: CustomerClass, overrides: [CadenceOverride]) -> [Channel: Int] {
        var result = cadence[customerClass] ?? [:]
        for o in overrides {
            switch o.cadence {
            case .every(let days): result[o.channel] = days
            case .never: result[o.channel] = nil
            }
        }
        return result
    }
}

public struct BirthdayRule: Sendable, Hashable {
    /// Best first; the planner takes the customer's preferred channel if it is in
    /// the list, else the first the customer consented to.
    public var channels: [Channel]
    /// Days before the birthday the entry is due (to post a card, buy a gift).
    public var leadDays: Int

    public init(channels: [Channel], leadDays: Int) {
        self.channels = channels; self.leadDays = leadDays
    }
}

public struct PurchaseFollowUp: Sendable, Hashable {
    public var minAmount: Money
    public var days: Int
    public var channel: Channel

    public init(minAmount: Money, days: Int, channel: Channel = .phone) {
        self.minAmount = minAmount; self.days = days; self.channel = channel
    }
}

/// How often one customer wants to hear from us on a channel, overriding the class.
public enum Cadence: Hashable, Sendable, CustomStringConvertible {
    case every(days: Int)
    case never

    /// `never` or a number of days.
    public init?(parsing text: String) {
        let t = text.trimming("")
        if t.lowercased() == "never" || t.lowercased() == "nie" { self = .never; return }
        guard let n = Int(t), (1...3650).contains(n) else { return nil }
        self = .every(days: n)
    }

    public var description: String {
        switch self {
        case .every(let days): return String(days)
        case .never: return "never"
        }
    }
}

/// A per-customer exception to the class cadence, as the store keeps it:
/// "this customer: call every 14 days", "this customer: never a newsletter".
public struct CadenceOverride: Hashable, Sendable {
    public var customerID: Int64
    public var channel: Channel
    public var cadence: Cadence

    public init(customerID: Int64, channel: Channel, cadence: Cadence) {
        self.customerID = customerID; self.channel = channel; self.cadence = cadence
    }
}
