/// Any contact with the customer: a visit, a call, an e-mail, a letter, an event, a gift.
public struct Interaction: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    public var repID: Int64?
    public var kind: InteractionKind
    public var day: Day
    public var contactPersonIDs: [Int64]
    public var subject: String
    public var notes: String

    public init(id: Int64? = nil, customerID: Int64, repID: Int64? = nil, kind: InteractionKind, day: Day,
                contactPersonIDs: [Int64] = [], subject: String = "", notes: String = "") {
        self.id = id; self.customerID = customerID; self.repID = repID; self.kind = kind
        self.day = day; self.contactPersonIDs = contactPersonIDs; self.subject = subject; self.notes = notes
    }
}

/// What the rep learned on a visit or call (the "Feedbackbogen").
public struct Feedback: Hashable, Sendable, Codable {
    public var id: Int64?
    public var interactionID: Int64
    /// Net Promoter question, 0–10.
    public var nps: Int?
    /// Customer satisfaction, 1 (very dissatisfied) – 5 (very satisfied).
    public var csat: Int?
    /// Customer effort, 1 (very easy) – 7 (very hard).
    public var ces: Int?
    /// 1–5 each.
    public var productSatisfaction: Int?
    public var adviceSatisfaction: Int?
    public var topics: String = ""
    public var pricePressure: Bool = false
    public var competitor: String = ""
    /// The customer announced a cancellation (of a contract, a framework order, the
    /// account) in this contact — the articles' "Kündigung" churn signal.
    public var cancellation: Bool = false
    public var crossSellCategory: String = ""
    public var complaintID: Int64?
    public var nextStep: String = ""
    public var followUpOn: Day?
    /// The rep's own judgement of the relationship, 1 (at risk) – 5 (very good).
    public var repSentiment: Int?

    public init(id: Int64? = nil, interactionID: Int64) {
        self.id = id; self.interactionID = interactionID
    }
}

public struct Complaint: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    public var openedOn: Day
    public var category: ComplaintCategory
    public var text: String
    public var resolvedOn: Day?
    public var goodwill: Money?

    public init(id: Int64? = nil, customerID: Int64, openedOn: Day, category: ComplaintCategory,
                text: String, resolvedOn: Day? = nil, goodwill: Money? = nil) {
        self.id = id; self.customerID = customerID; self.openedOn = openedOn; self.category = category
        self.text = text; self.resolvedOn = resolvedOn; self.goodwill = goodwill
    }

    public var isOpen: Bool { resolvedOn == nil }
}
