extension Day {
    /// A date cell as CRM and spreadsheet exports write it: a day (`YYYY-MM-DD`, `DD.MM.YYYY`),
    /// optionally followed by a time of day, `2024-01-15 10:22`, `15.01.2024 10:22:05` or
    /// ISO 8601 `2023-04-12T08:15:31.000Z` / `…+02:00`. The day is the one written; the time
    /// is checked for its shape and dropped (Loyal keeps days).
    public init?(importing raw: some StringProtocol) {
        let text = Substring(raw)
        if let day = Day(parsing: text) { self = day; return }
        guard let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }),
              let day = Day(parsing: text[..<cut]), Day.isTimeOfDay(text[text.index(after: cut)...]) else { return nil }
        self = day
    }

    /// `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, each optionally with `Z` or an offset `±HH:MM` / `±HHMM`.
    static func isTimeOfDay(_ text: Substring) -> Bool {
        var t = text
        if t.hasSuffix("Z") { t = t.dropLast() }
        if let sign = t.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = t[t.index(after: sign)...].filter { $0 != ":" }
            guard offset.count == 4, offset.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            t = t[..<sign]
        }
        if let dot = t.firstIndex(of: ".") {
            let fraction = t[t.index(after: dot)...]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            t = t[..<dot]
        }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        let numbers = parts.map { Int($0)! }
        return numbers[0] < 24 && numbers[1] < 60 && (numbers.count == 2 || numbers[2] < 61)
    }
}

extension Birthday {
    /// A birthday cell as exports write it: a day (`1980-05-17`, `17.05.1980`), the same with
    /// a time as Excel and CRMs add it (`17.05.1980 00:00`, `1980-05-17T00:00:00.000Z`), vCard's
    /// `19800517`, and without a year `--05-17`, `--0517`, `05-17` or `17.05.`.
    public init?(importing raw: some StringProtocol) {
        let text = Substring(raw.trimmingSpaces)
        if let b = Birthday(parsing: text) { self = b; return }
        if let day = Day(importing: text) { self.init(day); return }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
           let m = Int(parts[0]), let d = Int(parts[1]) {
            self.init(year: nil, month: m, day: d)
            return
        }
        guard let b = VCardBirthday.parse(text) else { return nil }
        self = b
    }
}
