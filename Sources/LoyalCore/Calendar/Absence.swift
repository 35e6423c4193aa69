/// A rep away from work (vacation, sickness, a trade fair), both days included:
/// nothing is planned for him on these days.
public struct Absence: Hashable, Sendable {
    public var id: Int64?
    public var repID: Int64
    /// The rep's code, for lists ("MK").
    public var repCode: String
    public var from: Day
    public var to: Day
    public var reason: String

    public init(id: Int64? = nil, repID: Int64, repCode: String = "", from: Day, to: Day, reason: String = "") {
        self.id = id; self.repID = repID; self.repCode = repCode; self.from = from; self.to = to; self.reason = reason
    }

    public var days: ClosedRange<Day> { from...to }

    /// What is wrong with the input, nil when it may be stored.
    public static func problem(from: Day, to: Day, reason: String) -> String? {
        if to < from { return "the last day (\(to.iso)) is before the first (\(from.iso))" }
        if to - from > 366 { return "an absence may last at most a year" }
        if let p = TextSafety.problem(in: reason, field: .oneLine) { return "reason " + p }
        return nil
    }
}
