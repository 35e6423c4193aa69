/// The levelling pass after the per-customer planner: the planner says when each
/// customer ought to hear from us; this pass makes it a plan a rep can work. Each
/// call and visit gets a window it may move within and a priority (what is at
/// stake), and each rep's working days are filled in order of priority within the
/// rep's capacity, spreading the load inside the windows and keeping a day's visits
/// in one postal region (a tour day). What does not fit leaves the horizon and is
/// counted; a planned contact that was not done rolls forward into the next free
/// capacity with an "overdue since" mark.
public enum PlanLevelling {
    /// Visits and calls a rep can do on one working day.
    public typealias Capacity = (visits: Int, calls: Int)
    public static let defaultCapacity: Capacity = (visits: 4, calls: 15)

    /// Working days an entry may move either way, by rule (see `LevelRule`).
    public static let aVisitSlack = 10
    public static let cadenceSlack = 5
    public static let afterPurchaseSlack = 3
    /// How far a missed contact may roll forward: two working weeks from today.
    public static let overdueSlack = 10

    /// Places every item; the result is in the items' order.
    /// - `capacity`: per rep; reps not listed get `defaultCapacity`.
    /// - `today...end`: the horizon; nothing is placed outside it.
    public static func level(_ items: [LevelItem], calendar: WorkCalendar, capacity: [Int64: Capacity] = [:],
                             defaultCapacity: Capacity = defaultCapacity, today: Day, end: Day) -> [Placement] {
        var out = [Placement](repeating: Placement(day: nil, outcome: .pastHorizon, rank: 0, window: nil), count: items.count)
        guard today <= end else { return out }
        // Per rep (nil: no rep): the working days come from one table per rep, not a
        // calendar search per entry.
        var byRep: [Int64?: [Int]] = [:]
        for i in items.indices { byRep[items[i].rep, default: []].append(i) }
        for (rep, indices) in byRep {
            var days = RepDays(rep: rep, calendar: calendar, today: today, end: end,
                               capacity: rep.flatMap { capacity[$0] } ?? defaultCapacity)
            days.place(indices.filter { items[$0].takesCapacity }, of: items, into: &out)
            for i in indices where !items[i].takesCapacity { out[i] = days.placeFreely(items[i], end: end) }
        }
        return out
    }
}

/// How far an entry may move, from what it is.
public enum LevelRule: String, Sendable, Hashable {
    /// A person dated it (feedback, triage, win-back, by hand): its day.
    case given
    /// Its day; on a weekend or holiday the working day before.
    case birthday
    /// After a purchase: the day it is due or up to three working days later.
    case afterPurchase
    /// An A customer's regular visit: ±10 working days.
    case aVisit
    /// Other regular contact: ±5 working days.
    case cadence
    /// Due before today and not done: the next free capacity within two working weeks.
    case overdue
    /// Another customer's stored entry (a refresh of a few customers): load that stays.
    case fixedLoad

    /// "±10 working days", for the explanation.
    public var windowText: String {
        switch self {
        case .given: return "0 days (dated by a person)"
        case .birthday: return "0 days (a weekend or holiday gives the working day before)"
        case .afterPurchase: return "+0..+\(PlanLevelling.afterPurchaseSlack) working days"
        case .aVisit: return "±\(PlanLevelling.aVisitSlack) working days"
        case .cadence: return "±\(PlanLevelling.cadenceSlack) working days"
        case .overdue: return "next free capacity within \(PlanLevelling.overdueSlack) working days"
        case .fixedLoad: return "fixed"
        }
    }
}

/// One entry as the levelling sees it: small, so a year of 200000 customers fits.
public struct LevelItem: Sendable, Hashable {
    public var rep: Int64?
    public var customerID: Int64
    /// The planner's day.
    public var due: Day
    public var rule: LevelRule
    public var isVisit: Bool
    public var isCallOrVisit: Bool
    /// A call or visit with a rep that may happen (not blocked): counts against capacity.
    public var takesCapacity: Bool
    /// Postal region (first two digits of the postal code), -1 when unknown.
    public var region: Int16
    /// Expected loss in cents (risk × customer value): what is at stake.
    public var stake: Int64
    public var customerClass: CustomerClass

    public init(rep: Int64?, customerID: Int64, due: Day, rule: LevelRule, isVisit: Bool, isCallOrVisit: Bool,
                takesCapacity: Bool, region: Int16 = -1, stake: Int64 = 0, customerClass: CustomerClass = .c) {
        self.rep = rep; self.customerID = customerID; self.due = due; self.rule = rule; self.isVisit = isVisit
        self.isCallOrVisit = isCallOrVisit; self.takesCapacity = takesCapacity; self.region = region
        self.stake = stake; self.customerClass = customerClass
    }

    /// The item for a planned entry of a customer.
    public init(_ e: PlannedEntry, customerClass: CustomerClass, stake: Int64, region: Int16, today: Day) {
        let rule: LevelRule
        switch e.source {
        case .followUp, .triage, .winback, .manual: rule = .given
        case .birthday, .partnerBirthday: rule = .birthday
        case .postPurchase: rule = e.due < today ? .overdue : .afterPurchase
        case .plan: rule = e.due < today ? .overdue : (customerClass == .a && e.channel == .visit ? .aVisit : .cadence)
        }
        let callOrVisit = e.channel.respectsQuietTimes
        self.init(rep: e.repID, customerID: e.customerID, due: e.due, rule: rule, isVisit: e.channel == .visit,
                  isCallOrVisit: callOrVisit, takesCapacity: callOrVisit && e.blocked == nil && e.repID != nil,
                  region: region, stake: stake, customerClass: customerClass)
    }

    /// The first two digits of a postal code: the area a rep drives to.
    public static func region(ofPostalCode code: String) -> Int16 {
        var value: Int16 = 0, digits = 0
        for b in code.utf8 {
            guard (0x30...0x39).contains(b) else { if digits == 0 { continue } else { break } }
            value = value * 10 + Int16(b - 0x30)
            digits += 1
            if digits == 2 { return value }
        }
        return -1
    }
}

/// Where the levelling put an entry.
public struct Placement: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case placed
        /// No room on the rep's days in its window: listed as "does not fit".
        case noRoom
        /// Its window lies past the horizon: the next plan has it.
        case pastHorizon
    }
    public var day: Day?
    public var outcome: Outcome
    /// Place in the rep's queue (1 = placed first), 0 for entries that take no capacity.
    public var rank: Int
    /// The days it could have had, clipped to the horizon and the working days.
    public var window: ClosedRange<Day>?
}

/// One rep's working days in the horizon and what is on them.
struct RepDays {
    let rep: Int64?
    let today: Day
    let capacity: PlanLevelling.Capacity
    /// Offsets from today of the rep's working days, ascending.
    var working: [Int] = []
    /// Per offset 0...n: the index in `working` of the first working day on or after it.
    var nextWorking: [Int] = []
    var visits: [Int], calls: [Int]
    /// Per offset: the postal regions of the day's visits (few: an array).
    var regions: [[Int16]]
    let calendar: WorkCalendar

    init(rep: Int64?, calendar: WorkCalendar, today: Day, end: Day, capacity: PlanLevelling.Capacity) {
        self.rep = rep; self.today = today; self.capacity = capacity; self.calendar = calendar
        let n = end - today + 1
        visits = Array(repeating: 0, count: n); calls = Array(repeating: 0, count: n)
        regions = Array(repeating: [], count: n)
        nextWorking = Array(repeating: 0, count: n + 1)
        for o in 0..<n where calendar.isWorkingDay(today.adding(days: o), rep: rep) { working.append(o) }
        var k = working.count
        for o in stride(from: n, through: 0, by: -1) {
            while k > 0, working[k - 1] >= o { k -= 1 }
            nextWorking[o] = k
        }
    }

    /// The working day on or after `day` (from the table inside the horizon).
    func workingDay(onOrAfter day: Day) -> Day {
        let o = day - today
        guard o >= 0, o < visits.count else { return calendar.workingDay(onOrAfter: day, rep: rep) }
        let k = nextWorking[o]
        return k < working.count ? today.adding(days: working[k]) : calendar.workingDay(onOrAfter: day, rep: rep)
    }

    /// The working day on or before `day`; before today (or none in the horizon) the calendar's.
    func workingDay(onOrBefore day: Day) -> Day {
        let o = day - today
        guard o >= 0, o < visits.count else { return calendar.workingDay(onOrBefore: day, rep: rep) }
        let k = nextWorking[o]
        if k < working.count, working[k] == o { return day }
        return k > 0 ? today.adding(days: working[k - 1]) : calendar.workingDay(onOrBefore: day, rep: rep)
    }

    /// An entry that takes no capacity (mail, a letter, a blocked call, no rep): a
    /// call or visit still only on a working day, a missed one rolls to today.
    func placeFreely(_ item: LevelItem, end: Day) -> Placement {
        var day = item.due
        if item.rule == .overdue { day = today }
        if item.isCallOrVisit, item.rule != .given || day >= today {
            day = item.rule == .birthday ? workingDay(onOrBefore: day) : workingDay(onOrAfter: day)
            if day < today { day = workingDay(onOrAfter: today) }
        }
        if day > end && item.rule != .given { return Placement(day: nil, outcome: .pastHorizon, rank: 0, window: nil) }
        return Placement(day: day, outcome: .placed, rank: 0, window: day...day)
    }

    func hasRoom(_ o: Int, visit: Bool) -> Bool {
        visit ? visits[o] < capacity.visits : calls[o] < capacity.calls
    }

    mutating func take(_ o: Int, _ item: LevelItem) {
        guard o >= 0, o < visits.count else { return }
        if item.isVisit {
            visits[o] += 1
            if !regions[o].contains(item.region) { regions[o].append(item.region) }
        } else {
            calls[o] += 1
        }
    }

    /// Whether a visit there keeps the day in one area: 0 its region is there already,
    /// 1 no visit yet, more the more areas the day has.
    func areaCost(_ o: Int, _ item: LevelItem) -> Int {
        guard item.isVisit else { return 0 }
        if regions[o].contains(item.region) { return 0 }
        return regions[o].isEmpty ? 1 : 2 + regions[o].count
    }

    /// Fixed entries first (a person's days, other customers' load, birthdays), then
    /// the rest by what is at stake: expected loss, then class, then the earlier due day.
    mutating func place(_ indices: [Int], of items: [LevelItem], into out: inout [Placement]) {
        func phase(_ r: LevelRule) -> Int { r == .given || r == .fixedLoad ? 0 : r == .birthday ? 1 : 2 }
        let order = indices.sorted { l, r in
            let a = items[l], b = items[r]
            let pa = phase(a.rule), pb = phase(b.rule)
            if pa != pb { return pa < pb }
            if a.stake != b.stake { return a.stake > b.stake }
            if a.customerClass != b.customerClass { return a.customerClass < b.customerClass }
            if a.due != b.due { return a.due < b.due }
            if a.customerID != b.customerID { return a.customerID < b.customerID }
            return l < r
        }
        let n = visits.count
        for (rank, i) in order.enumerated() {
            let item = items[i]
            let dueOffset = item.due - today
            switch item.rule {
            case .fixedLoad:
                take(dueOffset, item)
                continue
            case .given:
                // Overdue and dated by a person: stays in the overdue group.
                let day = item.due < today ? item.due : workingDay(onOrAfter: item.due)
                take(day - today, item)
                out[i] = Placement(day: day, outcome: .placed, rank: rank + 1, window: day...day)
                continue
            case .birthday:
                var day = workingDay(onOrBefore: item.due)
                if day < today { day = workingDay(onOrAfter: today) }
                let o = day - today
                guard o < n else { out[i] = Placement(day: nil, outcome: .pastHorizon, rank: rank + 1, window: nil); continue }
                if hasRoom(o, visit: item.isVisit) {
                    take(o, item)
                    out[i] = Placement(day: day, outcome: .placed, rank: rank + 1, window: day...day)
                } else {
                    out[i] = Placement(day: nil, outcome: .noRoom, rank: rank + 1, window: day...day)
                }
                continue
            default: break
            }
            // Window as indices into `working`.
            let due = nextWorking[min(max(0, dueOffset), n)]
            var lo: Int, hi: Int
            switch item.rule {
            case .overdue: lo = 0; hi = PlanLevelling.overdueSlack
            case .afterPurchase: lo = due; hi = due + PlanLevelling.afterPurchaseSlack
            case .aVisit: lo = due - PlanLevelling.aVisitSlack; hi = due + PlanLevelling.aVisitSlack
            default: lo = due - PlanLevelling.cadenceSlack; hi = due + PlanLevelling.cadenceSlack
            }
            lo = max(lo, 0); hi = min(hi, working.count - 1)
            guard lo <= hi, due < working.count || item.rule == .overdue else {
                out[i] = Placement(day: nil, outcome: .pastHorizon, rank: rank + 1, window: nil)
                continue
            }
            var best = -1, bestScore = (Int.max, Int.max, Int.max)
            for k in lo...hi {
                let o = working[k]
                guard hasRoom(o, visit: item.isVisit) else { continue }
                // A missed contact takes the first free day; the rest the least loaded, nearest the due day.
                let score = item.rule == .overdue ? (areaCost(o, item), k, 0)
                    : (areaCost(o, item), item.isVisit ? visits[o] : calls[o], abs(k - due))
                if score < bestScore { bestScore = score; best = o }
            }
            let window = today.adding(days: working[lo])...today.adding(days: working[hi])
            if best < 0 {
                out[i] = Placement(day: nil, outcome: .noRoom, rank: rank + 1, window: window)
            } else {
                take(best, item)
                out[i] = Placement(day: today.adding(days: best), outcome: .placed, rank: rank + 1, window: window)
            }
        }
    }
}

/// What the levelling did to an entry, for `loyal plan --explain`.
public struct Levelled: Hashable, Sendable {
    public var rule: LevelRule
    /// The planner's day, before levelling.
    public var planned: Day
    public var placement: Placement
    public var stake: Int64
}

extension PlannedEntry {
    /// Puts the entry on the day the levelling chose; a missed contact keeps the day
    /// it was due as its "overdue since" mark, a birthday off a working day says so.
    /// Returns false when it has no day in the horizon (it does not fit, or later).
    public mutating func apply(_ p: Placement, item: LevelItem) -> Bool {
        levelled = Levelled(rule: item.rule, planned: due, placement: p, stake: item.stake)
        guard let day = p.day else { return false }
        if item.rule == .overdue { overdueSince = overdueSince ?? due }
        if item.rule == .birthday, day != due, moved == nil {
            moved = Move(from: due, because: StoredText("calendar_note.not_working_day"))
        }
        due = day
        return true
    }
}

extension ContactPlanner {
    /// The levelled plan of the given customers: entries on the days levelling chose
    /// (in plan order) and those that did not fit (listed, not planned).
    public static func planLevelled(_ facts: [CustomerPlanFacts], rules: ContactPlanRules, from: Day, to: Day,
                                    today: Day, calendar: WorkCalendar, capacity: [Int64: PlanLevelling.Capacity] = [:],
                                    display: DisplaySettings = DisplaySettings())
        -> (entries: [PlannedEntry], unplanned: [PlannedEntry]) {
        var entries: [PlannedEntry] = [], items: [LevelItem] = []
        for f in facts {
            for e in plan(customer: f, rules: rules, from: from, to: to, today: today, display: display) {
                items.append(LevelItem(e, customerClass: f.customerClass, stake: f.stake, region: f.postalRegion,
                                       today: today))
                entries.append(e)
            }
        }
        let placements = PlanLevelling.level(items, calendar: calendar, capacity: capacity, today: today, end: to)
        var placed: [PlannedEntry] = [], unplanned: [PlannedEntry] = []
        for i in entries.indices {
            var e = entries[i]
            if e.apply(placements[i], item: items[i]) { placed.append(e) }
            else if placements[i].outcome == .noRoom { unplanned.append(e) }
        }
        placed.sort(by: order)
        return (placed, unplanned)
    }
}
