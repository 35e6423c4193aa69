import LoyalCore
import TOMLKit

/// Reads typed values out of the retention tables and reports what is wrong as
/// `FILE:LINE: key "signals[3].threshold": expected …`.
struct ConfigReader {
    var file: String
    var lines: TOMLLines

    func error(_ line: Int?, _ key: String, _ message: String) -> ConfigError {
        ConfigError(file: file, line: line, key: key, message: message)
    }

    func expected(_ what: String, _ raw: TOMLValueConvertible, _ line: Int?, _ key: String) -> ConfigError {
        error(line, key, "expected \(what), found \(Self.describe(raw))")
    }

    /// How a found value is shown in a message: strings quoted, containers by kind.
    static func describe(_ raw: TOMLValueConvertible) -> String {
        if let s = raw.string { return ConfigSchema.quote(s) }
        if let i = raw.int { return String(i) }
        if let d = raw.double { return String(d) }
        if let b = raw.bool { return String(b) }
        if let a = raw.array {
            // Short arrays of plain values are shown as written: "[10, 8, 5]".
            guard a.count <= 10, a.allSatisfy({ $0.array == nil && $0.table == nil }) else { return "an array" }
            return "[" + a.map { describe($0) }.joined(separator: ", ") + "]"
        }
        if raw.table != nil { return "a table" }
        return raw.debugDescription
    }

    func number(_ raw: TOMLValueConvertible, _ range: ClosedRange<Double>, _ line: Int?,
                _ key: String) throws(ConfigError) -> Double {
        guard let d = raw.double ?? raw.int.map(Double.init), range.contains(d) else {
            throw expected("a number from \(ConfigWriter.number(range.lowerBound)) to \(ConfigWriter.number(range.upperBound))",
                           raw, line, key)
        }
        return d
    }

    func integer(_ raw: TOMLValueConvertible, _ range: ClosedRange<Int>, _ line: Int?,
                 _ key: String) throws(ConfigError) -> Int {
        guard let i = raw.int, range.contains(i) else {
            throw expected("a whole number from \(range.lowerBound) to \(range.upperBound)", raw, line, key)
        }
        return i
    }

    /// An amount in whole currency units or with cents (2000, 2000.50), not negative.
    func money(_ raw: TOMLValueConvertible, _ line: Int?, _ key: String) throws(ConfigError) -> Money {
        guard let d = raw.double ?? raw.int.map(Double.init), d >= 0, d < 1e15 else {
            throw expected("an amount (a number, 0 or more)", raw, line, key)
        }
        return Money(cents: Int64((d * 100).rounded()))
    }

    func text(_ raw: TOMLValueConvertible, _ line: Int?, _ key: String) throws(ConfigError) -> String {
        guard let s = raw.string, !s.isEmpty else { throw expected("a quoted, non-empty string", raw, line, key) }
        return s
    }

    func choice(_ raw: TOMLValueConvertible, _ options: [String], _ line: Int?, _ key: String) throws(ConfigError) -> String {
        guard let s = raw.string, options.contains(s) else {
            throw expected("one of " + options.map(ConfigSchema.quote).joined(separator: ", "), raw, line, key)
        }
        return s
    }

    /// Fails on the first key (in file order) that `allowed` does not contain.
    func rejectUnknown(_ table: TOMLTable, allowed: [String], line: (String) -> Int?, path: (String) -> String,
                       known: String) throws(ConfigError) {
        let unknown = table.keys.filter { !allowed.contains($0) }
            .sorted { (line($0) ?? .max, $0) < (line($1) ?? .max, $1) }
        if let key = unknown.first {
            throw error(line(key), path(key), "is not a known key (\(known))")
        }
    }
}

/// Writes values the way the reader reads them back.
enum ConfigWriter {
    /// Whole numbers without a fraction ("30", "-1"), others as Swift prints them ("-0.3").
    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    /// Whole units without cents ("2000"), else with them ("2000.5").
    static func money(_ m: Money) -> String {
        m.cents % 100 == 0 ? String(m.cents / 100) : String(Double(m.cents) / 100)
    }

    static func list(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
}
