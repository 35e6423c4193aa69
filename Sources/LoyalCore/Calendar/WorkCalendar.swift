/// Which days a rep works: not on weekends, not on the public holidays of the rep's
/// federal state (or of the team's), not while away. The planner, the forms' default days
/// and the playbooks ask it; where the holidays come from is `HolidayCalendar`'s business.
public struct WorkCalendar: Hashable, Sendable {
    /// Public holidays by region code ("" = nationwide only, "BY", "NW", …), each a set of day numbers.
    public var holidays: [String: Set<Int>]
    /// The team's region; a rep listed in `repRegions` uses his own.
    public var teamRegion: String
    /// Rep id → region code.
    public var repRegions: [Int64: String]
    /// Rep id → days away (vacation, sickness, trade fairs), inclusive ranges.
    public var absences: [Int64: [ClosedRange<Day>]]

    public init(holidays: [String: Set<Int>] = [:], teamRegion: String = "", repRegions: [Int64: String] = [:],
                absences: [Int64: [ClosedRange<Day>]] = [:]) {
        self.holidays = holidays; self.teamRegion = teamRegion; self.repRegions = repRegions; self.absences = absences
    }

    /// Weekends only: what Loyal knew before holidays and absences.
    public static let weekendsOnly = WorkCalendar()

    public func region(of rep: Int64?) -> String { rep.flatMap { repRegions[$0] } ?? teamRegion }

    public func isHoliday(_ day: Day, rep: Int64? = nil) -> Bool {
        holidays[region(of: rep)]?.contains(day.number) ?? false
    }

    public func isAway(_ day: Day, rep: Int64?) -> Bool {
        guard let rep, let ranges = absences[rep] else { return false }
        return ranges.contains { $0.contains(day) }
    }

    /// A weekday that is no holiday where the rep works and on which he is not away.
    public func isWorkingDay(_ day: Day, rep: Int64? = nil) -> Bool {
        day.weekday <= 5 && !isHoliday(day, rep: rep) && !isAway(day, rep: rep)
    }

    /// The day itself when it is a working day, else the next one (at most a year ahead).
    public func workingDay(onOrAfter day: Day, rep: Int64? = nil) -> Day {
        var d = day
        for _ in 0..<366 where !isWorkingDay(d, rep: rep) { d = d.adding(days: 1) }
        return d
    }

    /// The day itself when it is a working day, else the one before (at most a year back).
    public func workingDay(onOrBefore day: Day, rep: Int64? = nil) -> Day {
        var d = day
        for _ in 0..<366 where !isWorkingDay(d, rep: rep) { d = d.adding(days: -1) }
        return d
    }
}
