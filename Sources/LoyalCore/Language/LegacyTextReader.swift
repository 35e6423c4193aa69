/// Reads plain English text stored before keys were back into a key of one catalogue section,
/// with its variable parts as text arguments (they keep the numbers and days as written).
/// Built once per migration: a 200,000-customer database holds a quarter of a million rows,
/// and a regex match is tried only when the text begins and ends as the template does.
public struct LegacyTextReader {
    struct Pattern {
        let key: String
        let head: String
        let tail: String
        let regex: Regex<AnyRegexOutput>
    }

    let patterns: [Pattern]

    /// The section's English texts, those with the most fixed text first, so that
    /// "P(alive) {1}, below {2}; {3} purchases…" is tried before "P(alive) {1}, below {2}".
    public init(section: String) {
        let texts = Catalogue.entries(.en).filter { $0.key.hasPrefix(section + ".") }
        func fixed(_ t: String) -> Int { Text.fill(t, Array(repeating: "", count: 9)).count }
        patterns = texts.sorted { (fixed($0.value), $0.key) > (fixed($1.value), $1.key) }.compactMap { key, template in
            var pattern = "", head: String?, rest = template[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
                  Int(rest[rest.index(after: open)..<close]) != nil {
                if head == nil { head = String(rest[..<open]) }
                pattern += Self.escaped(rest[..<open]) + "(.+?)"
                rest = rest[rest.index(after: close)...]
            }
            pattern += Self.escaped(rest)
            // Texts that are only glue ("{1} {2}") would match anything: they never stood alone.
            guard Text.fill(template, Array(repeating: "", count: 9)).contains(where: \.isLetter),
                  let regex = try? Regex(pattern) else { return nil }
            return Pattern(key: key, head: head ?? String(rest), tail: String(rest), regex: regex)
        }
    }

    public func keyed(_ text: String) -> StoredText? {
        for p in patterns where text.hasPrefix(p.head) && text.hasSuffix(p.tail) {
            guard let m = try? p.regex.wholeMatch(in: text) else { continue }
            let args = m.output.dropFirst().map { StoredText.Arg.text($0.substring.map(String.init) ?? "") }
            return StoredText(p.key, Array(args))
        }
        return nil
    }

    static func escaped(_ s: Substring) -> String {
        var out = ""
        for c in s {
            if "\\^$.|?*+()[]{}".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
