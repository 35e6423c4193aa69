/// Writes RFC 4180 CSV. Text cells that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`,
/// the OWASP recommendation, so an exported customer named `=HYPERLINK(…)` stays text.
public enum CSVWriter {
    public static func field(_ value: String, isText: Bool = true) -> String {
        var v = value
        if isText, let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            v = "'" + v
        }
        // Tabs too: a reader that detects the separator from the header (as ours does)
        // would otherwise take an unquoted tab for one (found by the fuzz test).
        if v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\t" }) {
            return "\"" + v.replacing("\"", with: "\"\"") + "\""
        }
        return v
    }

    /// Undoes the guard of `field` when an export is read back: `'=1+1` is `=1+1` again.
    public static func unguarded(_ value: String) -> String {
        guard value.hasPrefix("'"), let next = value.unicodeScalars.dropFirst().first,
              "=+-@\t\r".unicodeScalars.contains(next) else { return value }
        return String(value.dropFirst())
    }

    public static func line(_ cells: [(String, Bool)]) -> String {
        // A line of one empty cell would be a blank line, which readers skip: quote it
        // so the row survives a round trip (found by the fuzz test).
        if cells.count == 1, cells[0].0.isEmpty { return "\"\"\r\n" }
        return cells.map { field($0.0, isText: $0.1) }.joined(separator: ",") + "\r\n"
    }
}

/// Minimal JSON text output for streaming exports (no whole-array buffering).
public enum JSONText {
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
