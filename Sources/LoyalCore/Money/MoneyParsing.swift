extension Money {
    /// Parses amounts as CRM and ERP exports write them: `1234.56`, `1234,56`,
    /// `1.234,56`, `1,234.56`, `-12`, optionally with `€`/`EUR` and spaces.
    /// A lone separator followed by exactly three digits is a thousands separator
    /// (`1.234` = 1234), because money never has three decimals; more than two
    /// decimals otherwise is an error rather than a silent rounding.
    /// Works on bytes: a million purchase rows pass through here.
    public init?(parsing raw: some StringProtocol) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var input = Array(raw.utf8)
        // Currency marks and spaces may stand anywhere; `EUR` only as a word.
        if input.contains(UInt8(ascii: "E")), let r = input.firstRange(of: Array("EUR".utf8)) { input.removeSubrange(r) }
        var i = 0
        while i < input.count {
            let b = input[i]
            if b == 0x20 || b == 0x09 { i += 1; continue }
            if b == 0xC2, i + 1 < input.count, input[i + 1] == 0xA0 { i += 2; continue }  // no-break space
            if b == 0xE2, i + 2 < input.count, input[i + 1] == 0x82, input[i + 2] == 0xAC { i += 3; continue }  // €
            bytes.append(b); i += 1
        }
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        else if bytes.last == UInt8(ascii: "-") { negative = true; bytes.removeLast() }
        guard let cents = Money.cents(of: bytes) else { return nil }
        self.init(cents: negative ? -cents : cents)
    }

    private static let dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")

    static func cents(of text: [UInt8]) -> Int64? {
        guard let first = text.first, isDigit(first) else { return nil }
        var dots = 0, commas = 0, lastDot = -1, lastComma = -1
        for (i, b) in text.enumerated() {
            if b == dot { dots += 1; lastDot = i }
            else if b == comma { commas += 1; lastComma = i }
            else if !isDigit(b) { return nil }
        }
        var integerEnd = text.count, fractionStart = text.count
        if dots > 0 && commas > 0 {
            let decimalAt = max(lastDot, lastComma)
            guard (decimalAt == lastDot ? dots : commas) == 1 else { return nil }
            integerEnd = decimalAt; fractionStart = decimalAt + 1
            guard validGrouping(text[..<integerEnd], separator: decimalAt == lastDot ? comma : dot) else { return nil }
        } else if dots + commas > 0 {
            let sep = dots > 0 ? dot : comma
            let last = max(lastDot, lastComma)
            if dots + commas == 1 && text.count - last - 1 != 3 {
                integerEnd = last; fractionStart = last + 1
            } else {
                guard validGrouping(text[...], separator: sep) else { return nil }
            }
        }
        var whole: Int64 = 0, digits = 0
        for b in text[..<integerEnd] where isDigit(b) {
            digits += 1
            guard digits <= 15 else { return nil }
            whole = whole * 10 + Int64(b - 48)
        }
        let fraction = text[fractionStart...]
        guard fraction.count <= 2, fraction.allSatisfy(isDigit) else { return nil }
        var frac: Int64 = 0
        for b in fraction { frac = frac * 10 + Int64(b - 48) }
        if fraction.count == 1 { frac *= 10 }
        return whole * 100 + frac
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// `1.234.567` is valid grouping; `12.34.5` is not, and neither is `0,001` or
    /// `01.234`: nobody groups a number that starts with zero, so reading `0,001` as
    /// 1.00 € (as before issue 11) turned three decimals into thousands.
    static func validGrouping(_ text: ArraySlice<UInt8>, separator: UInt8) -> Bool {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.count <= (groups.count > 1 ? 3 : 15) else { return false }
        if groups.count > 1, first.first == UInt8(ascii: "0") { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
