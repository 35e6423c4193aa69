/// Where keys, table headers and array elements sit in a TOML text, so an error in
/// `[[signals]]` number 3 or in the second `{ … }` of a `steps = [ … ]` array points at
/// its line. TOMLKit reports lines for syntax errors only.
///
/// Handles what config files use: `[table]`, `[[array.of.tables]]`, `key = value`, arrays
/// spanning lines with inline tables as elements, comments, basic and literal strings.
struct TOMLLines {
    struct Block {
        var name: String
        /// 1-based: the third `[[signals]]` has occurrence 3; plain tables have 1.
        var occurrence: Int
        var header: Int
        var keys: [(key: String, line: Int)] = []
        /// Per key holding an array: the line each inline-table element starts on.
        var elements: [String: [Int]] = [:]
    }

    private(set) var blocks: [Block] = [Block(name: "", occurrence: 1, header: 1)]

    init(text: String) {
        var occurrences: [String: Int] = [:]
        var open: (key: String, state: ScanState)?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = i + 1
            if let (key, before) = open {
                var state = before
                var starts = 0
                state.scan(Substring(raw)) { starts += 1 }
                blocks[blocks.count - 1].elements[key, default: []] += Array(repeating: n, count: starts)
                open = state.depth > 0 ? (key, state) : nil
                continue
            }
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                let inner = line.dropFirst(isArray ? 2 : 1).prefix { $0 != "]" }
                let name = Self.unquote(inner)
                occurrences[name, default: 0] += 1
                blocks.append(Block(name: name, occurrence: isArray ? occurrences[name]! : 1, header: n))
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = Self.unquote(line[..<eq])
            blocks[blocks.count - 1].keys.append((key, n))
            var state = ScanState()
            var starts = 0
            state.scan(line[line.index(after: eq)...]) { starts += 1 }
            if starts > 0 { blocks[blocks.count - 1].elements[key] = Array(repeating: n, count: starts) }
            if state.depth > 0 { open = (key, state) }
        }
    }

    /// The line of `key` in the table `name` (occurrence for arrays of tables), or of the
    /// table's header when `key` is nil or not written there. A table written inline in
    /// its parent (`revenue = { weight = 3 }`) falls back to that key's line.
    func line(_ name: String, _ occurrence: Int = 1, key: String? = nil) -> Int? {
        if let block = blocks.first(where: { $0.name == name && $0.occurrence == occurrence }) {
            if let key, let l = block.keys.first(where: { $0.key == key })?.line { return l }
            return block.header
        }
        guard let dot = name.lastIndex(of: ".") else {
            return blocks[0].keys.first { $0.key == name }?.line
        }
        return line(String(name[..<dot]), key: String(name[name.index(after: dot)...]))
    }

    /// The line where element `index` (0-based) of the array `key` starts, else the key's line.
    func line(_ name: String, _ occurrence: Int = 1, key: String, element index: Int) -> Int? {
        if let block = blocks.first(where: { $0.name == name && $0.occurrence == occurrence }),
           let lines = block.elements[key], index < lines.count {
            return lines[index]
        }
        return line(name, occurrence, key: key)
    }

    static func unquote(_ s: Substring) -> String {
        s.split(separator: ".").map { $0.trimming(" \t\"'") }.joined(separator: ".")
    }

    /// Bracket depth across lines, aware of strings and comments; reports each inline
    /// table that starts directly inside the outermost array.
    struct ScanState {
        var depth = 0
        var braces = 0

        mutating func scan(_ s: Substring, elementStarts: () -> Void) {
            var quote: Character?
            var escaped = false
            for c in s {
                if let q = quote {
                    if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
                    continue
                }
                switch c {
                case "\"", "'": quote = c
                case "#": return
                case "[": depth += 1
                case "]": depth -= 1
                case "{":
                    if depth == 1 && braces == 0 { elementStarts() }
                    braces += 1
                case "}": braces -= 1
                default: break
                }
            }
        }
    }
}

private extension Substring {
    func trimming(_ set: String) -> String {
        var s = self
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
