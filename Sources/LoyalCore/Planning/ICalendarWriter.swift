/// A UTC instant to the second, for DTSTAMP. Passed in rather than read from the
/// clock, so an export is a pure function of its input.
public struct UTCTimestamp: Hashable, Sendable {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public init?(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        secondsSince1970 = Int64(day.number) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// `20261120T093000Z`.
    public var iCalendar: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86400 : (secondsSince1970 - 86399) / 86400
        let rest = Int(secondsSince1970 - days * 86400)
        return PlanUID.day(Day(number: Int(days))) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
    }
}

public enum ICalEventStatus: String, Sendable, Hashable {
    case tentative = "TENTATIVE", confirmed = "CONFIRMED", cancelled = "CANCELLED"
}

/// One `VEVENT`, as plain values; `ICalendarExport` makes them from planned entries.
public struct ICalEvent: Hashable, Sendable {
    public var uid: String
    public var start: Day
    /// Nil: an all-day event (`DTSTART;VALUE=DATE`). Else local time in the writer's zone.
    public var time: TimeOfDay?
    public var durationMinutes: Int
    public var summary: String
    public var description: String
    public var categories: [String]
    public var status: ICalEventStatus
    /// Set for birthdays: repeats every year on this month and day.
    public var yearly: YearlyDate?
    /// A reminder this many days before (a card must be posted ahead).
    public var alarmDaysBefore: Int?

    public struct YearlyDate: Hashable, Sendable {
        public var month: Int
        public var day: Int
        public init(month: Int, day: Int) { self.month = month; self.day = day }
    }

    public init(uid: String, start: Day, time: TimeOfDay? = nil, durationMinutes: Int = 30, summary: String,
                description: String = "", categories: [String] = [], status: ICalEventStatus = .confirmed,
                yearly: YearlyDate? = nil, alarmDaysBefore: Int? = nil) {
        self.uid = uid; self.start = start; self.time = time; self.durationMinutes = durationMinutes
        self.summary = summary; self.description = description; self.categories = categories; self.status = status
        self.yearly = yearly; self.alarmDaysBefore = alarmDaysBefore
    }

    /// The recurrence rule. 29 February repeats as "the last day of February"
    /// (`BYMONTH=2;BYMONTHDAY=-1`): a plain `FREQ=YEARLY` from a 29 February start
    /// would skip three years in four (RFC 5545 drops invalid dates), and the
    /// birthday would vanish from the calendar. The last day of February is the
    /// 28th in common years, the 29th in leap years: the same days the planner
    /// uses (`Birthday.occurrence(in:)`).
    public var recurrenceRule: String? {
        guard let y = yearly else { return nil }
        if y.month == 2 && y.day == 29 { return "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" }
        return "FREQ=YEARLY"
    }
}

/// Writes an iCalendar file (RFC 5545) to publish the plan: a phone or desktop
/// calendar subscribes to or imports it, and a later export with the same UIDs
/// updates the events instead of duplicating them.
public struct ICalendarWriter: Sendable {
    public var productID = "-//Loyal//Loyal communication calendar//EN"
    public var timeZone: ICalTimeZone
    public var calendarName: String

    public init(timeZone: ICalTimeZone = .europeBerlin, calendarName: String = "Loyal") {
        self.timeZone = timeZone; self.calendarName = calendarName
    }

    /// The whole file: CR LF line ends, lines folded at 75 octets.
    public func document(_ events: [ICalEvent], stamp: UTCTimestamp) -> String {
        var out = ""
        write(events, stamp: stamp) { out += $0 }
        return out
    }

    /// The same file in pieces, one event at a time, so a large calendar goes to
    /// its file without being held in memory twice.
    public func write(_ events: [ICalEvent], stamp: UTCTimestamp, to emit: (String) -> Void) {
        func piece(_ lines: [String]) -> String {
            var text = ""
            for l in lines { text += ICalendarText.fold(l) + "\r\n" }
            return text
        }
        emit(piece(["BEGIN:VCALENDAR", "PRODID:\(productID)", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                    "X-WR-CALNAME:\(ICalendarText.escape(calendarName))", "X-WR-TIMEZONE:\(timeZone.id)"] + timeZone.lines))
        for e in events { emit(piece(eventLines(e, stamp: stamp))) }
        emit(piece(["END:VCALENDAR"]))
    }

    func eventLines(_ e: ICalEvent, stamp: UTCTimestamp) -> [String] {
        var l = ["BEGIN:VEVENT", "UID:\(e.uid)", "DTSTAMP:\(stamp.iCalendar)"]
        if let t = e.time {
            let local = "\(PlanUID.day(e.start))T\(pad(t.hour, 2))\(pad(t.minute, 2))00"
            l += ["DTSTART;TZID=\(timeZone.id):\(local)", "DURATION:PT\(e.durationMinutes)M"]
        } else {
            // All day: the end is exclusive, so the next day.
            l += ["DTSTART;VALUE=DATE:\(PlanUID.day(e.start))", "DTEND;VALUE=DATE:\(PlanUID.day(e.start.adding(days: 1)))"]
        }
        if let rule = e.recurrenceRule { l.append("RRULE:\(rule)") }
        l.append("SUMMARY:\(ICalendarText.escape(e.summary))")
        if !e.description.isEmpty { l.append("DESCRIPTION:\(ICalendarText.escape(e.description))") }
        if !e.categories.isEmpty { l.append("CATEGORIES:" + e.categories.map(ICalendarText.escape).joined(separator: ",")) }
        l += ["STATUS:\(e.status.rawValue)", "TRANSP:TRANSPARENT"]
        if let days = e.alarmDaysBefore, days > 0 {
            l += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(ICalendarText.escape(e.summary))",
                  "TRIGGER:-P\(days)D", "END:VALARM"]
        }
        l.append("END:VEVENT")
        return l
    }
}
