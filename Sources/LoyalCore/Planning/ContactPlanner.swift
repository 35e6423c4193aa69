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
        // Customers in id order, each one's entries by day and UID, dropped into
        // one list per day: the total order comes without comparing or copying
        // millions of entries (a plain sort of two million took seconds).
        let ids = facts.map { $0.customerID }
        let context = PlanContext(rules: rules, from: from, to: to, today: today, display: display)
        var days = DayBuckets(first: from.number)
        for i in ids.indices.sorted(by: { ids[$0] < ids[$1] }) {
            var p = CustomerPlanning(facts: facts[i], context: context)
            p.run()
            var mine: [PlannedEntry] = []
            swap(&mine, &p.out)
            mine.sort { order($1, $0) }  // last first: `popLast` moves them out in order
            while let e = mine.popLast() { days.append(e) }
        }
        return days.joined()
    }

    /// The plan of one customer, in the order it was built (see `order` to sort).
    public static func plan(customer facts: CustomerPlanFacts, rules: ContactPlanRules, from: Day, to: Day,
                            today: Day, display: DisplaySettings = DisplaySettings()) -> [PlannedEntry] {
        var p = CustomerPlanning(facts: facts, context: PlanContext(rules: rules, from: from, to: to, today: today,
                                                                    display: display))
        p.run()
        return p.out
    }

    /// The planner of one run over many customers: the rules' lookups are worked out once,
    /// not once per customer (`plan(customer:…)` for one).
    public struct Run: Sendable {
        let context: PlanContext

        public init(rules: ContactPlanRules, from: Day, to: Day, today: Day, display: DisplaySettings = DisplaySettings()) {
            context = PlanContext(rules: rules, from: from, to: to, today: today, display: display)
        }

        /// The same entries as `plan(customer:…)` with this run's rules and days.
        public func plan(_ facts: CustomerPlanFacts) -> [PlannedEntry] {
            var p = CustomerPlanning(facts: facts, context: context)
            p.run()
            return p.out
        }
    }

    /// Due day, then customer, then UID: a total order, so output never depends on input order.
    public static func order(_ l: PlannedEntry, _ r: PlannedEntry) -> Bool {
        if l.due != r.due { return l.due < r.due }
        if l.customerID != r.customerID { return l.customerID < r.customerID }
        return l.uid < r.uid
    }
}

/// Entries by due day, moved in and out (`popLast`) so their strings are
/// never copied.
struct DayBuckets {
    var first: Int
    var buckets: [[PlannedEntry]] = []
    var count = 0

    mutating func append(_ e: consuming PlannedEntry) {
        let day = e.due.number
        if day < first {
            buckets.insert(contentsOf: repeatElement([], count: first - day), at: 0)
            first = day
        }
        let i = day - first
        if i >= buckets.count { buckets.append(contentsOf: repeatElement([], count: i - buckets.count + 1)) }
        buckets[i].append(e)
        count += 1
    }

    mutating func joined() -> [PlannedEntry] {
        var out: [PlannedEntry] = []
        out.reserveCapacity(count)
        for i in buckets.indices {
            buckets[i].reverse()
            while let e = buckets[i].popLast() { out.append(e) }
        }
        return out
    }
}

/// The rules and days of one planning run, with the rules' lookups worked out
/// once rather than per customer.
struct PlanContext {
    let rules: ContactPlanRules
    let from: Day, to: Day, today: Day
    let display: DisplaySettings
    /// Per class (`CustomerClass.allCases` order): the cadence in channel order,
    /// with the reason of a slot after the first ("Visit (every 90 days)").
    let cadence: [[Slot]]

    struct Slot {
        var channel: Channel, every: Int, reason: StoredText
    }
    let birthdays: [BirthdayRule?]
    /// Largest amount first, so the first one reached applies.
    let followUps: [PurchaseFollowUp]

    init(rules: ContactPlanRules, from: Day, to: Day, today: Day, display: DisplaySettings) {
        self.rules = rules; self.from = from; self.to = to; self.today = today; self.display = display
        cadence = CustomerClass.allCases.map { PlanContext.ordered(rules.cadence[$0] ?? [:]) }
        birthdays = CustomerClass.allCases.map { rules.birthdays[$0] }
        followUps = rules.afterPurchase.sorted { $0.minAmount > $1.minAmount }
    }

    static func ordered(_ cadence: [Channel: Int]) -> [Slot] {
        Channel.all.compactMap { c in
            cadence[c].flatMap { $0 > 0 ? Slot(channel: c, every: $0, reason: StoredText("calendar_reason.every", [c.actionWord, .int($0)])) : nil }
        }
    }

    func followUp(forPurchaseOf amount: Money) -> PurchaseFollowUp? {
        for f in followUps where amount >= f.minAmount { return f }
        return nil
    }
}

struct ExpectedContact {
    var at: Day, due: Day, channel: Channel
}

/// The planning of one customer: collects entries and the contacts they stand for.
struct CustomerPlanning {
    let facts: CustomerPlanFacts
    let context: PlanContext
    var rules: ContactPlanRules { context.rules }
    var from: Day { context.from }
    var to: Day { context.to }
    var today: Day { context.today }
    var display: DisplaySettings { context.display }
    var out: [PlannedEntry] = []
    /// Contacts already planned (not blocked), which satisfy cadences like made
    /// ones. An overdue one counts from today, the earliest it can still happen.
    var expected: [ExpectedContact] = []
    /// The person regular contact goes to: the primary contact who has not left.
    let primaryContact: Int64?
    /// Per `Channel.index`: why it is blocked (consent), worked out once per customer.
    let blocks: [StoredText?]
    let busyNote: StoredText, seasonNote: StoredText
    /// No high season and no busy hours: nothing to move.
    let noQuietTimes: Bool

    init(facts: CustomerPlanFacts, context: PlanContext) {
        self.facts = facts; self.context = context
        let today = context.today
        out.reserveCapacity(16)
        primaryContact = facts.contacts.first { $0.isPrimary && ($0.leftOn.map { $0 > today } ?? true) }?.id
        blocks = Channel.all.map { facts.consentBlockText(for: $0, b2bCalls: context.rules.b2bCalls) }
        busyNote = facts.busyHours.isEmpty ? .plain("") : StoredText("calendar_note.busy", [.text(facts.busyHours.text)])
        seasonNote = facts.highSeason.isEmpty ? .plain("") : StoredText("calendar_note.high_season", [.text(facts.highSeason.text)])
        noQuietTimes = facts.highSeason.isEmpty && facts.busyHours.isEmpty
    }

    mutating func run() {
        guard from <= to else { return }
        planGiven()
        if facts.isLost { return }
        planAfterPurchase()
        let overrides = facts.overrides.filter { $0.customerID == facts.customerID }
        let cadence = overrides.isEmpty ? context.cadence[facts.customerClass.index]
            : PlanContext.ordered(rules.cadence(for: facts.customerClass, overrides: overrides))
        for slot in cadence { planCadence(slot) }
        planBirthdays()
    }

    /// In the window, or overdue and so still to be done.
    func shows(_ e: PlannedEntry) -> Bool { e.due <= to && (e.due >= from || e.due < today) }

    /// Shows the entry if it is in the window; either way it is a planned contact
    /// (unless blocked), so that the plan of a later window is the same plan.
    mutating func keep(_ e: consuming PlannedEntry) {
        if e.blocked == nil { expected.append(ExpectedContact(at: max(e.due, today), due: e.due, channel: e.channel)) }
        if shows(e) { out.append(e) }
    }

    /// Follow-ups a person dated. A lost customer keeps only those of win-back.
    mutating func planGiven() {
        for g in facts.given where !facts.isLost || g.source == .winback {
            var e = PlannedEntry(uid: PlanUID.make(facts.customerID, g.source, PlanUID.key(g.key)),
                                 customerID: facts.customerID, repID: facts.repID, contactPersonID: g.contactPersonID,
                                 due: g.due, time: g.time, channel: g.channel, source: g.source, reasonText: .read(g.reason))
            respect(&e, movable: true)
            keep(e)
        }
    }

    // MARK: Respecting the customer

    /// Consent first (blocks, keeps the day), then quiet times for calls and visits.
    /// Birthdays are not `movable`: their day is the point of them.
    func respect(_ e: inout PlannedEntry, movable: Bool) {
        e.blockedText = blocks[e.channel.index]
        // Calls and visits are for working days; a planned slot on a weekend is
        // simply the next Monday (no note: the day was never a promise).
        if movable && e.channel.respectsQuietTimes { e.due = Self.workingDay(e.due) }
        guard e.channel.respectsQuietTimes, !noQuietTimes else { return }
        let busy = facts.busyHours
        if movable {
            avoidQuietDays(&e)
            avoidBusyHours(&e)
        } else if busy.isBusyAllDay(e.due.weekday) {
            e.conflictText = StoredText("calendar_note.birthday_cannot_move", [.sub(busyNote)])
        }
        if e.time == nil, busy.hasBusyHours(e.due.weekday), !busy.isBusyAllDay(e.due.weekday) {
            e.hintText = busyNote
        }
    }

    /// The day itself, or the Monday after a Saturday or Sunday.
    static func workingDay(_ d: Day) -> Day { d.weekdayOrNextMonday }

    /// Whether a day (at a time) is no day for a call or visit.
    func isQuiet(_ d: Day, _ time: TimeOfDay?) -> Bool {
        if facts.highSeason.contains(d) { return true }
        let busy = facts.busyHours
        if busy.isBusyAllDay(d.weekday) { return true }
        // Busy from this time to the end of the day: the time cannot move later that day.
        if let time, let r = busy.busyRange(at: time, weekday: d.weekday), r.upperBound >= 1440 { return true }
        return false
    }

    /// Moves to the next day outside high season and all-day busy days, or flags
    /// the entry when there is none within `maxMoveDays`.
    func avoidQuietDays(_ e: inout PlannedEntry) {
        guard isQuiet(e.due, e.time) else { return }
        let because = facts.highSeason.contains(e.due) ? seasonNote : busyNote
        let limit = e.due.adding(days: rules.maxMoveDays)
        var d = e.due
        while d <= limit {
            if facts.highSeason.contains(d) {
                let (y, m, _) = d.components  // skip the rest of the month at once
                d = Day(year: m == 12 ? y + 1 : y, month: m % 12 + 1, day: 1)!
            } else if isQuiet(d, e.time) || d.weekday >= 6 {
                d = d.adding(days: 1)
            } else {
                e.moved = PlannedEntry.Move(from: e.due, because: because)
                e.due = d
                return
            }
        }
        e.conflictText = StoredText("calendar_note.no_free_day", [.sub(because), .int(rules.maxMoveDays)])
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
            e.moved = PlannedEntry.Move(from: e.due, because: busyNote)
        }
        e.moved?.fromTime = original
    }
}
