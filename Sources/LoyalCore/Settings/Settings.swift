/// Everything a user can set in `config.toml`, as plain values. The config module
/// reads the file; every other module only sees this.
public struct Settings: Sendable {
    public var classes = ClassThresholds()
    /// Customer value: discounted expected revenue (or margin) over a horizon.
    public var value = ValueSettings()
    public var display = DisplaySettings()
    /// How many days ahead the calendar is planned and kept (overdue entries always are).
    public var calendarHorizonDays = 91
    public var retention = RetentionSettings()
    public var contactPlan = ContactPlanRules()
    /// Working days (holiday state) and each rep's daily capacity.
    public var workDays = WorkDaySettings()

    public init() {}
}

public struct DisplaySettings: Sendable, Hashable {
    public var theme = "default"
    public var money = MoneyStyle.german
    /// `de` shows days as 31.12.2026, `iso` as 2026-12-31.
    public var dateStyle = DateStyle.german
    /// `de` or `en`; empty: from the locale (LC_ALL, LC_MESSAGES, LANG), English otherwise.
    public var language = ""
    /// Formats of days and numbers, `de` or `en`; empty: from the locale (LC_ALL, LC_TIME,
    /// LC_MONETARY, LC_NUMERIC), else those of the language.
    public var formats = ""

    /// The formats chosen (`Text.formats`), else German formats, which Loyal has always shown.
    public init() {
        self = Text.formats.map { .defaults(for: $0) } ?? DisplaySettings(plain: ())
    }

    init(plain: Void) {}
}

public enum DateStyle: String, Sendable, Hashable, CaseIterable {
    case german = "de", iso

    public func format(_ day: Day) -> String { self == .german ? day.german : day.iso }
}

/// How the customer value is computed from the BG/NBD and Gamma-Gamma forecasts.
public struct ValueSettings: Sendable, Hashable {
    public var horizonYears = 10.0
    public var yearlyDiscountRate = 0.08
    public var periodsPerYear = 12
    /// Value on contribution margin instead of revenue for customers whose purchases carry margins.
    public var useMargin = true

    public init() {}
}
