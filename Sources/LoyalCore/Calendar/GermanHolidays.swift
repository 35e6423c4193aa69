/// German public holidays, computed, so no table has to be kept up to date: the nine
/// nationwide ones and those of each federal state (ISO 3166-2:DE codes without "DE-").
/// Mariä Himmelfahrt counts for SL only: in BY it is a holiday only in the mostly
/// Catholic municipalities, which a state code cannot tell apart.
public enum GermanHolidays {
    /// The sixteen federal states.
    public static let states = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"]

    public struct Holiday: Hashable, Sendable {
        public var day: Day
        public var name: String
    }

    /// Easter Sunday of a Gregorian year (Gauss, in the anonymous Gregorian form of
    /// Meeus/Jones/Butcher, which needs no exception table).
    public static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(number: Day.civilNumber(year: year, month: month, day: day))
    }

    /// The holidays of one year for `state` ("" = the nationwide ones only), by day.
    /// An unknown state code gives the nationwide ones (the config reader refuses such codes).
    public static func holidays(in year: Int, state: String = "") -> [Holiday] {
        let easter = easterSunday(year)
        func date(_ m: Int, _ d: Int) -> Day { Day(number: Day.civilNumber(year: year, month: m, day: d)) }
        func afterEaster(_ offset: Int) -> Day { easter.adding(days: offset) }
        var list: [Holiday] = [
            Holiday(day: date(1, 1), name: "Neujahr"),
            Holiday(day: afterEaster(-2), name: "Karfreitag"),
            Holiday(day: afterEaster(1), name: "Ostermontag"),
            Holiday(day: date(5, 1), name: "Tag der Arbeit"),
            Holiday(day: afterEaster(39), name: "Christi Himmelfahrt"),
            Holiday(day: afterEaster(50), name: "Pfingstmontag"),
            Holiday(day: date(10, 3), name: "Tag der Deutschen Einheit"),
            Holiday(day: date(12, 25), name: "1. Weihnachtstag"),
            Holiday(day: date(12, 26), name: "2. Weihnachtstag"),
        ]
        // Reformationstag in the new states since 1990, in HB, HH, NI and SH since 2018;
        // nationwide once, in 2017 (the 500th anniversary).
        let reformation = ["BB", "MV", "SN", "ST", "TH"].contains(state)
            || (year >= 2018 && ["HB", "HH", "NI", "SH"].contains(state)) || year == 2017
        if reformation { list.append(Holiday(day: date(10, 31), name: "Reformationstag")) }
        switch state {
        case "BW", "BY", "ST": list.append(Holiday(day: date(1, 6), name: "Heilige Drei Könige"))
        default: break
        }
        if (state == "BE" && year >= 2019) || (state == "MV" && year >= 2023) {
            list.append(Holiday(day: date(3, 8), name: "Frauentag"))
        }
        if state == "BB" {
            list.append(Holiday(day: easter, name: "Ostersonntag"))
            list.append(Holiday(day: afterEaster(49), name: "Pfingstsonntag"))
        }
        if ["BW", "BY", "HE", "NW", "RP", "SL"].contains(state) {
            list.append(Holiday(day: afterEaster(60), name: "Fronleichnam"))
        }
        if state == "SL" { list.append(Holiday(day: date(8, 15), name: "Mariä Himmelfahrt")) }
        if state == "TH" && year >= 2019 { list.append(Holiday(day: date(9, 20), name: "Weltkindertag")) }
        if ["BW", "BY", "NW", "RP", "SL"].contains(state) {
            list.append(Holiday(day: date(11, 1), name: "Allerheiligen"))
        }
        if state == "SN" {
            // The Wednesday before 23 November (the last Sunday before Advent minus 4 days).
            let nov23 = date(11, 23)
            let back = (nov23.weekday - 3 + 7) % 7
            list.append(Holiday(day: nov23.adding(days: -(back == 0 ? 7 : back)), name: "Buß- und Bettag"))
        }
        return list.sorted { $0.day < $1.day }
    }

    /// Day numbers of the holidays in `years` for `state`: what `WorkCalendar.holidays` holds per region.
    public static func dayNumbers(years: ClosedRange<Int>, state: String = "") -> Set<Int> {
        var out = Set<Int>()
        for y in years { for h in holidays(in: y, state: state) { out.insert(h.day.number) } }
        return out
    }

    /// The holiday on a day, if any.
    public static func holiday(on day: Day, state: String = "") -> Holiday? {
        holidays(in: day.year, state: state).first { $0.day == day }
    }
}

extension WorkCalendar {
    /// A calendar with the German holidays of `years` for the team's state and every
    /// state a rep lives in; each region's set holds the nationwide holidays too.
    public static func german(years: ClosedRange<Int>, teamState: String = "", repStates: [Int64: String] = [:],
                              absences: [Int64: [ClosedRange<Day>]] = [:]) -> WorkCalendar {
        var holidays: [String: Set<Int>] = [:]
        for state in Set([teamState, ""] + repStates.values) {
            holidays[state] = GermanHolidays.dayNumbers(years: years, state: state)
        }
        return WorkCalendar(holidays: holidays, teamRegion: teamState, repRegions: repStates, absences: absences)
    }
}
