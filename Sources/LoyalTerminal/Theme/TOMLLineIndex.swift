/// Finds the line on which a TOML key is written. TOMLKit reports lines only
/// for syntax errors; for "unknown role" or "bad colour" a user still wants
/// `file:line`, so this scans the text itself. It understands what theme
/// files use: `[table]` and `[a.b]` headers, `key = value`, dotted and quoted
/// keys, and the keys inside a one-line inline table `{ fg = "x" }`.
struct TOMLLineIndex {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = TOMLLineIndex.stripComment(String(rawLine)).trimmingSpacesAndTabs
            guard !line.isEmpty else { continue }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = TOMLLineIndex.keyPath(String(inner))
                record(table, lineNumber)
                continue
            }
            guard let equals = TOMLLineIndex.firstUnquoted("=", in: line) else { continue }
            let path = table + TOMLLineIndex.keyPath(String(line[..<equals]))
            record(path, lineNumber)
            let value = line[line.index(after: equals)...].trimmingSpacesAndTabs
            if value.hasPrefix("{") {
                for part in value.dropFirst().split(separator: ",") {
                    guard let eq = TOMLLineIndex.firstUnquoted("=", in: String(part)) else { continue }
                    let partString = String(part)
                    record(path + TOMLLineIndex.keyPath(String(partString[..<eq])), lineNumber)
                }
            }
        }
    }

    /// The line of `path`, or of its longest prefix that was found.
    func line(of path: [String]) -> Int? {
        var p = path
        while !p.isEmpty {
            if let line = lines[p.joined(separator: "\u{1}")] { return line }
            p.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: "\u{1}")
        if lines[key] == nil { lines[key] = line }
    }

    static func keyPath(_ s: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingSpacesAndTabs)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingSpacesAndTabs)
        return parts
    }

    static func stripComment(_ line: String) -> String {
        guard let hash = firstUnquoted("#", in: line) else { return line }
        return String(line[..<hash])
    }

    static func firstUnquoted(_ target: Character, in line: String) -> String.Index? {
        var quote: Character?
        var escaped = false
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == target {
                return i
            }
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingSpacesAndTabs: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
