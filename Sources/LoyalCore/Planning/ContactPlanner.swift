/// Builds the communication calendar from per-customer facts. Pure: the same
/// facts, rules and days give the same entries with the same UIDs.
///
/// What it plans, per customer:
/// 1. the dated entries a person gave (feedback, triage, win-back follow-ups);
/// 2. follow-ups after purchases, sooner the larger the amount;
/// 3. regular contact per class and channel (`cadence`), counted from the last
///    contact, so an earlier contact satisfies the plan and nothing is suggested
///    twice; planned contacts from 1, 2 and earlier channels count the same way;
/// 4. birthdays of contact persons and their partners.
/// A lost customer gets only his win-back follow-ups. Every entry then passes the
/// respect rules: no channel without consent (kept, blocked with the reason), and
/// no call or visit in high season or on a day busy all day when avoidable.
public enum ContactPlanner {
    /// Entries due in `from...to`, plus still-open entries due before `today`
    /// (overdue: the first missed cadence slot, unanswered purchases and given
    /// follow-ups), sorted by due day, customer and UID.
    public static func plan(_ facts: [CustomerPlanFacts], rules: ContactPlanRules, from: Day, to: Day, today: Day,
                            display: DisplaySettings = DisplaySettings()) -> [PlannedEntry] {
        var out: [PlannedEntry] = []
        out.reserveCapacity(facts.count * 8)
        for f in facts {
            out.append(contentsOf: plan(customer: f, rules: rules, from: from, to: to, today: today, display: display))
        }
        out.sort(by: ContactPlanner.order)
        return out
    }

    /// The plan of one customer, in the order it was built (see `order` to sort).
    public static func plan(customer facts: CustomerPlanFacts, rules: ContactPlanRules, from: Day, to: Day,
                            today: Day, display: DisplaySettings = DisplaySettings()) -> [PlannedEntry] {
        var p = CustomerPlanning(facts: facts, rules: rules, from: from, to: to, today: today, display: display)
        p.run()
        return p.out
    }

    /// Due day, then customer, then UID: a total order, so output never depends on input order.
    public static func order(_ l: PlannedEntry, _ r: PlannedEntry) -> Bool {
        if l.due != r.due { return l.due < r.due }
        if l.customerID != r.customerID { return l.customerID < r.customerID }
        return l.uid < r.uid
    }
}

struct PlannedContact {
    var at: Day, due: Day, channel: Channel
}

/// The planning of one customer: collects entries and the contacts they stand for.
struct CustomerPlanning {
    let facts: CustomerPlanFacts
    let rules: ContactPlanRules
    let from: Day, to: Day, today: Day
    let display: DisplaySettings
    var out: [PlannedEntry] = []
    /// Contacts already planned (not blocked), which satisfy cadences like made
    /// ones. An overdue one counts from today, the earliest it can still happen.
    var expected: [PlannedContact] = []
    /// The person regular contact goes to: the primary contact who has not left.
    let primaryContact: Int64?

    init(facts: CustomerPlanFacts, rules: ContactPlanRules, from: Day, to: Day, today: Day, display: DisplaySettings) {
        self.facts = facts; self.rules = rules; self.from = from; self.to = to; self.today = today
        self.display = display
        primaryContact = facts.contacts.first { $0.isPrimary && ($0.leftOn.map { $0 > today } ?? true) }?.id
    }

    mutating func run() {
        guard from <= to else { return }
        planGiven()
        if facts.isLost { return }
        planAfterPurchase()
        let cadence = rules.cadence(for: facts.customerClass,
                                    overrides: facts.overrides.filter { $0.customerID == facts.customerID })
        for channel in Channel.allCases {
            if let every = cadence[channel], every > 0 { planCadence(channel, every: every) }
        }
        planBirthdays()
    }

    func date(_ d: Day) -> String { display.dateStyle.format(d) }

    /// In the window, or overdue and so still to be done.
    func shows(_ e: PlannedEntry) -> Bool { e.due <= to && (e.due >= from || e.due < today) }

    /// Shows the entry if it is in the window; either way it is a planned contact
    /// (unless blocked), so that the plan of a later window is the same plan.
    mutating func keep(_ e: PlannedEntry) {
        if shows(e) { out.append(e) }
        if e.blocked == nil { expected.append(PlannedContact(at: max(e.due, today), due: e.due, channel: e.channel)) }
    }

    /// Follow-ups a person dated. A lost customer keeps only those of win-back.
    mutating func planGiven() {
        for g in facts.given where !facts.isLost || g.source == .winback {
            var e = PlannedEntry(uid: PlanUID.make(facts.customerID, g.source, PlanUID.key(g.key)),
                                 customerID: facts.customerID, repID: facts.repID, contactPersonID: g.contactPersonID,
                                 due: g.due, time: g.time, channel: g.channel, source: g.source, reason: g.reason)
            respect(&e, movable: true)
            keep(e)
        }
    }

    // MARK: Respecting the customer

    /// Consent first (blocks, keeps the day), then quiet times for calls and visits.
    /// Birthdays are not `movable`: their day is the point of them.
    func respect(_ e: inout PlannedEntry, movable: Bool) {
        e.blocked = facts.consentBlock(for: e.channel, style: display.dateStyle)
        guard e.channel.respectsQuietTimes, !(facts.highSeason.isEmpty && facts.busyHours.isEmpty) else { return }
        let busy = facts.busyHours
        if movable {
            avoidQuietDays(&e)
            avoidBusyHours(&e)
        } else if busy.isBusyAllDay(e.due.weekday) {
            e.conflict = "busy \(busy.text), but a birthday cannot move"
        }
        if e.time == nil, busy.hasBusyHours(e.due.weekday), !busy.isBusyAllDay(e.due.weekday) {
            e.hint = "busy \(busy.text)"
        }
    }

    /// Why a day (at a time) is no day for a call or visit, or nil if it is fine.
    func quietReason(_ d: Day, _ time: TimeOfDay?) -> String? {
        if facts.highSeason.contains(d) { return "high season \(facts.highSeason.text)" }
        let busy = facts.busyHours
        if busy.isBusyAllDay(d.weekday) { return "busy \(busy.text)" }
        // Busy from this time to the end of the day: the time cannot move later that day.
        if let time, let r = busy.busyRange(at: time, weekday: d.weekday), r.upperBound >= 1440 { return "busy \(busy.text)" }
        return nil
    }

    /// Moves to the next day outside high season and all-day busy days, or flags
    /// the entry when there is none within `maxMoveDays`.
    func avoidQuietDays(_ e: inout PlannedEntry) {
        guard let because = quietReason(e.due, e.time) else { return }
        let limit = e.due.adding(days: rules.maxMoveDays)
        var d = e.due
        while d <= limit {
            if facts.highSeason.contains(d) {
                let (y, m, _) = d.components  // skip the rest of the month at once
                d = Day(year: m == 12 ? y + 1 : y, month: m % 12 + 1, day: 1)!
            } else if quietReason(d, e.time) != nil {
                d = d.adding(days: 1)
            } else {
                e.moved = PlannedEntry.Move(from: e.due, because: because)
                e.due = d
                return
            }
        }
        e.conflict = "\(because): no free day within \(rules.maxMoveDays) days"
    }

    /// A timed call inside busy hours moves to when they end, the same day.
    func avoidBusyHours(_ e: inout PlannedEntry) {
        guard let original = e.time else { return }
        var time = original
        while let r = facts.busyHours.busyRange(at: time, weekday: e.due.weekday), r.upperBound < 1440,
              let later = TimeOfDay(minutes: r.upperBound) {
            time = later
        }
        guard time != original else { return }
        e.time = time
        if e.moved == nil {
            e.moved = PlannedEntry.Move(from: e.due, because: "busy \(facts.busyHours.text)")
        }
        e.moved?.fromTime = original
    }
}
