/// When a customer must not be disturbed during the week ("Rushhour"): the care
/// article warns that calls in the customer's daily rush are badly received.
///
/// A day busy all day (`Sa ganztags`) is avoided by calls and visits; a day busy
/// for some hours (`Mo–Fr 11–14 Uhr`) is still a good day, the call just has to
/// be made outside those hours, so the planner keeps the day and says so.
public struct BusyHours: Hashable, Sendable {
    /// Busy minute ranges per ISO weekday: index 1 = Monday … 7 = Sunday (0 unused).
    public private(set) var ranges: [[Range<Int>]]
    /// The customer record's own words, quoted in notes.
    public var text: String

    public static let none = BusyHours(text: "")

    public init(text: String) {
        ranges = Array(repeating: [], count: 8)
        self.text = text
    }

    static let wholeDay = 0..<1440

    public mutating func add(_ range: Range<Int>, on weekday: Int) {
        ranges[weekday].append(range)
    }

    public var isEmpty: Bool { ranges.allSatisfy { $0.isEmpty } }

    public func isBusyAllDay(_ weekday: Int) -> Bool {
        ranges[weekday].contains { $0.lowerBound == 0 && $0.upperBound >= 1440 }
    }

    /// Busy for part of the day (the call has to avoid those hours).
    public func hasBusyHours(_ weekday: Int) -> Bool { !ranges[weekday].isEmpty }

    /// The busy range containing `time` on that weekday, if any.
    public func busyRange(at time: TimeOfDay, weekday: Int) -> Range<Int>? {
        ranges[weekday].first { $0.contains(time.minutes) }
    }

    /// Reads `Mo–Fr 11–14 Uhr`, `Sa ganztags`, `Mo–Fr 11–14 Uhr, Sa ganztags`,
    /// `Mo, Mi 8–9:30 Uhr`, `Fr ab 12 Uhr`, `werktags bis 10 Uhr`, `Mon-Fri 11-14h`.
    /// Days without hours are busy all day; hours without days apply to every day.
    /// Empty text is never busy; text it cannot read gives nil.
    public init?(parsing raw: String) {
        self.init(text: raw.trimming(""))
        guard let tokens = BusyHours.tokens(raw.lowercased()) else { return nil }
        var pending: [Int] = [], lastGroup: [Int] = Array(1...7), i = 0
        func apply(_ range: Range<Int>) {
            let days = pending.isEmpty ? lastGroup : pending
            for d in days { add(range, on: d) }
            lastGroup = days
            pending = []
        }
        func at(_ k: Int) -> Token? { k < tokens.count ? tokens[k] : nil }
        while i < tokens.count {
            switch tokens[i] {
            case .days(let first):
                if at(i + 1) == .dash, case .days(let last)? = at(i + 2), first.count == 1, last.count == 1 {
                    var d = first[0]
                    while true { pending.append(d); if d == last[0] { break }; d = d % 7 + 1 }
                    i += 3
                } else {
                    pending += first; i += 1
                }
            case .time(let a):
                guard at(i + 1) == .dash, case .time(let b)? = at(i + 2), b > a else { return nil }
                apply(a..<b); i += 3
            case .from:
                guard case .time(let a)? = at(i + 1) else { return nil }
                apply(a..<1440); i += 2
            case .dash:
                // `bis 10 Uhr`: busy from the start of the day.
                guard case .time(let b)? = at(i + 1), b > 0 else { return nil }
                apply(0..<b); i += 2
            case .allDay:
                apply(BusyHours.wholeDay); i += 1
            }
        }
        if !pending.isEmpty { apply(BusyHours.wholeDay) }
    }

    enum Token: Equatable { case days([Int]), dash, time(Int), from, allDay }

    static let words: [String: Token?] = {
        var w: [String: Token?] = [:]
        let names = [["mo", "mon", "montag", "monday"], ["di", "tue", "tues", "dienstag", "tuesday"],
                     ["mi", "wed", "mittwoch", "wednesday"], ["do", "thu", "thurs", "donnerstag", "thursday"],
                     ["fr", "fri", "freitag", "friday"], ["sa", "sat", "samstag", "sonnabend", "saturday"],
                     ["so", "sun", "sonntag", "sunday"]]
        for (i, list) in names.enumerated() { for n in list { w[n] = .days([i + 1]) } }
        for n in ["werktags", "weekdays", "wochentags"] { w[n] = .days(Array(1...5)) }
        for n in ["wochenende", "weekend", "wochenends"] { w[n] = .days([6, 7]) }
        for n in ["täglich", "taeglich", "daily", "immer"] { w[n] = .days(Array(1...7)) }
        for n in ["ganztags", "ganztägig", "ganztaegig", "allday"] { w[n] = .allDay }
        w["bis"] = .dash; w["to"] = .dash; w["until"] = .dash
        w["ab"] = .from; w["from"] = .from; w["after"] = .from
        // Filler words that carry no meaning here.
        for n in ["uhr", "h", "von", "jeweils", "und", "and", "all", "day", "den", "ganzen", "tag", "nur"] { w[n] = .some(nil) }
        return w
    }()

    /// Splits into words, times and dashes; nil on a word it does not know.
    static func tokens(_ text: String) -> [Token]? {
        var out: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isLetter {
                var word = ""
                while i < chars.count, chars[i].isLetter { word.append(chars[i]); i += 1 }
                guard let token = words[word] else { return nil }
                if let token { out.append(token) }
            } else if c.isASCII, c.isNumber {
                var hour = 0, minute = 0, digits = 0
                while i < chars.count, let v = chars[i].wholeNumberValue, chars[i].isASCII { hour = hour * 10 + v; i += 1; digits += 1 }
                if i + 2 < chars.count, chars[i] == ":" || chars[i] == ".",
                   let m1 = chars[i + 1].wholeNumberValue, let m2 = chars[i + 2].wholeNumberValue {
                    minute = m1 * 10 + m2; i += 3
                }
                guard digits <= 2, hour <= 24, minute < 60, hour * 60 + minute <= 1440 else { return nil }
                out.append(.time(hour * 60 + minute))
            } else if c == "-" || c == "–" || c == "—" {
                out.append(.dash); i += 1
            } else if c.isWhitespace || ",;/&+.".contains(c) {
                i += 1
            } else {
                return nil
            }
        }
        return out
    }
}
