/// The one place where untrusted text is made safe to show.
///
/// Customer names, notes and imported CSV fields are data from outside. Printed
/// raw they can move the cursor, rewrite the clipboard (OSC 52), retitle the
/// window or flip the reading direction of a line so that "invoice.exe" reads
/// "exe.eciovni". Both the screen and the command line output go through
/// `clean`, so neither can be fooled.
///
/// Everything stays visible: control characters are shown, not dropped, so a
/// user sees that a field contains something odd instead of silently losing it.
public enum Sanitizer {
    /// Returns `s` with every control and every invisible formatting character
    /// replaced by a printable stand-in. Printable text (umlauts, ß, CJK, emoji,
    /// combining marks, emoji joiners) is returned unchanged.
    public static func clean(_ s: String) -> String {
        // Fast path: most strings are harmless, and this runs for every cell.
        if !s.unicodeScalars.contains(where: needsReplacement) { return s }
        // UTF-8 bytes rather than a String.UnicodeScalarView: appending to the view
        // grows slower with its length, which made long names quadratic (issue 11).
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            if let replacement = replacement(for: scalar) {
                out.append(contentsOf: replacement.utf8)
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The start of `clean(s)` that a screen can show in `columns` columns, plus one
    /// grapheme more so a caller still sees that the text goes on (and cuts it with
    /// an ellipsis). Reads only as much of `s` as that needs: drawing an 80-column
    /// row of a one-megabyte name must not clean or measure the whole megabyte.
    public static func cleanPrefix(_ s: String, columns: Int) -> String {
        var out = ""
        var used = 0
        for grapheme in s {
            if used > columns { break }
            if grapheme.unicodeScalars.contains(where: needsReplacement) {
                let cleaned = clean(String(grapheme))
                out += cleaned
                used += TextWidth.columns(of: cleaned)
            } else {
                out.append(grapheme)
                used += TextWidth.columns(of: grapheme)
            }
        }
        return out
    }

    /// True when `clean` would change `s`.
    public static func needsCleaning(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: needsReplacement)
    }

    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        return isC1(v) || isInvisibleFormatting(v)
    }

    static func replacement(for scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        if v < 0x20 {
            // Caret notation, as ncurses and `cat -v` show it: ESC is ^[, BEL ^G.
            return "^" + String(UnicodeScalar(UInt8(v + 0x40)))
        }
        if v == 0x7F { return "^?" }
        if v < 0x80 { return nil }
        if isC1(v) || isInvisibleFormatting(v) { return codePointNotation(v) }
        return nil
    }

    static func codePointNotation(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    static func isC1(_ v: UInt32) -> Bool { (0x80...0x9F).contains(v) }

    /// Characters that change how text around them is displayed, or that are
    /// invisible while taking part in comparisons, and so can spoof a name.
    /// Zero-width joiner/non-joiner, variation selectors and emoji tag
    /// characters are deliberately absent: emoji sequences and several scripts
    /// need them, and they cannot reorder or hide text.
    static func isInvisibleFormatting(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD: return true                 // soft hyphen
        case 0x061C: return true                 // Arabic letter mark
        case 0x180E: return true                 // Mongolian vowel separator
        case 0x200B: return true                 // zero-width space
        case 0x200E, 0x200F: return true         // LRM, RLM
        case 0x2028, 0x2029: return true         // line / paragraph separator
        case 0x202A...0x202E: return true        // bidi embeddings and overrides
        case 0x2060...0x2064: return true        // word joiner, invisible operators
        case 0x2066...0x2069: return true        // bidi isolates
        case 0x206A...0x206F: return true        // deprecated format controls
        case 0x3164, 0xFFA0: return true         // Hangul fillers (blank "names")
        case 0xFEFF: return true                 // zero-width no-break space / BOM
        case 0xFFF9...0xFFFB: return true        // interlinear annotation
        case 0xE0001: return true                // language tag
        case 0x1D173...0x1D17A: return true      // invisible musical formatting
        default: return false
        }
    }
}
