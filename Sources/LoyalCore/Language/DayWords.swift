/// Weekday and month names, and the dates people read with them, in the current language:
/// German `Fr 04.12.2026` and `Dezember 2026`, English `Fri 2026-12-04` and `December 2026`.
public enum DayWords {
    /// Short weekday names, Monday first (`Day.weekday` 1…7).
    static let weekdayKeys = ["date.mon", "date.tue", "date.wed", "date.thu", "date.fri", "date.sat", "date.sun"]
    /// Two-letter weekday names for narrow calendar columns.
    static let weekdayNarrowKeys = ["date.mo", "date.tu", "date.we", "date.th", "date.fr", "date.sa", "date.su"]
    static let monthKeys = ["date.january", "date.february", "date.march", "date.april", "date.may", "date.june",
                            "date.july", "date.august", "date.september", "date.october", "date.november",
                            "date.december"]

    /// "Fr" / "Fri" for a weekday 1 (Monday) … 7 (Sunday).
    public static func weekday(_ weekday: Int) -> String { Text.tr(weekdayKeys[(weekday - 1) % 7]) }

    /// "Fr" / "Fr": two letters in both languages, for week and month grids.
    public static func narrowWeekday(_ weekday: Int) -> String { Text.tr(weekdayNarrowKeys[(weekday - 1) % 7]) }

    /// "Dezember" / "December" for a month 1…12.
    public static func month(_ month: Int) -> String { Text.tr(monthKeys[(month - 1) % 12]) }

    /// "Dezember 2026" / "December 2026".
    public static func monthYear(_ day: Day) -> String { "\(month(day.month)) \(day.year)" }

    /// "Fr 04.12.2026" / "Fri 2026-12-04": a day with its weekday, in the date style given.
    public static func withWeekday(_ day: Day, _ style: DateStyle) -> String {
        "\(weekday(day.weekday)) \(style.format(day))"
    }
}

extension MoneyStyle {
    /// `1,234.56 €`: English number grouping, the currency kept.
    public static let english = MoneyStyle(groupingSeparator: ",", decimalSeparator: ".")
}

extension DisplaySettings {
    /// The formats of a language: German `31.12.2026` and `1.234,56 €`, English ISO days and
    /// `1,234.56 €`. The config file's own `dates` and separators still override them.
    public static func defaults(for language: Language) -> DisplaySettings { defaults(for: FormatChoice(language)) }

    /// Days and numbers each in the formats of their own language.
    public static func defaults(for choice: FormatChoice) -> DisplaySettings {
        var d = DisplaySettings(plain: ())
        if choice.numbers == .en { d.money = .english }
        if choice.dates == .en { d.dateStyle = .iso }
        return d
    }
}
