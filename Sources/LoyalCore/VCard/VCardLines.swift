/// One content line after unfolding, with the physical line it starts on (1-based).
struct VCardLine {
    var bytes: [UInt8]
    var line: Int
}

/// Bytes of a .vcf file to unfolded content lines. Works on bytes, not Strings: the charset
/// of a vCard 2.1 file may change from property to property (CHARSET=, quoted-printable),
/// so text is decoded per value, later.
enum VCardLines {
    /// The file as UTF-8 bytes: a UTF-16 file (with a BOM, or plainly ASCII-in-UTF-16) is
    /// converted, a UTF-8 BOM dropped; anything else is left for the per-value decoding.
    static func normalised(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        // "BEGIN" in UTF-16 without a BOM: every other byte is zero.
        if bytes.count >= 4, bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 {
            return utf16(bytes[...], littleEndian: true)
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 {
            return utf16(bytes[...], littleEndian: false)
        }
        return bytes
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Physical lines. A line ends at LF, CR LF, a lone CR, or CR CR LF (which some iPhone
    /// exports write): a run of CRs followed by an optional LF is one line end.
    static func physical(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                lines.append(bytes[start..<i]); i += 1; start = i
            } else if b == 0x0D {
                lines.append(bytes[start..<i])
                i += 1
                while i < n, bytes[i] == 0x0D { i += 1 }
                if i < n, bytes[i] == 0x0A { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        if start < n { lines.append(bytes[start..<n]) }
        return lines
    }

    /// Unfolded content lines. A line starting with a space or tab continues the one before
    /// (the first blank is dropped). A quoted-printable value whose line ends in `=` (a soft
    /// line break) continues on the next line as it is: vCard 2.1 writers do not indent it.
    /// Empty lines between properties are dropped.
    static func unfolded(_ bytes: [UInt8]) -> [VCardLine] {
        var out: [VCardLine] = []
        // Appended to in place (never through a copy, which would make long values quadratic).
        var current: [UInt8] = []
        var currentLine = 0
        var quotedPrintable = false
        for (index, line) in physical(normalised(bytes)).enumerated() {
            if currentLine > 0 {
                if quotedPrintable, current.last == UInt8(ascii: "=") {
                    current.removeLast()
                    current.append(contentsOf: line)
                    continue
                }
                if let first = line.first, first == 0x20 || first == 0x09 {
                    current.append(contentsOf: line.dropFirst())
                    continue
                }
                out.append(VCardLine(bytes: current, line: currentLine))
                currentLine = 0
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            current = Array(line)
            currentLine = index + 1
            quotedPrintable = isQuotedPrintable(head: line)
        }
        if currentLine > 0 { out.append(VCardLine(bytes: current, line: currentLine)) }
        return out
    }

    /// Whether the part before the value names quoted-printable (`ENCODING=QUOTED-PRINTABLE`
    /// or the bare 2.1 form `;QUOTED-PRINTABLE`).
    static func isQuotedPrintable(head line: ArraySlice<UInt8>) -> Bool {
        let end = VCardProperty.valueStart(line) ?? line.endIndex
        return line[line.startIndex..<end].containsASCIICaseInsensitive("QUOTED-PRINTABLE")
    }
}

extension Collection where Element == UInt8 {
    /// `needle` must be upper-case ASCII.
    func containsASCIICaseInsensitive(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, count >= n.count else { return false }
        let bytes = Array(self)
        var i = 0
        while i + n.count <= bytes.count {
            var j = 0
            while j < n.count, upperASCII(bytes[i + j]) == n[j] { j += 1 }
            if j == n.count { return true }
            i += 1
        }
        return false
    }
}

@inline(__always) func upperASCII(_ b: UInt8) -> UInt8 { (97...122).contains(b) ? b - 32 : b }
