/// Everything the planner needs to know about one customer, gathered by the store.
/// Plain values, so the planner is a pure function and tests build facts by hand.
public struct CustomerPlanFacts: Sendable, Hashable {
    public var customerID: Int64
    public var repID: Int64?
    public var customerClass: CustomerClass
    /// A lost customer gets no plan of his own, only the win-back follow-ups.
    public var isLost: Bool
    public var preferredChannel: Channel?
    /// All consent records of the customer; the latest per channel counts.
    public var consents: [Consent]
    public var highSeason: HighSeason
    public var busyHours: BusyHours
    public var contacts: [ContactPerson]
    /// The last day we had contact on each channel (from interactions:
    /// `InteractionKind.channel`, so an event counts as a visit).
    public var lastContact: [Channel: Day]
    /// Purchases of the last `afterPurchaseLookbackDays` days (older ones are ignored).
    public var purchases: [PurchaseFact]
    /// Open entries a person already dated: follow-ups from visit feedback and
    /// triage, win-back follow-ups, manual entries. They pass the same respect rules.
    public var given: [GivenEntry]
    public var overrides: [CadenceOverride]
    /// Business or consumer: whether calls need express consent (see `consentBlock`).
    public var kind: CustomerKind
    /// Expected loss in cents (risk × customer value): the levelling's priority.
    public var stake: Int64 = 0
    /// Postal region (`LevelItem.region(ofPostalCode:)`), for tour days; -1 unknown.
    public var postalRegion: Int16 = -1

    public init(customerID: Int64, repID: Int64? = nil, customerClass: CustomerClass, isLost: Bool = false,
                preferredChannel: Channel? = nil, consents: [Consent] = [], highSeason: HighSeason = .none,
                busyHours: BusyHours = .none, contacts: [ContactPerson] = [], lastContact: [Channel: Day] = [:],
                purchases: [PurchaseFact] = [], given: [GivenEntry] = [], overrides: [CadenceOverride] = [],
                kind: CustomerKind = .business) {
        self.customerID = customerID; self.repID = repID; self.customerClass = customerClass; self.isLost = isLost
        self.preferredChannel = preferredChannel; self.consents = consents; self.highSeason = highSeason
        self.busyHours = busyHours; self.contacts = contacts; self.lastContact = lastContact
        self.purchases = purchases; self.given = given; self.overrides = overrides; self.kind = kind
    }

    /// The consent record that counts for a channel: the latest by day (the later
    /// one in the list on the same day).
    public func consent(for channel: Channel) -> Consent? {
        var best: Consent?
        for c in consents where c.channel == channel {
            if best == nil || c.on >= best!.on { best = c }
        }
        return best
    }

    /// Why the channel must not be used, or nil when it may: "no phone consent",
    /// "phone consent refused on 03.04.2025". By German law (UWG § 7) a business may be
    /// called on presumed consent (unless `b2bCalls` is `.express`), a consumer only with
    /// express consent; e-mail, SMS and newsletters need express consent from both; visits
    /// and letters need none. A refused or withdrawn consent blocks every channel.
    public func consentBlock(for channel: Channel, style: DateStyle = .german,
                             b2bCalls: B2BCallConsent = .presumed) -> String? {
        var format = EvidenceFormat.current
        format.dates = style
        return consentBlockText(for: channel, b2bCalls: b2bCalls)?.render(format)
    }

    /// The block as the store keeps it (`calendar_note.no_consent_…`, `….consent_refused_…`).
    public func consentBlockText(for channel: Channel, b2bCalls: B2BCallConsent = .presumed) -> StoredText? {
        if let c = consent(for: channel), !c.granted {
            return StoredText("calendar_note.consent_refused_\(channel.rawValue)", [.day(c.on)])
        }
        guard channel.needsConsent else { return nil }
        if channel == .phone, kind == .business, b2bCalls == .presumed { return nil }
        return consent(for: channel) == nil ? StoredText("calendar_note.no_consent_\(channel.rawValue)") : nil
    }

    /// The last contact that counts for a planned contact on `channel` (see `Channel.isSatisfied(by:)`).
    func lastContact(satisfying channel: Channel) -> (Day, Channel)? {
        var best: (Day, Channel)?
        for (c, day) in lastContact where channel.isSatisfied(by: c) {
            // A call and a visit on the same day: the channel itself, whatever order the dictionary
            // has this run, or the reason ("last call" or "last visit") and its stored key would flip.
            if best == nil || day > best!.0 || (day == best!.0 && c == channel) { best = (day, c) }
        }
        return best
    }
}

/// A purchase as the planner sees it: the store may hand in order lines; the
/// planner adds up those of one day, since one order is one reason to call.
public struct PurchaseFact: Hashable, Sendable {
    public var day: Day
    public var amount: Money

    public init(day: Day, amount: Money) { self.day = day; self.amount = amount }
}

/// An entry a person dated: the follow-up set in visit feedback, in triage of an
/// early-warning signal, in win-back, or by hand.
public struct GivenEntry: Hashable, Sendable {
    /// Identifies the entry's origin in the store ("feedback-17", "signal-4"),
    /// so its UID stays the same when it is planned again.
    public var key: String
    public var source: CalendarEntrySource
    public var due: Day
    public var time: TimeOfDay?
    public var channel: Channel
    public var reason: String
    public var contactPersonID: Int64?

    public init(key: String, source: CalendarEntrySource, due: Day, time: TimeOfDay? = nil, channel: Channel,
                reason: String, contactPersonID: Int64? = nil) {
        self.key = key; self.source = source; self.due = due; self.time = time
        self.channel = channel; self.reason = reason; self.contactPersonID = contactPersonID
    }

    /// The UID the planner gives this entry, so a store can find it in the plan.
    public func plannedUID(customerID: Int64) -> String {
        PlanUID.make(customerID, source, PlanUID.key(key))
    }
}

extension Channel {
    /// Whether a contact already made on `made` does what a planned contact on this
    /// channel would. A visit also counts as a call (we have just spoken); other
    /// channels count only for themselves: an e-mail does not replace a visit, and a
    /// call does not replace the newsletter the customer subscribed to.
    public func isSatisfied(by made: Channel) -> Bool {
        made == self || (self == .phone && made == .visit)
    }

    /// The word for the consent in reasons: "no e-mail consent".
    public var consentName: String {
        switch self {
        case .phone: return "phone"
        case .email: return "e-mail"
        case .sms: return "SMS"
        default: return rawValue
        }
    }

    /// What doing it is called, for reasons and summaries: "Call", "Visit".
    public var action: String {
        switch self {
        case .visit: return "Visit"
        case .phone: return "Call"
        case .email: return "E-mail"
        case .letter: return "Letter"
        case .newsletter: return "Newsletter"
        case .sms: return "SMS"
        case .social: return "Message"
        }
    }

    /// `allCases`, built once: the synthesized property builds a new array on every use.
    static let all = Channel.allCases

    /// Position in `allCases`, for per-channel tables.
    var index: Int {
        switch self {
        case .visit: return 0
        case .phone: return 1
        case .email: return 2
        case .letter: return 3
        case .newsletter: return 4
        case .sms: return 5
        case .social: return 6
        }
    }

    /// Calls and visits disturb; mail and newsletters wait in the inbox. Only the
    /// former are kept out of quiet times.
    public var respectsQuietTimes: Bool { self == .phone || self == .visit }
}
