/// Anything the calendar views can show: planned suggestions and stored entries.
public protocol CalendarItem {
    var due: Day { get }
    /// Still to be done; only open items can be overdue.
    var isOpen: Bool { get }
}

extension PlannedEntry: CalendarItem {
    /// A suggestion is open by definition; the store knows when it was done.
    public var isOpen: Bool { true }
}

extension CalendarEntry: CalendarItem {
    public var isOpen: Bool { status == .open }
}

extension Day {
    /// ISO 8601 week: weeks start on Monday, and week 1 is the one with the
    /// year's first Thursday, so 29.12.2025 is in week 1 of 2026.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday - jan1) / 7 + 1)
    }

    /// The Monday of this day's ISO week.
    public var startOfWeek: Day { adding(days: 1 - weekday) }
}

/// One day of a grid with what is due on it.
public struct CalendarDay<Item> {
    public var day: Day
    public var items: [Item]
    /// False for the days of neighbouring months that fill a month grid's first and last week.
    public var inMonth: Bool
    public var isToday: Bool

    public init(day: Day, items: [Item], inMonth: Bool = true, isToday: Bool = false) {
        self.day = day; self.items = items; self.inMonth = inMonth; self.isToday = isToday
    }
}

extension CalendarDay: Sendable where Item: Sendable {}
extension CalendarDay: Equatable where Item: Equatable {}

/// Seven days Monday to Sunday, with the ISO week they form.
public struct CalendarWeek<Item> {
    public var year: Int
    public var week: Int
    public var days: [CalendarDay<Item>]

    public init(year: Int, week: Int, days: [CalendarDay<Item>]) {
        self.year = year; self.week = week; self.days = days
    }
}

extension CalendarWeek: Sendable where Item: Sendable {}
extension CalendarWeek: Equatable where Item: Equatable {}

/// Agenda: what is overdue, what is due today, then the coming days.
public struct AgendaSection<Item> {
    public enum Kind: Hashable, Sendable {
        case overdue, today, day(Day)
    }

    public var kind: Kind
    public var items: [Item]

    public init(kind: Kind, items: [Item]) { self.kind = kind; self.items = items }
}

extension AgendaSection: Sendable where Item: Sendable {}
extension AgendaSection: Equatable where Item: Equatable {}

/// Generic and `@inlinable`, so the screens get code specialised for their item
/// type (unspecialised generic code took seconds over two million entries).
public enum CalendarViews {
    /// Agenda sections: overdue (open items due before today, oldest first), today,
    /// then one section per day up to `last` that has items. Today's section is
    /// always there (also empty: "nothing today" is news). Done items before today
    /// are history, not agenda. Items keep their given order within a day.
    @inlinable public static func agenda<Item: CalendarItem>(_ items: [Item], today: Day, through last: Day) -> [AgendaSection<Item>] {
        var overdue: [Item] = [], byDay: [Int: [Item]] = [:]
        for item in items {
            if item.due < today {
                if item.isOpen { overdue.append(item) }
            } else if item.due <= last {
                byDay[item.due.number, default: []].append(item)
            }
        }
        var sections: [AgendaSection<Item>] = []
        if !overdue.isEmpty {
            sections.append(AgendaSection(kind: .overdue, items: stableSorted(overdue)))
        }
        sections.append(AgendaSection(kind: .today, items: byDay[today.number] ?? []))
        for number in byDay.keys.sorted() where number != today.number {
            sections.append(AgendaSection(kind: .day(Day(number: number)), items: byDay[number]!))
        }
        return sections
    }

    /// The ISO week (Monday–Sunday) containing `day`.
    @inlinable public static func week<Item: CalendarItem>(_ items: [Item], containing day: Day, today: Day) -> CalendarWeek<Item> {
        let monday = day.startOfWeek
        let byDay = bucket(items, from: monday, to: monday.adding(days: 6))
        let days = (0..<7).map { i -> CalendarDay<Item> in
            let d = monday.adding(days: i)
            return CalendarDay(day: d, items: byDay[d.number] ?? [], inMonth: true, isToday: d == today)
        }
        let w = monday.isoWeek
        return CalendarWeek(year: w.year, week: w.week, days: days)
    }

    /// A month as rows of ISO weeks (Monday first), 4 to 6 rows of 7 days; days of
    /// the neighbouring months fill the first and last row and carry their items too.
    @inlinable public static func month<Item: CalendarItem>(_ items: [Item], year: Int, month: Int, today: Day) -> [CalendarWeek<Item>] {
        let first = Day(year: year, month: month, day: 1)!
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        let start = first.startOfWeek, end = last.startOfWeek.adding(days: 6)
        let byDay = bucket(items, from: start, to: end)
        var rows: [CalendarWeek<Item>] = []
        var monday = start
        while monday <= end {
            let days = (0..<7).map { i -> CalendarDay<Item> in
                let d = monday.adding(days: i)
                return CalendarDay(day: d, items: byDay[d.number] ?? [], inMonth: d.month == month, isToday: d == today)
            }
            let w = monday.isoWeek
            rows.append(CalendarWeek(year: w.year, week: w.week, days: days))
            monday = monday.adding(days: 7)
        }
        return rows
    }

    @inlinable static func bucket<Item: CalendarItem>(_ items: [Item], from: Day, to: Day) -> [Int: [Item]] {
        var byDay: [Int: [Item]] = [:]
        for item in items where item.due >= from && item.due <= to {
            byDay[item.due.number, default: []].append(item)
        }
        return byDay
    }

    /// By due day, keeping the given order among items of one day.
    @inlinable static func stableSorted<Item: CalendarItem>(_ items: [Item]) -> [Item] {
        items.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }.map(\.element)
    }
}
