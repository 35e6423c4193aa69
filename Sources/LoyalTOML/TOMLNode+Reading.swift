/// Typed reads that fail as `FILE:LINE: key "…": expected …, found …`, the one wording
/// every section of the settings and every theme uses.
extension TOMLNode {
    public func error(_ message: String) -> TOMLError {
        TOMLError(file: file, line: line, key: path.description, message: message)
    }

    /// An error about `key` of this table, written or not (a missing key is reported at the table).
    public func error(at key: String, _ message: String) -> TOMLError {
        self[key]?.error(message) ?? TOMLError(file: file, line: line, key: path.appending(key).description, message: message)
    }

    public func expected(_ what: String) -> TOMLError { error("expected \(what), found \(shown)") }

    /// The value as a message shows it: strings quoted, short lists as written, containers by kind.
    public var shown: String {
        switch value {
        case .string(let s): return TOMLText.quote(s)
        case .integer(let n): return String(n)
        case .float(let d): return String(d)
        case .bool(let b): return String(b)
        case .array(let a):
            guard a.count <= 10, a.allSatisfy({ !$0.isContainer }) else { return "an array" }
            return "[" + a.map(\.shown).joined(separator: ", ") + "]"
        case .table: return "a table"
        case .other(let s): return s
        }
    }

    public var isTable: Bool {
        if case .table = value { return true }
        return false
    }

    var isContainer: Bool {
        switch value { case .array, .table: return true; default: return false }
    }

    public func integer(_ range: ClosedRange<Int>) throws(TOMLError) -> Int {
        guard case .integer(let n) = value, range.contains(n) else {
            throw expected("a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// A whole number or a fraction.
    public func number(_ range: ClosedRange<Double>) throws(TOMLError) -> Double {
        let d: Double
        switch value {
        case .integer(let n): d = Double(n)
        case .float(let f): d = f
        default: d = .nan
        }
        guard range.contains(d) else {
            throw expected("a number from \(TOMLText.number(range.lowerBound)) to \(TOMLText.number(range.upperBound))")
        }
        return d
    }

    public func string(_ what: String = "a quoted string") throws(TOMLError) -> String {
        guard case .string(let s) = value else { throw expected(what) }
        return s
    }

    public func bool() throws(TOMLError) -> Bool {
        guard case .bool(let b) = value else { throw expected("true or false") }
        return b
    }

    public func choice(_ options: [String]) throws(TOMLError) -> String {
        guard case .string(let s) = value, options.contains(s) else {
            throw expected("one of " + options.map(TOMLText.quote).joined(separator: ", "))
        }
        return s
    }

    public func elements(_ what: String = "an array") throws(TOMLError) -> [TOMLNode] {
        guard case .array(let a) = value else { throw expected(what) }
        return a
    }

    public func entries(_ what: String = "a table") throws(TOMLError) -> [(key: String, node: TOMLNode)] {
        guard case .table(let t) = value else { throw expected(what) }
        return t
    }

    /// Entry `key`, or "is missing (why)" at this table's line.
    public func required(_ key: String, _ why: String? = nil) throws(TOMLError) -> TOMLNode {
        guard let node = self[key] else { throw error(at: key, "is missing" + (why.map { " (\($0))" } ?? "")) }
        return node
    }

    /// Fails on the first key, in file order, that is not in `allowed`; `known` is the hint.
    public func rejectUnknown(allowed: [String], known: String) throws(TOMLError) {
        if let key = keys.first(where: { !allowed.contains($0) }) {
            throw error(at: key, "is not a known key (\(known))")
        }
    }
}

/// Values written the way the reader reads them back.
public enum TOMLText {
    public static func quote(_ s: String) -> String {
        "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// Whole numbers without a fraction ("30", "-1"), others as Swift prints them ("-0.3").
    public static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
