/// A calendar day without time or time zone: days since 1970-01-01.
///
/// Purchases, birthdays and due dates are days, not instants, so they must never
/// drift when the machine's time zone changes.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var number: Int

    public init(number: Int) { self.number = number }

    /// Returns nil for impossible dates such as 31.02.2024.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        number = Day.civilNumber(year: year, month: month, day: day)
    }

    /// Howard Hinnant's days_from_civil, valid for any year (also beyond 1…9999), so
    /// calendar arithmetic near the ends of the range cannot trap.
    static func civilNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The days a user may type or a file may hold: 1900-01-01 … 2200-12-31. Wider
    /// days are typing mistakes (`31.12.9999`, `-99999999`) and would only make the
    /// planning arithmetic run off the calendar.
    public static let earliest = Day(number: civilNumber(year: 1900, month: 1, day: 1))
    public static let latest = Day(number: civilNumber(year: 2200, month: 12, day: 31))
    public static let accepted = earliest...latest
    /// What messages say about the range.
    public static let acceptedRangeText = "1900-01-01 to 2200-12-31"

    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { ((number % 7 + 7 + 3) % 7) + 1 }
    /// This day on a weekday; a Saturday or Sunday gives the Monday after.
    public var weekdayOrNextMonday: Day { weekday >= 6 ? adding(days: 8 - weekday) : self }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func adding(days: Int) -> Day { Day(number: number + days) }

    /// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> Day {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        // Floor division: a negative month total still lands on months 1…12.
        let ny = total >= 0 ? total / 12 : (total - 11) / 12, nm = total - ny * 12 + 1
        return Day(number: Day.civilNumber(year: ny, month: nm, day: min(d, Day.daysIn(month: nm, year: ny))))
    }

    public func adding(years: Int) -> Day { adding(months: 12 * years) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.number - rhs.number }
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

    /// ISO 8601, `YYYY-MM-DD`.
    public var iso: String {
        let (y, m, d) = components
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// German style, `DD.MM.YYYY`.
    public var german: String {
        let (y, m, d) = components
        return "\(pad(d, 2)).\(pad(m, 2)).\(pad(y, 4))"
    }

    public var description: String { iso }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "\"\(text)\" is not a YYYY-MM-DD date"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

@inline(__always) func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
