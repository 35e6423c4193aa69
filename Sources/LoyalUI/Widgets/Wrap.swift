import LoyalTerminal

enum Wrap {
    /// Breaks text into lines of at most `width` columns at spaces (a longer word is cut).
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if TextWidth.columns(of: candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { out.append(line) }
                line = TextWidth.columns(of: word) <= width ? word : TextWidth.truncate(word, to: width)
            }
        }
        if !line.isEmpty { out.append(line) }
        return out
    }
}
