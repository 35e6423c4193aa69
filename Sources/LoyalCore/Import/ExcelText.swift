/// What Excel does to a CSV file that other programs do not: "Unicode text" saved as
/// UTF-16 with a byte-order mark, and a first line `sep=;` naming the separator.
enum ExcelText {
    /// UTF-16 (LE or BE, by its BOM) as UTF-8 with a UTF-8 BOM; anything else unchanged.
    /// Unpaired surrogates become U+FFFD. Linear in the input.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 2 else { return bytes }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): little = true
        case (0xFE, 0xFF): little = false
        default: return bytes
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (lo, hi) = little ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(bytes.count + 3)
        transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { out.append($0) }
        return out
    }

    /// `sep=X` alone on the first line: the separator X and where the next line starts.
    static func separatorLine(_ bytes: [UInt8], from start: Int) -> (separator: UInt8, next: Int)? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= start + 5, Array(bytes[start..<start + 4]).map({ $0 | 0x20 }) == prefix else { return nil }
        let separator = bytes[start + 4]
        guard separator != 0x0A, separator != 0x0D else { return nil }
        var next = start + 5
        guard next == bytes.count || bytes[next] == 0x0A || bytes[next] == 0x0D else { return nil }
        if next < bytes.count, bytes[next] == 0x0D { next += 1 }
        if next < bytes.count, bytes[next] == 0x0A { next += 1 }
        return (separator, next)
    }
}
