/// Mass channels are campaigns, not rep tasks: the newsletter, and the regular mailing
/// (a planned letter by cadence; a birthday card or a dated letter stays a rep's task).
/// They leave the agenda and form campaign lists, exported for a mail-merge or a newsletter tool.
public enum CampaignChannel: String, CaseIterable, Sendable, Hashable {
    case newsletter, mail

    /// The calendar channel the campaign's entries are planned on.
    public var channel: Channel { self == .newsletter ? .newsletter : .letter }

    /// Whether an entry on `channel` from `source` belongs to a campaign instead of a rep.
    public static func contains(channel: Channel, source: CalendarEntrySource) -> Bool {
        channel == .newsletter || (channel == .letter && source == .plan)
    }
}

/// One recipient of a campaign: what a mail-merge or a newsletter tool needs.
public struct CampaignRecipient: Hashable, Sendable {
    public var customerNumber: String
    public var name: String
    /// The main contact person, if any.
    public var contact: String
    public var email: String
    public var street: String
    public var postalCode: String
    public var city: String
    /// When the customer consented to the channel (nil for mailings without a record).
    public var consentOn: Day?
    /// The day the planner has it due.
    public var due: Day

    public init(customerNumber: String, name: String, contact: String, email: String, street: String,
                postalCode: String, city: String, consentOn: Day?, due: Day) {
        self.customerNumber = customerNumber; self.name = name; self.contact = contact; self.email = email
        self.street = street; self.postalCode = postalCode; self.city = city; self.consentOn = consentOn; self.due = due
    }
}
