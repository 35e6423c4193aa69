extension Day {
    /// Strict `YYYY-MM-DD`. Reads bytes: every stored day passes through here.
    public init?(iso text: some StringProtocol) {
        switch text.utf8.withContiguousStorageIfAvailable({ Day(isoBytes: UnsafeRawBufferPointer($0)) }) {
        case .some(let day?): self = day; return
        case .some(nil): return nil
        case nil: break
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Strict `YYYY-MM-DD` straight from a database column's bytes, so bulk reads
    /// of millions of purchase days make no String per row.
    public init?(isoBytes b: UnsafeRawBufferPointer) {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Accepts `YYYY-MM-DD` and `DD.MM.YYYY` (also `D.M.YYYY`), the two forms CRM exports use,
    /// for days in `Day.accepted` (1900–2200): imports, options and settings all read days here.
    public init?(parsing raw: some StringProtocol) {
        guard let day = Day(anyYearParsing: raw), Day.accepted.contains(day) else { return nil }
        self = day
    }

    /// Relative input as typed in forms: `t` today, `-1` yesterday, `+7` in a week,
    /// `12.3.` this year's 12 March (last year's if that is in the future and `pastBias`),
    /// `12.3.24`, plus every form `init(parsing:)` accepts; only days in `Day.accepted`.
    public init?(typed raw: String, today: Day, pastBias: Bool = true) {
        guard let day = Day(anyYearTyped: raw, today: today, pastBias: pastBias), Day.accepted.contains(day) else {
            return nil
        }
        self = day
    }

    /// True when `text` names a real day that lies outside `Day.accepted` (`31.12.9999`,
    /// `+100000`), so a message can say "outside 1900-01-01 to 2200-12-31" instead of "not a date".
    public static func isOutsideAccepted(parsing text: some StringProtocol) -> Bool {
        Day(anyYearParsing: text).map { !accepted.contains($0) } ?? false
    }

    /// As `isOutsideAccepted(parsing:)` for typed input; a relative day too far to count is outside.
    public static func isOutsideAccepted(typed text: String, today: Day) -> Bool {
        if let day = Day(anyYearTyped: text, today: today, pastBias: false) { return !accepted.contains(day) }
        let t = text.trimmingSpaces
        guard let sign = t.first, sign == "+" || sign == "-" else { return false }
        let digits = t.dropFirst()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    init?(anyYearParsing raw: some StringProtocol) {
        let text = raw.trimmingSpaces
        if let day = Day(iso: text) { self = day; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    init?(anyYearTyped raw: String, today: Day, pastBias: Bool) {
        let text = raw.trimmingSpaces.lowercased()
        if text == "t" || text == "today" || text == "heute" { self = today; return }
        if let first = text.first, first == "-" || first == "+" {
            // Digits only after the sign ("+-5" is no day), and an addition that cannot overflow.
            let digits = text.dropFirst()
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
            let (number, overflow) = today.number.addingReportingOverflow(first == "-" ? -n : n)
            guard !overflow else { return nil }
            self = Day(number: number); return
        }
        if let day = Day(anyYearParsing: text) { self = day; return }
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
        // Most cells have nothing to trim; look at the bytes before paying for Characters.
        var s = Substring(self)
        if let first = s.utf8.first, let last = s.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return s
        }
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
