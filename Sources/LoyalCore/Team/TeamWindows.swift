/// The periods the manager's overview counts in, fixed by the day it is looked at.
/// Activity and feedback windows end before today, so a figure does not change
/// while today's visits are still being made; the year windows end with today, as
/// the revenue of the last 12 months does.
public struct TeamWindows: Hashable, Sendable {
    public let today: Day

    public init(today: Day) { self.today = today }

    /// Visits and calls made and planned: the 30 days before today.
    public var activity: Range<Day> { today.adding(days: -30)..<today }

    /// NPS and satisfaction now: the 90 days before today…
    public var feedbackRecent: Range<Day> { today.adding(days: -90)..<today }

    /// …against the 90 days before those.
    public var feedbackPrevious: Range<Day> { today.adding(days: -180)..<today.adding(days: -90) }

    /// Lost and won back: after the same day a year ago, up to and including today.
    public var year: ClosedRange<Day> { today.adding(months: -12).adding(days: 1)...today }
}
