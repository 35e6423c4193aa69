/// How many terminal columns text takes, measured per grapheme (what a user
/// sees as one character), without consulting the libc locale.
///
/// Measure text that went through `Sanitizer.clean`: raw control characters
/// count as 0 here, but are shown as two or more columns once cleaned.
public enum TextWidth {
    public enum Alignment: Sendable {
        case left, right, center
    }

    /// Columns of `s`: combining marks 0, East Asian Wide/Fullwidth and emoji
    /// presentation 2, everything else 1.
    public static func columns(of s: String) -> Int {
        var total = 0
        for grapheme in s { total += columns(of: grapheme) }
        return total
    }

    /// Columns of one grapheme: 0, 1 or 2.
    public static func columns(of grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }  // Latin-1 and Latin Extended: the common case
        if isZeroWidth(first) { return 0 }
        if EastAsianWidth.isWide(v) { return 2 }
        let properties = first.properties
        if properties.isEmojiPresentation { return 2 }
        // A text-style emoji (❤, ☺, digits) turns into a two-column emoji
        // when followed by VARIATION SELECTOR-16.
        if properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// `s` cut to at most `width` columns. When it has to cut, it ends with
    /// `ellipsis` (if the ellipsis itself fits). A grapheme is never split, so a
    /// wide character that would straddle the limit is left out and the result
    /// may be one column short.
    public static func truncate(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let ellipsisWidth = columns(of: ellipsis)
        let tail = ellipsisWidth <= width ? ellipsis : ""
        let budget = width - (ellipsisWidth <= width ? ellipsisWidth : 0)
        // One pass that stops as soon as the text is known to be too long, so the
        // cost depends on `width`, not on the length of `s` (issue 11).
        var used = 0
        var kept = s.startIndex
        var index = s.startIndex
        while index < s.endIndex {
            let next = s.index(after: index)
            used += columns(of: s[index])
            if used > width { return String(s[..<kept]) + tail }
            if used <= budget { kept = next }
            index = next
        }
        return s
    }

    /// `s` cut from the left to at most `width` columns, starting with `ellipsis`
    /// when cut: for paths where the end matters most. Reads `s` from its end and
    /// only as far as `width` needs.
    public static func truncateLeading(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if columns(of: s, limit: width) <= width { return s }
        let budget = max(0, width - columns(of: ellipsis))
        var used = 0
        var start = s.endIndex
        while start > s.startIndex {
            let previous = s.index(before: start)
            used += columns(of: s[previous])
            if used > budget { break }
            start = previous
        }
        return ellipsis + s[start...]
    }

    /// Columns of `s`, but counting stops past `limit`: for sizing a column from
    /// text that may be a megabyte long. Returns at most `limit + 1`.
    public static func columns(of s: String, limit: Int) -> Int {
        var total = 0
        for grapheme in s {
            total += columns(of: grapheme)
            if total > limit { return limit + 1 }
        }
        return total
    }

    /// `s` made exactly `width` columns wide: truncated (see `truncate`) when
    /// too long, filled with spaces on the side given by `alignment` otherwise.
    public static func pad(
        _ s: String, to width: Int, alignment: Alignment = .left, ellipsis: String = "…"
    ) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(s, to: width, ellipsis: ellipsis)
        let missing = width - columns(of: fitted)
        guard missing > 0 else { return fitted }
        switch alignment {
        case .left:
            return fitted + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + fitted
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + fitted
                + String(repeating: " ", count: missing - left)
        }
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            // Hangul medial vowels and final consonants attach to the syllable.
            let v = scalar.value
            return (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v)
        }
    }
}
