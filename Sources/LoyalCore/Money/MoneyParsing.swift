extension Money {
    /// Parses amounts as CRM and ERP exports write them: `1234.56`, `1234,56`,
    /// `1.234,56`, `1,234.56`, `-12`, optionally with `€`/`EUR` and spaces.
    /// A lone separator followed by exactly three digits is a thousands separator
    /// (`1.234` = 1234), because money never has three decimals; more than two
    /// decimals otherwise is an error rather than a silent rounding.
    public init?(parsing raw: some StringProtocol) {
        var text = String(raw.trimmingSpaces)
        for unit in ["EUR", "€", "\u{00A0}", " "] { text = text.replacing(unit, with: "") }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        else if text.hasPrefix("+") { text.removeFirst() }
        else if text.hasSuffix("-") { negative = true; text.removeLast() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              let firstChar = text.first, firstChar.isNumber else { return nil }

        let dots = text.filter { $0 == "." }.count, commas = text.filter { $0 == "," }.count
        var integerPart = text, fractionPart = ""
        func split(at sep: Character, grouping: Character) -> Bool {
            guard let i = text.lastIndex(of: sep) else { return false }
            integerPart = String(text[..<i]); fractionPart = String(text[text.index(after: i)...])
            return Money.validGrouping(integerPart, separator: grouping)
        }
        switch (dots, commas) {
        case (0, 0): break
        case (_, 0), (0, _):
            let sep: Character = dots > 0 ? "." : ","
            let count = max(dots, commas)
            let tail = text.split(separator: sep, omittingEmptySubsequences: false).last ?? ""
            if count == 1 && tail.count != 3 {
                guard split(at: sep, grouping: sep == "." ? "," : ".") else { return nil }
            } else {
                guard Money.validGrouping(text, separator: sep) else { return nil }
                integerPart = text
            }
        default:
            let lastDot = text.lastIndex(of: ".")!, lastComma = text.lastIndex(of: ",")!
            let decimal: Character = lastDot > lastComma ? "." : ","
            guard (decimal == "." ? dots : commas) == 1,
                  split(at: decimal, grouping: decimal == "." ? "," : ".") else { return nil }
        }
        integerPart.removeAll { $0 == "." || $0 == "," }
        guard !integerPart.isEmpty, fractionPart.count <= 2,
              fractionPart.allSatisfy(\.isNumber), integerPart.count <= 15,
              let whole = Int64(integerPart) else { return nil }
        let frac = fractionPart.isEmpty ? 0 : Int64(fractionPart.count == 1 ? fractionPart + "0" : fractionPart)!
        let cents = whole * 100 + frac
        self.init(cents: negative ? -cents : cents)
    }

    /// `1.234.567` is valid grouping; `12.34.5` is not.
    static func validGrouping(_ text: String, separator: Character) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.count <= (groups.count > 1 ? 3 : 15) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
