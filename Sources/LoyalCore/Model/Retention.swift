public enum SignalStatus: String, CaseIterable, Sendable, Codable {
    case open, snoozed, dismissed, resolved
}

/// An early-warning signal on one customer, with the evidence that made it fire.
public struct ChurnSignal: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    /// Signal kinds are configurable, so this is a name from the config file.
    public var kind: String
    /// In the language of whoever reads it.
    public var evidence: String
    /// The evidence as the store keeps it (a catalogue key with arguments, `StoredText`);
    /// nil when it is the text itself.
    public var storedEvidence: String?
    /// Identifies the facts behind the signal, so a dismissed signal does not
    /// come back for the same evidence but does for new evidence.
    public var evidenceKey: String
    public var weight: Double
    public var status: SignalStatus
    public var openedOn: Day
    public var snoozedUntil: Day?
    public var reason: String
    public var assignedRepID: Int64?

    public init(id: Int64? = nil, customerID: Int64, kind: String, evidence: String, evidenceKey: String,
                weight: Double, status: SignalStatus = .open, openedOn: Day, snoozedUntil: Day? = nil,
                reason: String = "", assignedRepID: Int64? = nil) {
        self.id = id; self.customerID = customerID; self.kind = kind; self.evidence = evidence
        self.evidenceKey = evidenceKey; self.weight = weight; self.status = status; self.openedOn = openedOn
        self.snoozedUntil = snoozedUntil; self.reason = reason; self.assignedRepID = assignedRepID
    }
}

public enum CalendarEntryStatus: String, CaseIterable, Sendable, Codable {
    case open, done, skipped
}

/// Where a calendar entry came from.
public enum CalendarEntrySource: String, CaseIterable, Sendable, Codable {
    case plan, birthday, partnerBirthday = "partner_birthday", postPurchase = "post_purchase",
         followUp = "follow_up", triage, winback, manual
}

public struct CalendarEntry: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    public var contactPersonID: Int64?
    public var repID: Int64?
    public var due: Day
    public var channel: Channel
    public var reason: String
    public var source: CalendarEntrySource
    public var status: CalendarEntryStatus
    public var statusReason: String
    public var doneOn: Day?
    /// Stable across re-exports so calendar programs update instead of duplicating.
    public var uid: String

    public init(id: Int64? = nil, customerID: Int64, contactPersonID: Int64? = nil, repID: Int64? = nil,
                due: Day, channel: Channel, reason: String, source: CalendarEntrySource,
                status: CalendarEntryStatus = .open, statusReason: String = "", doneOn: Day? = nil, uid: String) {
        self.id = id; self.customerID = customerID; self.contactPersonID = contactPersonID; self.repID = repID
        self.due = due; self.channel = channel; self.reason = reason; self.source = source
        self.status = status; self.statusReason = statusReason; self.doneOn = doneOn; self.uid = uid
    }
}

public enum WinbackOfferType: String, CaseIterable, Sendable, Codable {
    case financial, emotional, material
}

public enum WinbackOutcome: String, CaseIterable, Sendable, Codable {
    case open, won, declined, abandoned
}

public struct WinbackCase: Hashable, Sendable, Codable {
    public var id: Int64?
    public var customerID: Int64
    public var openedOn: Day
    public var reason: LostReason
    public var score: Int
    public var scoreClass: String
    public var approach: String
    public var offerType: WinbackOfferType?
    public var conditions: String
    public var followUpOn: Day?
    public var outcome: WinbackOutcome
    public var closedOn: Day?
    /// The 1–5 judgements the score was computed from ("effort=2 referral=4 …"),
    /// so the case can be opened and scored again.
    public var judgements: String = ""

    public init(id: Int64? = nil, customerID: Int64, openedOn: Day, reason: LostReason, score: Int = 0,
                scoreClass: String = "", approach: String = "", offerType: WinbackOfferType? = nil,
                conditions: String = "", followUpOn: Day? = nil, outcome: WinbackOutcome = .open, closedOn: Day? = nil,
                judgements: String = "") {
        self.id = id; self.customerID = customerID; self.openedOn = openedOn; self.reason = reason
        self.score = score; self.scoreClass = scoreClass; self.approach = approach; self.offerType = offerType
        self.conditions = conditions; self.followUpOn = followUpOn; self.outcome = outcome; self.closedOn = closedOn
        self.judgements = judgements
    }
}
