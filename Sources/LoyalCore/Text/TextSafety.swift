/// Which characters stored text may hold: the one rule used by imports, forms, the
/// settings check and the migration that cleans older databases (issue 11).
///
/// Refused: C0 control characters but TAB (ESC starts terminal escape codes, NUL cuts
/// C strings), DEL, C1 controls and the bidi embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which make "invoice.exe" read "exe.eciovni".
/// Line breaks (LF, CR) are allowed only in free text such as notes; in a one-line
/// field (a name, a number) they would break lists and exports.
public enum TextSafety {
    public enum Field: Sendable {
        /// Names, numbers, cities: one line.
        case oneLine
        /// Notes and other free text: line breaks allowed.
        case freeText
    }

    public static func isRefused(_ scalar: Unicode.Scalar, in field: Field) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return field == .oneLine
        case 0x00..<0x20, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The first refused character of `text`, nil when it may be stored.
    public static func firstRefused(in text: some StringProtocol, field: Field) -> Unicode.Scalar? {
        // Almost all text is printable ASCII or Latin letters: one cheap pass over the bytes first.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return nil }
        return text.unicodeScalars.first { isRefused($0, in: field) }
    }

    /// What to tell the user about `text`, nil when it may be stored:
    /// `contains U+001B (a control character); expected text without control characters`.
    public static func problem(in text: some StringProtocol, field: Field) -> String? {
        guard let bad = firstRefused(in: text, field: field) else { return nil }
        return Text.tr(field == .oneLine ? "safety.refused_one_line" : "safety.refused_text", name(of: bad))
    }

    /// `text` without its refused characters (for cleaning what was stored before the rule).
    public static func stripped(_ text: String, field: Field) -> String {
        guard firstRefused(in: text, field: field) != nil else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !isRefused(scalar, in: field) { UTF8.encode(scalar) { out.append($0) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// "U+001B (a control character)", "a line break", "U+202E (a text-direction override)".
    public static func name(of scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v == 0x0A || v == 0x0D { return Text.tr("safety.line_break") }
        return codePoint(v) + ((0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                               ? Text.tr("safety.direction_override") : Text.tr("safety.control_character"))
    }

    public static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
