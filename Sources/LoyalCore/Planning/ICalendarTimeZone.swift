/// A `VTIMEZONE` definition. RFC 5545 wants one for every TZID a file uses, with
/// the rules, because a calendar program must not have to guess what
/// "Europe/Berlin" means. Loyal knows the zones of the EU's summer-time rule,
/// which covers its users; the config refuses other zone ids.
public struct ICalTimeZone: Hashable, Sendable {
    public var id: String
    public var standard: Observance
    public var daylight: Observance?

    /// One half of the year: which offset holds from when, by which rule.
    public struct Observance: Hashable, Sendable {
        public var name: String
        /// Offsets from UTC in minutes.
        public var offsetFrom: Int
        public var offsetTo: Int
        /// The first onset, local time: `19961027T030000`.
        public var start: String
        public var rule: String
    }

    /// Since 1996 all of the EU switches at 01:00 UTC on the last Sunday of
    /// March (to summer time) and of October (back). `standardOffset` is the
    /// zone's winter offset in minutes; the local switching times follow from it.
    /// The first onsets are the first years the rule holds in Germany: summer
    /// time on the last Sunday of March since 1981 (29.03.1981), its end on the
    /// last Sunday of October since 1996 (27.10.1996); both were Sundays.
    static func eu(_ id: String, standard standardOffset: Int, names: (String, String)) -> ICalTimeZone {
        let summer = standardOffset + 60
        let toSummer = pad(1 + standardOffset / 60, 2), toWinter = pad(1 + summer / 60, 2)
        return ICalTimeZone(
            id: id,
            standard: Observance(name: names.0, offsetFrom: summer, offsetTo: standardOffset,
                                 start: "19961027T\(toWinter)0000", rule: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
            daylight: Observance(name: names.1, offsetFrom: standardOffset, offsetTo: summer,
                                 start: "19810329T\(toSummer)0000", rule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
    }

    public static let europeBerlin = eu("Europe/Berlin", standard: 60, names: ("CET", "CEST"))

    static let central = ["Europe/Berlin", "Europe/Amsterdam", "Europe/Brussels", "Europe/Copenhagen",
                          "Europe/Luxembourg", "Europe/Madrid", "Europe/Oslo", "Europe/Paris", "Europe/Prague",
                          "Europe/Rome", "Europe/Stockholm", "Europe/Vienna", "Europe/Warsaw", "Europe/Zurich",
                          "Europe/Budapest", "Europe/Bratislava", "Europe/Ljubljana", "Europe/Zagreb"]
    static let western = ["Europe/London", "Europe/Dublin", "Europe/Lisbon"]
    static let eastern = ["Europe/Helsinki", "Europe/Athens", "Europe/Bucharest", "Europe/Sofia", "Europe/Riga",
                          "Europe/Tallinn", "Europe/Vilnius"]

    /// Every zone id `named(_:)` knows.
    public static let knownIDs: [String] = central + western + eastern

    public static func named(_ id: String) -> ICalTimeZone? {
        if central.contains(id) { return eu(id, standard: 60, names: ("CET", "CEST")) }
        if western.contains(id) {
            let names = id == "Europe/London" ? ("GMT", "BST") : id == "Europe/Dublin" ? ("GMT", "IST") : ("WET", "WEST")
            return eu(id, standard: 0, names: names)
        }
        if eastern.contains(id) { return eu(id, standard: 120, names: ("EET", "EEST")) }
        return nil
    }

    /// The `VTIMEZONE` component's content lines.
    var lines: [String] {
        var out = ["BEGIN:VTIMEZONE", "TZID:\(id)"]
        for (kind, o) in [("DAYLIGHT", daylight), ("STANDARD", standard)] {
            guard let o else { continue }
            out += ["BEGIN:\(kind)", "TZOFFSETFROM:\(Self.offset(o.offsetFrom))", "TZOFFSETTO:\(Self.offset(o.offsetTo))",
                    "TZNAME:\(o.name)", "DTSTART:\(o.start)", "RRULE:\(o.rule)", "END:\(kind)"]
        }
        return out + ["END:VTIMEZONE"]
    }

    /// `+0100`, `-0500`.
    static func offset(_ minutes: Int) -> String {
        (minutes < 0 ? "-" : "+") + pad(abs(minutes) / 60, 2) + pad(abs(minutes) % 60, 2)
    }
}
