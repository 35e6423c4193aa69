extension Day {
    /// Strict `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Accepts `YYYY-MM-DD` and `DD.MM.YYYY` (also `D.M.YYYY`), the two forms CRM exports use.
    public init?(parsing raw: some StringProtocol) {
        let text = raw.trimmingSpaces
        if let day = Day(iso: text) { self = day; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Relative input as typed in forms: `t` today, `-1` yesterday, `+7` in a week,
    /// `12.3.` this year's 12 March (last year's if that is in the future and `pastBias`),
    /// `12.3.24`, plus every form `init(parsing:)` accepts.
    public init?(typed raw: String, today: Day, pastBias: Bool = true) {
        let text = raw.trimmingSpaces.lowercased()
        if text == "t" || text == "today" || text == "heute" { self = today; return }
        if let first = text.first, first == "-" || first == "+", let n = Int(text.dropFirst()) {
            self = today.adding(days: first == "-" ? -n : n); return
        }
        if let day = Day(parsing: text) { self = day; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 || (parts.count == 2 && !parts[1].isEmpty) else { return nil }
        guard let d = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        if parts.count == 3, !parts[2].isEmpty {
            guard parts[2].count == 2, let yy = Int(parts[2]) else { return nil }
            self.init(year: 2000 + yy, month: m, day: d); return
        }
        guard let thisYear = Day(year: today.year, month: m, day: d) else { return nil }
        if pastBias, thisYear > today, let last = Day(year: today.year - 1, month: m, day: d) {
            self = last
        } else {
            self = thisYear
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
