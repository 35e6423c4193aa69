import LoyalCore

/// Everything a full refresh recomputed.
public struct FullRefreshSummary: Sendable {
    public var statistics: RefreshSummary
    public var signals: SignalRefreshSummary
    public var calendar: CalendarRefreshSummary

    public init(statistics: RefreshSummary, signals: SignalRefreshSummary, calendar: CalendarRefreshSummary) {
        self.statistics = statistics; self.signals = signals; self.calendar = calendar
    }
}

extension Store {
    /// The full refresh after imports, the demo and `loyal refresh`: revenue figures
    /// and classes, then the early-warning signals, risk and stages.
    @discardableResult
    public func refreshAll(asOf: Day, settings: Settings) throws -> FullRefreshSummary {
        let stats = try refreshStatistics(asOf: asOf, thresholds: settings.classes)
        let signals = try evaluateSignals(asOf: asOf, settings: settings)
        let calendar = try refreshCalendar(today: asOf, settings: settings)
        try optimize()
        return FullRefreshSummary(statistics: stats, signals: signals, calendar: calendar)
    }

    /// After something about one customer changed (a visit saved, a triage action):
    /// re-evaluate that customer's signals and risk at once.
    public func refreshCustomer(_ id: Int64, asOf: Day, settings: Settings) throws {
        try evaluateSignals(asOf: asOf, settings: settings, only: [id])
        try refreshCalendar(today: asOf, settings: settings, only: [id])
    }
}
