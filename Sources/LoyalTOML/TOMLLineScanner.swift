/// The line of every key, table header and array element in a TOML text. TOMLKit gives
/// lines for syntax errors only, and a user still wants `FILE:LINE` for "unknown role" or
/// "expected a number". Runs only on text TOMLKit has accepted, so it follows the grammar
/// without checking it: headers (`[a."b.c"]`, `[[arrays.of.tables]]`), dotted and quoted
/// keys, strings of all four kinds, arrays and inline tables spanning lines, comments.
struct TOMLLineScanner {
    private(set) var lines: [TOMLPath: Int] = [:]
    private let text: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    /// How many `[[name]]` blocks each array of tables has had so far.
    private var arrayCounts: [TOMLPath: Int] = [:]

    init(text: String) {
        self.text = Array(text.unicodeScalars)
        var table = TOMLPath.root
        while true {
            skipBlank(newlines: true)
            guard let c = peek else { break }
            if c == "[" {
                table = header()
            } else {
                keyValue(in: table)
            }
            skipBlank(newlines: false)
            while let c = peek, c != "\n" { advance(); _ = c }  // what is left of the line: a comment
        }
    }

    // MARK: Statements

    private mutating func header() -> TOMLPath {
        let start = line
        advance()
        let isArray = peek == "["
        if isArray { advance() }
        let keys = keyPath()
        skipBlank(newlines: false)
        advance(isArray ? 2 : 1)
        var path = resolve(keys.dropLast())
        path = path.appending(keys.last ?? "")
        if isArray {
            let n = (arrayCounts[path] ?? 0) + 1
            arrayCounts[path] = n
            record(path, start)
            path = path.appending(index: n)
        }
        record(path, start)
        return path
    }

    /// `a.b` under the tables opened so far: an array of tables among the prefixes means
    /// its latest block (`[[a]]` then `[a.b]` is `a[n].b`).
    private func resolve(_ keys: ArraySlice<String>) -> TOMLPath {
        var path = TOMLPath.root
        for key in keys {
            path = path.appending(key)
            if let n = arrayCounts[path] { path = path.appending(index: n) }
        }
        return path
    }

    private mutating func keyValue(in table: TOMLPath) {
        let start = line
        var path = table
        for key in keyPath() {
            path = path.appending(key)
            record(path, start)
        }
        skipBlank(newlines: false)
        if peek == "=" { advance() }
        skipBlank(newlines: false)
        value(at: path)
    }

    // MARK: Values

    private mutating func value(at path: TOMLPath) {
        guard let c = peek else { return }
        switch c {
        case "\"", "'": string()
        case "[":
            advance()
            var index = 0
            while true {
                skipBlank(newlines: true)
                guard let c = peek else { return }
                if c == "]" { advance(); return }
                if c == "," { advance(); continue }
                index += 1
                record(path.appending(index: index), line)
                value(at: path.appending(index: index))
            }
        case "{":
            advance()
            while true {
                skipBlank(newlines: true)
                guard let c = peek else { return }
                if c == "}" { advance(); return }
                if c == "," { advance(); continue }
                keyValue(in: path)
            }
        default:
            // Numbers, booleans, dates (which may hold a space): up to what ends a value.
            while let c = peek, !",]}\n#".unicodeScalars.contains(c) { advance() }
        }
    }

    private mutating func string() {
        let quote = peek!
        let isTriple = at(quote, quote, quote)
        advance(isTriple ? 3 : 1)
        while let c = peek {
            if c == "\\" && quote == "\"" { advance(2); continue }
            if isTriple {
                // A closing """ may be followed by up to two more quotes that belong to the string.
                if at(quote, quote, quote) && !at(quote, quote, quote, quote) { advance(3); return }
            } else if c == quote {
                advance()
                return
            }
            advance()
        }
    }

    // MARK: Keys

    private mutating func keyPath() -> [String] {
        var keys: [String] = []
        while true {
            skipBlank(newlines: false)
            guard let c = peek else { return keys }
            if c == "\"" || c == "'" {
                keys.append(quotedKey())
            } else {
                var key = ""
                while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
                    key.unicodeScalars.append(c)
                    advance()
                }
                keys.append(key)
            }
            skipBlank(newlines: false)
            guard peek == "." else { return keys }
            advance()
        }
    }

    private mutating func quotedKey() -> String {
        let quote = peek!
        advance()
        var key = ""
        while let c = peek, c != quote, c != "\n" {
            advance()
            guard c == "\\" && quote == "\"", let e = peek else { key.unicodeScalars.append(c); continue }
            advance()
            switch e {
            case "n": key += "\n"
            case "t": key += "\t"
            case "r": key += "\r"
            case "b": key += "\u{8}"
            case "f": key += "\u{C}"
            case "e": key += "\u{1B}"
            case "u", "U":
                var hex = ""
                for _ in 0..<(e == "u" ? 4 : 8) { if let h = peek { hex.unicodeScalars.append(h); advance() } }
                if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { key.unicodeScalars.append(s) }
            default: key.unicodeScalars.append(e)
            }
        }
        if peek == quote { advance() }
        return key
    }

    // MARK: Reading

    private var peek: Unicode.Scalar? { i < text.count ? text[i] : nil }

    private func at(_ scalars: Unicode.Scalar...) -> Bool {
        guard i + scalars.count <= text.count else { return false }
        return scalars.indices.allSatisfy { text[i + $0] == scalars[$0] }
    }

    private mutating func advance(_ n: Int = 1) {
        for _ in 0..<n where i < text.count {
            if text[i] == "\n" { line += 1 }
            i += 1
        }
    }

    /// Spaces, tabs and comments; line ends too where a value may continue past them.
    private mutating func skipBlank(newlines: Bool) {
        while let c = peek {
            if c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") {
                advance()
            } else if c == "#" {
                while let c = peek, c != "\n" { advance(); _ = c }
            } else {
                return
            }
        }
    }

    /// The first place a path is written wins: later keys of the same table stay apart.
    private mutating func record(_ path: TOMLPath, _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }
}
