/// How a property's value became text, for the warnings.
enum VCardDecoding {
    case clean
    /// Not UTF-8 and no charset named: read as Windows-1252 (Outlook and older Windows tools).
    case windows1252Fallback
    /// Named UTF-8 but was not: undecodable bytes became U+FFFD.
    case brokenUTF8
}

extension VCardProperty {
    /// The value as text, escapes still in place (`\,` `\;` `\n`), line breaks as LF.
    func decodedText() -> (text: String, decoding: VCardDecoding) {
        let bytes: [UInt8] = encoding == "QUOTED-PRINTABLE" ? Self.quotedPrintable(rawValue) : Array(rawValue)
        var decoding = VCardDecoding.clean
        var text: String
        switch charset {
        case let c? where c.hasPrefix("iso-8859") || c.hasPrefix("windows-") || c.hasPrefix("cp125") || c == "latin1":
            text = String(decoding: Windows1252.toUTF8(bytes), as: UTF8.self)
        case let c? where c.hasPrefix("utf-8") || c == "utf8":
            if let s = String(validating: bytes, as: UTF8.self) { text = s } else {
                text = String(decoding: bytes, as: UTF8.self)
                decoding = .brokenUTF8
            }
        default:
            if let s = String(validating: bytes, as: UTF8.self) { text = s } else {
                text = String(decoding: Windows1252.toUTF8(bytes), as: UTF8.self)
                decoding = .windows1252Fallback
            }
        }
        if text.utf8.contains(0x0D) { text = Self.lineFeeds(text) }
        return (text, decoding)
    }

    /// Quoted-printable: `=XX` is a byte; an `=` not followed by two hex digits stays as it is
    /// (Funambol and others write a bare trailing `=`).
    static func quotedPrintable(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var i = value.startIndex
        while i < value.endIndex {
            let b = value[i]
            if b == UInt8(ascii: "="), i + 2 < value.endIndex, let h = hex(value[i + 1]), let l = hex(value[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// CR LF and lone CR (from `=0D=0A` in quoted-printable) to LF.
    static func lineFeeds(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 0x0D { out.append(0x0A); previousCR = true; continue }
            if b == 0x0A, previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

public enum VCardEscaping {
    /// Splits a structured value (N, ADR, ORG) at unescaped `;` and unescapes each part.
    static func components(_ text: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for b in text.utf8 {
            if escaped {
                appendEscaped(b, to: &current)
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else if b == UInt8(ascii: ";") {
                parts.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
        }
        if escaped { current.append(UInt8(ascii: "\\")) }
        parts.append(String(decoding: current, as: UTF8.self))
        return parts
    }

    /// `\n` `\N` a line break, `\,` `\;` `\\` `\:` the character; any other backslash stays.
    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var escaped = false
        for b in text.utf8 {
            if escaped {
                appendEscaped(b, to: &out)
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(b)
            }
        }
        if escaped { out.append(UInt8(ascii: "\\")) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEscaped(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "n"), UInt8(ascii: "N"): out.append(0x0A)
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\\"), UInt8(ascii: ":"): out.append(b)
        default: out.append(UInt8(ascii: "\\")); out.append(b)
        }
    }

    /// A text value as RFC 6350 writes it: `\\`, `\,`, `\;`, line breaks as `\n`.
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: ","), UInt8(ascii: ";"):
                out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0A: if !previousCR { out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n")) }
            default: out.append(b)
            }
            previousCR = b == 0x0D
        }
        return String(decoding: out, as: UTF8.self)
    }
}
