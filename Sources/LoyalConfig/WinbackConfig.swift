import LoyalCore
import TOMLKit

/// `[winback]`: the scoring matrix. `classes = [ { name, from, effort }, … ]` best first,
/// and one table per criterion (`[winback.revenue]` …) whose keys each replace the default.
enum WinbackConfig {
    static func parse(_ raw: TOMLValueConvertible, _ r: ConfigReader) throws(ConfigError) -> WinbackMatrix {
        guard let w = raw.table else { throw r.expected("a table [winback]", raw, r.lines.line("winback"), "winback") }
        let allowed = ["classes"] + WinbackCriterion.allCases.map(\.rawValue)
        try r.rejectUnknown(w, allowed: allowed, line: { r.lines.line("winback", key: $0) }, path: { "winback.\($0)" },
                            known: "known in [winback]: " + allowed.joined(separator: ", "))
        var matrix = WinbackMatrix.defaults
        if let c = w["classes"] { matrix.classes = try classes(c, r) }
        for (i, rule) in matrix.criteria.enumerated() {
            guard let value = w[rule.criterion.rawValue] else { continue }
            matrix.criteria[i] = try criterion(value, rule, r)
        }
        return matrix
    }

    static func classes(_ raw: TOMLValueConvertible, _ r: ConfigReader) throws(ConfigError) -> [WinbackClass] {
        let shape = "{ name = …, from = …, effort = … }"
        guard let array = raw.array, !array.isEmpty else {
            throw r.expected("a non-empty array of \(shape)", raw, r.lines.line("winback", key: "classes"), "winback.classes")
        }
        var result: [WinbackClass] = []
        for (i, element) in array.enumerated() {
            let path = "winback.classes[\(i + 1)]"
            let line = r.lines.line("winback", key: "classes", element: i)
            guard let t = element.table else { throw r.expected(shape, element, line, path) }
            let keys = ["name", "from", "effort"]
            try r.rejectUnknown(t, allowed: keys, line: { _ in line }, path: { "\(path).\($0)" },
                                known: "known: " + keys.joined(separator: ", "))
            let c = WinbackClass(name: try r.text(try need(t, "name", keys, line, path, r), line, "\(path).name"),
                                 from: try r.integer(try need(t, "from", keys, line, path, r), -10_000...10_000, line, "\(path).from"),
                                 effort: try r.text(try need(t, "effort", keys, line, path, r), line, "\(path).effort"))
            if let previous = result.last, c.from >= previous.from {
                throw r.error(line, "\(path).from",
                              "must be below the class before it (\(previous.name) from \(previous.from)): best class first")
            }
            if result.contains(where: { $0.name == c.name }) {
                throw r.error(line, "\(path).name", "\(ConfigSchema.quote(c.name)) is used twice")
            }
            result.append(c)
        }
        return result
    }

    static func criterion(_ raw: TOMLValueConvertible, _ rule: WinbackCriterionRule,
                          _ r: ConfigReader) throws(ConfigError) -> WinbackCriterionRule {
        let name = "winback.\(rule.criterion.rawValue)"
        guard let t = raw.table else { throw r.expected("a table [\(name)]", raw, r.lines.line(name), name) }
        func line(_ key: String) -> Int? { r.lines.line(name, key: key) }
        var result = rule
        switch rule.scale {
        case .money(var bands, var otherwise):
            try r.rejectUnknown(t, allowed: ["weight", "bands", "otherwise"], line: line, path: { "\(name).\($0)" },
                                known: "known: weight, bands, otherwise")
            if let b = t["bands"] { bands = try moneyBands(b, name, r) }
            if let o = t["otherwise"] { otherwise = try r.integer(o, 0...100, line("otherwise"), "\(name).otherwise") }
            result.scale = .money(bands: bands, otherwise: otherwise)
        case .judgement(var points):
            try r.rejectUnknown(t, allowed: ["weight", "points"], line: line, path: { "\(name).\($0)" },
                                known: "known: weight, points")
            if let p = t["points"] {
                points = try pointList(p, count: 5, "5 whole numbers 0–100 (for 1, 2, 3, 4, 5)", "\(name).points",
                                       line("points"), r)
            }
            result.scale = .judgement(points)
        case .accountClass:
            try r.rejectUnknown(t, allowed: ["weight", "points"], line: line, path: { "\(name).\($0)" },
                                known: "known: weight, points")
            if let p = t["points"] {
                let l = try pointList(p, count: 3, "3 whole numbers 0–100 (for A, B, C)", "\(name).points", line("points"), r)
                result.scale = .accountClass(a: l[0], b: l[1], c: l[2])
            }
        }
        if let wt = t["weight"] { result.weight = try r.integer(wt, 0...100, line("weight"), "\(name).weight") }
        return result
    }

    static func moneyBands(_ raw: TOMLValueConvertible, _ name: String, _ r: ConfigReader) throws(ConfigError) -> [MoneyBand] {
        let shape = "{ from = …, points = … }"
        guard let array = raw.array else {
            throw r.expected("an array of \(shape)", raw, r.lines.line(name, key: "bands"), "\(name).bands")
        }
        var bands: [MoneyBand] = []
        for (i, element) in array.enumerated() {
            let path = "\(name).bands[\(i + 1)]"
            let line = r.lines.line(name, key: "bands", element: i)
            guard let t = element.table else { throw r.expected(shape, element, line, path) }
            let keys = ["from", "points"]
            try r.rejectUnknown(t, allowed: keys, line: { _ in line }, path: { "\(path).\($0)" },
                                known: "known: " + keys.joined(separator: ", "))
            let band = MoneyBand(from: try r.money(try need(t, "from", keys, line, path, r), line, "\(path).from"),
                                 points: try r.integer(try need(t, "points", keys, line, path, r), 0...100, line, "\(path).points"))
            if let previous = bands.last, band.from >= previous.from {
                throw r.error(line, "\(path).from",
                              "must be below the band before it (\(ConfigWriter.money(previous.from))): highest band first")
            }
            bands.append(band)
        }
        return bands
    }

    static func pointList(_ raw: TOMLValueConvertible, count: Int, _ what: String, _ key: String, _ line: Int?,
                          _ r: ConfigReader) throws(ConfigError) -> [Int] {
        guard let array = raw.array, array.count == count else { throw r.expected(what, raw, line, key) }
        var points: [Int] = []
        for element in array {
            guard let p = element.int, (0...100).contains(p) else { throw r.expected(what, raw, line, key) }
            points.append(p)
        }
        return points
    }

    static func need(_ t: TOMLTable, _ key: String, _ keys: [String], _ line: Int?, _ path: String,
                     _ r: ConfigReader) throws(ConfigError) -> TOMLValueConvertible {
        guard let v = t[key] else { throw r.error(line, "\(path).\(key)", "is missing (needs \(keys.joined(separator: ", ")))") }
        return v
    }
}
