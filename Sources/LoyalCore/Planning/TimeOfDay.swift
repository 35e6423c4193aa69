/// A wall-clock time without a date or zone (`09:30`). Planned entries are days;
/// only entries a person dated with a time (a follow-up "call Tuesday 9:30") carry one.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0 ..< 1440.
    public var minutes: Int

    public init?(hour: Int, minute: Int = 0) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// `9:30`, `09:30` or `9.30`.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), let h = Int(parts[0]) else { return nil }
        let m = parts.count == 2 ? Int(parts[1]) : 0
        guard let m, parts.count == 1 || parts[1].count == 2 else { return nil }
        self.init(hour: h, minute: m)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    public static func < (l: Self, r: Self) -> Bool { l.minutes < r.minutes }

    /// `09:30`.
    public var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
}
