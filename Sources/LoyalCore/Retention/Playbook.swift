/// How a playbook step reaches the customer.
public enum PlaybookChannel: String, CaseIterable, Hashable, Sendable {
    case call, visit, email, letter

    /// The calendar/consent channel (a call needs phone consent, an e-mail e-mail consent).
    public var channel: Channel {
        switch self {
        case .call: return .phone
        case .visit: return .visit
        case .email: return .email
        case .letter: return .letter
        }
    }
}

public struct PlaybookStep: Hashable, Sendable {
    public var channel: PlaybookChannel
    /// Days after the day the playbook is applied (0 = the same day).
    public var afterDays: Int
    /// As given: a catalogue key (`playbook_step.…`) for the defaults, the user's own words from
    /// config.toml.
    public var words: String

    /// What the step says, in the language in use.
    public var text: String { Text.keyedOrPlain(words, section: "playbook_step") }

    /// What the calendar keeps: a default's key (read in each viewer's language) or the user's words.
    var storedArg: StoredText.Arg { Text.isKey(words, section: "playbook_step") ? .word(words) : .text(words) }

    public init(_ channel: PlaybookChannel, after afterDays: Int, _ text: String) {
        self.channel = channel; self.afterDays = afterDays; self.words = text
    }
}

/// What to do when a signal of `kind` fires: contacts spread over the next days.
public struct Playbook: Hashable, Sendable {
    public var kind: String
    public var steps: [PlaybookStep]

    public init(kind: String, steps: [PlaybookStep]) { self.kind = kind; self.steps = steps }

    /// The calendar entries the steps make when applied on `today`, in step order.
    /// With `weekdaysOnly` a due day on a Saturday or Sunday moves to the Monday after:
    /// B2B buyers are not in on weekends.
    public func apply(today: Day, weekdaysOnly: Bool = true) -> [PlannedContact] {
        steps.enumerated().map { i, step in
            var due = today.adding(days: max(0, step.afterDays))
            if weekdaysOnly { due = due.weekdayOrNextMonday }
            // The signal's name where the catalogue has one (a kind of the user's own is its name).
            let name: StoredText.Arg = Text.has("signal.\(kind)") ? .word("signal.\(kind)") : .text(kind)
            return PlannedContact(kind: kind, step: i + 1, appliedOn: today, due: due, channel: step.channel.channel,
                                  words: StoredText("calendar_reason.playbook_step", [name, step.storedArg]))
        }
    }

    /// The playbook for `kind`, if any.
    public static func find(_ kind: String, in playbooks: [Playbook]) -> Playbook? {
        playbooks.first { $0.kind == kind }
    }
}

/// A contact a playbook planned, ready to become a calendar entry.
public struct PlannedContact: Hashable, Sendable {
    public var kind: String
    /// 1-based position of the step in its playbook.
    public var step: Int
    public var appliedOn: Day
    public var due: Day
    public var channel: Channel
    /// "revenue drop: Ask how business is going …" — the kind says why the call is made. Kept
    /// as catalogue keys (`reason` reads it in the language in use).
    public var words: StoredText
    public var reason: String { words.render() }

    public init(kind: String, step: Int, appliedOn: Day, due: Day, channel: Channel, words: StoredText) {
        self.kind = kind; self.step = step; self.appliedOn = appliedOn; self.due = due
        self.channel = channel; self.words = words
    }

    /// An open calendar entry from the early-warning triage. The uid is stable for the
    /// same customer, kind, day applied and step, so re-applying by accident or
    /// re-exporting to a phone updates instead of duplicating.
    public func calendarEntry(customerID: Int64, repID: Int64? = nil, contactPersonID: Int64? = nil) -> CalendarEntry {
        CalendarEntry(customerID: customerID, contactPersonID: contactPersonID, repID: repID, due: due, channel: channel,
                      reason: words.stored, source: .triage,
                      uid: "playbook-\(customerID)-\(kind)-\(appliedOn.iso)-\(step)@loyal")
    }
}
