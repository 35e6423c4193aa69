/// Reads a catalogue file: a small subset of TOML that LoyalCore can read without a TOML
/// library (the domain layer has no dependencies). `[section]` headers prefix the keys,
/// `key = "text"` lines give the texts, `#` starts a comment. Texts use `{1}`, `{2}`… for
/// their arguments. The files are valid TOML too (CatalogueTests reads them with LoyalTOML).
enum CatalogueFile {
    struct Problem: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static func parse(_ text: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        var section = ""
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.catalogueTrimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw Problem(line: index + 1, message: "unclosed section") }
                section = String(line.dropFirst().dropLast()).catalogueTrimmed
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw Problem(line: index + 1, message: "no '='") }
            let key = String(line[..<eq]).catalogueTrimmed
            let value = try quoted(String(line[line.index(after: eq)...]).catalogueTrimmed, line: index + 1)
            let full = section.isEmpty ? key : section + "." + key
            guard entries[full] == nil else { throw Problem(line: index + 1, message: "\(full) given twice") }
            entries[full] = value
        }
        return entries
    }

    /// A TOML basic string with its escapes (`\"`, `\\`, `\n`, `\t`, `\uXXXX`).
    static func quoted(_ s: String, line: Int) throws -> String {
        var chars = s.unicodeScalars[...]
        guard chars.first == "\"" else { throw Problem(line: line, message: "value must be a \"quoted\" text") }
        chars = chars.dropFirst()
        var out = String.UnicodeScalarView()
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\"" {
                let rest = String(String.UnicodeScalarView(chars)).catalogueTrimmed
                guard rest.isEmpty || rest.hasPrefix("#") else { throw Problem(line: line, message: "text after the value") }
                return String(out)
            }
            guard c == "\\" else { out.append(c); continue }
            guard let e = chars.first else { break }
            chars = chars.dropFirst()
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "\"", "\\": out.append(e)
            case "u":
                let hex = String(String.UnicodeScalarView(chars.prefix(4)))
                chars = chars.dropFirst(4)
                guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else {
                    throw Problem(line: line, message: "bad \\u escape")
                }
                out.append(u)
            default: throw Problem(line: line, message: "unknown escape \\\(e)")
            }
        }
        throw Problem(line: line, message: "unclosed text")
    }
}

extension StringProtocol {
    /// Without spaces, tabs and carriage returns at either end. Trimmed byte by byte (they are
    /// ASCII, never part of a longer UTF-8 sequence): every command reads a thousand lines per
    /// language at start, and trimming by characters took a fifth of a `loyal feedback add`.
    var catalogueTrimmed: String {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        let whole = String(self)
        guard let first = whole.utf8.firstIndex(where: { !blank($0) }),
              let last = whole.utf8.lastIndex(where: { !blank($0) }) else { return "" }
        return String(whole[first...last])
    }
}
