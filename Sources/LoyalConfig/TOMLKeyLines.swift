import Foundation

/// Finds the line of a nested key (`contact_plan.cadence.A.visit`) or of the n-th
/// array-of-tables entry (`contact_plan.after_purchase[2].days`, counted from 1),
/// since TOMLKit reports lines for syntax errors only. A key it cannot place
/// (written as an inline table, say) falls back to its nearest enclosing table.
struct TOMLKeyLines {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var current = ""
        var arrayCounts: [String: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[[") {
                let name = Self.name(line.dropFirst(2).prefix { $0 != "]" })
                arrayCounts[name, default: 0] += 1
                current = "\(name)[\(arrayCounts[name]!)]"
            } else if line.hasPrefix("[") {
                current = Self.name(line.dropFirst().prefix { $0 != "]" })
            } else if let eq = line.firstIndex(of: "=") {
                let key = Self.name(line[..<eq])
                let full = current.isEmpty ? key : "\(current).\(key)"
                if lines[full] == nil { lines[full] = i + 1 }
                continue
            } else {
                continue
            }
            if lines[current] == nil { lines[current] = i + 1 }
        }
    }

    /// `a . "b" ` → `a.b`.
    static func name(_ s: some StringProtocol) -> String {
        s.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: .init(charactersIn: "\"'")) }
            .joined(separator: ".")
    }

    func line(_ path: String) -> Int? {
        var p = Substring(path)
        while true {
            if let l = lines[String(p)] { return l }
            guard let dot = p.lastIndex(of: ".") else { return nil }
            p = p[..<dot]
        }
    }
}
