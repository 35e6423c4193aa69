/// The text layer of iCalendar (RFC 5545 §3.1, §3.3.11): escaping TEXT values,
/// folding content lines at 75 octets and unfolding them again.
public enum ICalendarText {
    /// TEXT value escaping: backslash, semicolon, comma and line breaks. A CR LF
    /// pair is one line break; a CR alone is one too (old Mac text). Other control
    /// characters are left out: TEXT may not hold them (RFC 5545 §3.3.11), and an
    /// escape sequence in a customer's name must not reach a terminal calendar.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inverse of `escape`: `\n` and `\N` become a line feed; an unknown
    /// escape keeps its character (lenient, as readers of others' files must be).
    public static func unescape(_ text: some StringProtocol) -> String {
        var out = ""
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                out.unicodeScalars.append(scalar == "n" || scalar == "N" ? "\n" : scalar)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if escaped { out += "\\" }
        return out
    }

    /// A list value (CATEGORIES) split at the commas that are not escaped, each unescaped.
    public static func splitList(_ value: some StringProtocol) -> [String] {
        var items: [String] = [], escaped = false
        var start = value.startIndex, i = value.startIndex
        while i < value.endIndex {
            let c = value[i]
            if escaped {
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "," {
                items.append(unescape(value[start..<i]))
                start = value.index(after: i)
            }
            i = value.index(after: i)
        }
        items.append(unescape(value[start...]))
        return items
    }

    /// The maximum line length, line break excluded (RFC 5545 §3.1).
    public static let lineOctets = 75

    /// Folds one content line: at most 75 octets per physical line, continuation
    /// lines start with a space (which counts towards their 75), lines joined by
    /// CR LF, no final line break. Never splits a UTF-8 sequence: a fold falls
    /// before the lead byte of a character, never after it.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        if bytes.count <= lineOctets { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 3)
        var start = 0, room = lineOctets
        while start < bytes.count {
            var end = min(start + room, bytes.count)
            // Back off while `end` points into the middle of a character.
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[start..<end]
            start = end
            room = lineOctets - 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits a document into logical lines: accepts CR LF or bare LF line ends,
    /// and removes every line break followed by a space or tab (the fold).
    /// Each line comes with the number of the physical line it starts on.
    public static func unfold(_ text: String) -> [(line: Int, text: String)] {
        var result: [(Int, [UInt8])] = []
        var physical = 0
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var content = bytes[i..<end]
            if content.last == 0x0D { content = content.dropLast() }
            physical += 1
            if let first = content.first, first == 0x20 || first == 0x09, !result.isEmpty {
                result[result.count - 1].1 += content.dropFirst()
            } else if !content.isEmpty {
                result.append((physical, Array(content)))
            }
            i = end + 1
        }
        return result.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
    }
}
