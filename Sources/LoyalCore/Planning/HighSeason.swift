/// The months a customer is busiest ("Hauptsaison"). The care article warns that
/// long appointments in the customer's high season go down badly, so the planner
/// keeps calls and visits out of these months when it can.
public struct HighSeason: Hashable, Sendable {
    /// Bit `m` set = month `m` (1…12) is high season.
    public private(set) var mask: UInt16
    /// The customer record's own words, quoted in reasons ("high season 11-02").
    public var text: String

    public static let none = HighSeason(months: [], text: "")

    public init(months: some Sequence<Int>, text: String) {
        var mask: UInt16 = 0
        for m in months where (1...12).contains(m) { mask |= 1 << UInt16(m) }
        self.mask = mask
        self.text = text
    }

    public var months: [Int] { (1...12).filter { mask & (1 << UInt16($0)) != 0 } }
    public var isEmpty: Bool { mask == 0 }

    public func contains(month: Int) -> Bool { mask & (1 << UInt16(month)) != 0 }
    public func contains(_ day: Day) -> Bool { mask != 0 && contains(month: day.month) }

    /// Reads what people type into the soft-facts field: `11-12`, `11–02` (across the
    /// new year: November to February), `12`, `6-8, 12`, `Nov–Feb`, `Juni bis August`.
    /// Empty text is no high season; text it cannot read gives nil, so the caller
    /// can tell the user instead of silently ignoring it.
    public init?(parsing raw: String) {
        if raw.allSatisfy(\.isWhitespace) { self = .none; return }
        var text = raw.lowercased()
        for dash in ["–", "—", " bis ", " to "] { text = text.replacing(dash, with: "-") }
        var months = Set<Int>()
        let parts = text.split(whereSeparator: { ",;/&+".contains($0) }).flatMap { $0.split(separator: " und ") }
        for part in parts {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.trimming(" .") }
            guard (1...2).contains(bounds.count) else { return nil }
            guard let first = HighSeason.month(bounds[0]), let last = HighSeason.month(bounds[bounds.count - 1]) else {
                return nil
            }
            var m = first
            while true {
                months.insert(m)
                if m == last { break }
                m = m % 12 + 1
            }
        }
        if months.isEmpty { return nil }
        self.init(months: months, text: raw.trimming(""))
    }

    static let monthNames: [(String, Int)] = [
        ("jan", 1), ("feb", 2), ("mär", 3), ("maer", 3), ("mar", 3), ("apr", 4), ("mai", 5), ("may", 5),
        ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("okt", 10), ("oct", 10), ("nov", 11),
        ("dez", 12), ("dec", 12),
    ]

    static func month(_ token: String) -> Int? {
        if let n = Int(token) { return (1...12).contains(n) ? n : nil }
        guard token.count >= 3 else { return nil }
        return monthNames.first { token.hasPrefix($0.0) }?.1
    }
}

extension StringProtocol {
    /// Drops whitespace and the given characters at both ends.
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace || set.contains(c) { s.removeFirst() }
        while let c = s.last, c.isWhitespace || set.contains(c) { s.removeLast() }
        return String(s)
    }
}
