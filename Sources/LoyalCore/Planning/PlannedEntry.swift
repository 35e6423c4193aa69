/// One suggestion of the communication plan: whom to contact, when, how and why,
/// and whether respecting the customer changed or stopped it.
public struct PlannedEntry: Hashable, Sendable {
    /// Stable: derived from what the entry is (customer, source, person, the
    /// occurrence it stands for), never from when it was planned, so planning and
    /// exporting again update calendar programs instead of duplicating events.
    public var uid: String
    public var customerID: Int64
    public var repID: Int64?
    public var contactPersonID: Int64?
    public var due: Day
    public var time: TimeOfDay?
    public var channel: Channel
    public var source: CalendarEntrySource
    /// "Birthday of Anna Schmidt (54)", "Visit (every 90 days; last visit 12.08.2026)":
    /// a catalogue key with its arguments (a person's own words stay plain), so the
    /// store keeps one value each viewer reads in their language.
    public var reasonText: StoredText
    /// Why it must not be done as planned (missing or refused consent). Blocked
    /// entries are kept, so someone can ask for the consent instead.
    public var blockedText: StoredText?
    /// Set when the entry was moved out of a quiet time.
    public var moved: Move?
    /// A quiet time it could not be moved out of within the limit, and why.
    public var conflictText: StoredText?
    /// The day is fine but some hours are not: "busy Mo–Fr 11–14 Uhr".
    public var hintText: StoredText?
    /// For birthday entries: the birthday and the day it is celebrated this time
    /// (the due day may lie before it by the lead time).
    public var birthday: Birthday?
    public var occasion: Day?
    /// A planned contact that was not done, rolled forward: the day it was due first.
    public var overdueSince: Day?
    /// The levelling's window, priority and day (set by `apply`), for explanations.
    public var levelled: Levelled?

    /// The reason in the viewer's language (set: plain words).
    public var reason: String {
        get { reasonText.render() }
        set { reasonText = .plain(newValue) }
    }
    public var blocked: String? {
        get { blockedText?.render() }
        set { blockedText = newValue.map(StoredText.plain) }
    }
    public var conflict: String? {
        get { conflictText?.render() }
        set { conflictText = newValue.map(StoredText.plain) }
    }
    public var hint: String? {
        get { hintText?.render() }
        set { hintText = newValue.map(StoredText.plain) }
    }

    public init(uid: String, customerID: Int64, repID: Int64? = nil, contactPersonID: Int64? = nil, due: Day,
                time: TimeOfDay? = nil, channel: Channel, source: CalendarEntrySource, reasonText: StoredText,
                blocked: StoredText? = nil, moved: Move? = nil, conflict: StoredText? = nil, hint: StoredText? = nil,
                birthday: Birthday? = nil, occasion: Day? = nil) {
        self.uid = uid; self.customerID = customerID; self.repID = repID; self.contactPersonID = contactPersonID
        self.due = due; self.time = time; self.channel = channel; self.source = source; self.reasonText = reasonText
        self.blockedText = blocked; self.moved = moved; self.conflictText = conflict; self.hintText = hint
        self.birthday = birthday; self.occasion = occasion
    }

    /// With texts as words (a reason as stored, plain or a key: `StoredText.read`).
    public init(uid: String, customerID: Int64, repID: Int64? = nil, contactPersonID: Int64? = nil, due: Day,
                time: TimeOfDay? = nil, channel: Channel, source: CalendarEntrySource, reason: String,
                blocked: String? = nil, moved: Move? = nil, conflict: String? = nil, hint: String? = nil,
                birthday: Birthday? = nil, occasion: Day? = nil) {
        self.init(uid: uid, customerID: customerID, repID: repID, contactPersonID: contactPersonID, due: due, time: time,
                  channel: channel, source: source, reasonText: .read(reason), blocked: blocked.map(StoredText.read),
                  moved: moved, conflict: conflict.map(StoredText.read), hint: hint.map(StoredText.read),
                  birthday: birthday, occasion: occasion)
    }

    public struct Move: Hashable, Sendable {
        public var from: Day
        public var fromTime: TimeOfDay?
        /// "high season 11-12", "busy Sa ganztags".
        public var becauseText: StoredText
        public var because: String { becauseText.render() }

        public init(from: Day, fromTime: TimeOfDay? = nil, because: StoredText) {
            self.from = from; self.fromTime = fromTime; self.becauseText = because
        }

        public init(from: Day, fromTime: TimeOfDay? = nil, because: String) {
            self.init(from: from, fromTime: fromTime, because: .plain(because))
        }
    }

    /// Due before today and (being a plan suggestion) not done yet.
    public func isOverdue(today: Day) -> Bool { due < today }

    /// What respecting the customer did to the entry, for the status line and the
    /// calendar description: "blocked: no phone consent; moved from 20.11.2026 (high season 11-12)",
    /// in the viewer's language.
    public func note(style: DateStyle = .german) -> String {
        var format = EvidenceFormat.current
        format.dates = style
        return noteText.map { $0.render(format) } ?? ""
    }

    /// The note as the store keeps it: its parts joined by "; " (`calendar_note.and`), nil when there is none.
    public var noteText: StoredText? {
        var note: StoredText?
        func add(_ part: StoredText) {
            note = note.map { StoredText("calendar_note.and", [.sub($0), .sub(part)]) } ?? part
        }
        if let overdueSince { add(StoredText("calendar_note.overdue_since", [.day(overdueSince)])) }
        if let blockedText { add(StoredText("calendar_note.blocked", [.sub(blockedText)])) }
        if let moved { add(moved.text(due: due)) }
        if let conflictText { add(conflictText) }
        if let hintText { add(hintText) }
        return note
    }

    /// The row as a view shows it (texts in the viewer's language). A blocked entry is open
    /// with the block as its status reason, so it shows (and can be unblocked) rather than vanish.
    public func calendarEntry(style: DateStyle = .german) -> CalendarEntry {
        CalendarEntry(customerID: customerID, contactPersonID: contactPersonID, repID: repID, due: due,
                      channel: channel, reason: reason, source: source, status: .open,
                      statusReason: note(style: style), uid: uid)
    }
}

extension PlannedEntry.Move {
    /// "moved from 20.11.2026 (high season 11-12)", "moved from 10:00 (busy …)" when the day stayed.
    func text(due: Day) -> StoredText {
        let because = StoredText.Arg.sub(becauseText)
        if from == due {
            guard let fromTime else { return StoredText("calendar_note.moved", [because]) }
            return StoredText("calendar_note.moved_from_time", [.text(fromTime.description), because])
        }
        guard let fromTime else { return StoredText("calendar_note.moved_from", [.day(from), because]) }
        return StoredText("calendar_note.moved_from_day_time", [.day(from), .text(fromTime.description), because])
    }
}

extension Channel {
    /// "Call", "Visit" as a catalogue word (`plan_action.…`).
    public var actionWord: StoredText.Arg { .word(actionKey) }
    public var actionKey: String { "plan_action.\(rawValue)" }
}

/// UIDs: `c<customer>-<source>-<what>@loyal`, ASCII only so every calendar keeps them.
enum PlanUID {
    static func make(_ customerID: Int64, _ source: CalendarEntrySource, _ what: String) -> String {
        "c\(customerID)-\(name(source))-\(what)@loyal"
    }

    static func name(_ source: CalendarEntrySource) -> String {
        switch source {
        case .partnerBirthday: return "partner-birthday"
        case .postPurchase: return "post-purchase"
        case .followUp: return "follow-up"
        default: return source.rawValue
        }
    }

    /// `20260812`: a day in a UID.
    static func day(_ d: Day) -> String { digits(d, style: nil) }

    private static func digits(_ d: Day, style: DateStyle?) -> String {
        let (y, m, dd) = d.components
        guard (0...9999).contains(y) else { return style?.format(d) ?? "\(y)\(pad(m, 2))\(pad(dd, 2))" }
        return String(unsafeUninitializedCapacity: 10) { b in
            var i = 0
            func put(_ v: Int, _ width: Int) {
                var div = 1
                for _ in 1..<width { div *= 10 }
                while div > 0 { b[i] = UInt8(48 + v / div % 10); i += 1; div /= 10 }
            }
            func dot(_ c: UInt8) { b[i] = c; i += 1 }
            switch style {
            case nil: put(y, 4); put(m, 2); put(dd, 2)
            case .german?: put(dd, 2); dot(46); put(m, 2); dot(46); put(y, 4)
            case .iso?: put(y, 4); dot(45); put(m, 2); dot(45); put(dd, 2)
            }
            return i
        }
    }

    /// Keeps a store key UID-safe: letters, digits, `-`, `.`; anything else hex-escaped.
    static func key(_ k: String) -> String {
        var out = ""
        for b in k.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E: out.append(Character(Unicode.Scalar(b)))
            default: out += "_" + String(b, radix: 16)
            }
        }
        return out
    }
}
