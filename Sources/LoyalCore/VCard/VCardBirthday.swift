/// BDAY values to a `Birthday`: `1980-05-17`, `19800517`, a date-time (`1980-05-17T00:00:00Z`,
/// `19800517T000000`), and without a year `--0517` or `--05-17`. Anything else (a text
/// birthday like "circa 1800", a year alone, an impossible day like `19723101`) is nil,
/// and the caller warns instead of guessing: a lenient calendar would roll 31 of month 31
/// over into another year.
public enum VCardBirthday {
    public static func parse(_ raw: some StringProtocol) -> Birthday? {
        var text = Substring(raw.trimmingSpaces)
        if let t = text.firstIndex(where: { $0 == "T" || $0 == "t" }) {
            guard t != text.startIndex else { return nil }  // a time only
            text = text[..<t]
        }
        if text.hasPrefix("--") {
            let digits = text.dropFirst(2).filter { $0 != "-" }
            guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit),
                  let m = Int(digits.prefix(2)), let d = Int(digits.suffix(2)) else { return nil }
            return Birthday(year: nil, month: m, day: d)
        }
        let digits = text.filter { $0 != "-" }
        let dashes = text.count - digits.count
        guard digits.count == 8, dashes == 0 || dashes == 2, digits.allSatisfy(\.isASCIIDigit),
              let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)), let d = Int(digits.suffix(2))
        else { return nil }
        if dashes == 2 {
            // Only YYYY-MM-DD, not 1980-0517.
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
        }
        return Birthday(year: y, month: m, day: d)
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
