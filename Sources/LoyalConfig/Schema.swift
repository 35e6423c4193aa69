import LoyalCore
import LoyalTOML

/// What a setting accepts. One checker reads every kind, so a message reads the same in
/// every section: `expected a whole number from 1 to 3650, found "often"`.
enum SettingKind: Sendable {
    case number(ClosedRange<Double>), integer(ClosedRange<Int>)
    /// Text shown on screen: a string without control characters.
    case text
    /// Text that must say something: a name, a step's words.
    case name
    case choice([String])
    case bool
    /// Money in whole units or with cents (2000, 2000.50), not negative.
    case amount
}

enum SettingValue: Equatable, Sendable {
    case number(Double), integer(Int), text(String), bool(Bool), money(Money)

    var number: Double {
        switch self { case .number(let d): return d; case .integer(let i): return Double(i); default: return 0 }
    }
    var integer: Int { if case .integer(let i) = self { return i }; return 0 }
    var text: String { if case .text(let s) = self { return s }; return "" }
    var bool: Bool { if case .bool(let b) = self { return b }; return false }
    var money: Money { if case .money(let m) = self { return m }; return .zero }

    /// The value as the file writes it.
    var toml: String {
        switch self {
        case .number(let d): return TOMLText.number(d)
        case .integer(let i): return String(i)
        case .text(let s): return TOMLText.quote(s)
        case .bool(let b): return String(b)
        case .money(let m): return ConfigWriter.money(m)
        }
    }
}

extension TOMLNode {
    func read(_ kind: SettingKind) throws(TOMLError) -> SettingValue {
        switch kind {
        case .number(let range): return .number(try number(range))
        case .integer(let range): return .integer(try integer(range))
        case .choice(let options): return .text(try choice(options))
        case .bool: return .bool(try bool())
        case .text: return .text(try safe(try string()))
        case .name:
            let s = try string("a quoted, non-empty string")
            guard !s.isEmpty else { throw expected("a quoted, non-empty string") }
            return .text(try safe(s))
        case .amount:
            let units = (try? number(0...1e15)) ?? -1
            guard units >= 0, units < 1e15 else { throw expected("an amount (a number, 0 or more)") }
            return .money(Money(cents: Int64((units * 100).rounded())))
        }
    }

    /// Characters a setting shown on screen must not hold: C0 controls but TAB (ESC starts
    /// escape codes: a currency "\u001b]0;x\u0007€" would retitle the terminal), DEL, C1 and
    /// the bidi embeddings, overrides and isolates. The same rule as imports and forms.
    func safe(_ s: String) throws(TOMLError) -> String {
        if let bad = s.unicodeScalars.first(where: ConfigFile.isControl) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            throw error("contains the control character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                        + "; control characters and text-direction overrides are not allowed")
        }
        return s
    }
}

/// One key of a table: what it takes, what it means, and where its value goes.
struct Field<Target>: Sendable {
    var key: String
    var doc: String = ""
    /// Why the key must be written ("" for no reason given); nil: it may be left out.
    var required: String?
    /// The value as `loyal config init` writes it; nil for nested tables written by hand.
    var get: (@Sendable (Target) -> String)?
    var apply: @Sendable (TOMLNode, inout Target) throws(TOMLError) -> Void

    static func value(_ key: String, _ kind: SettingKind, doc: String = "", required: String? = nil,
                      get: (@Sendable (Target) -> String)? = nil,
                      set: @escaping @Sendable (inout Target, SettingValue) -> Void) -> Field {
        Field(key: key, doc: doc, required: required, get: get) { (node, target) throws(TOMLError) in
            set(&target, try node.read(kind))
        }
    }

    /// A table or list with a reader of its own.
    static func nested(_ key: String, required: String? = nil,
                       read: @escaping @Sendable (TOMLNode, inout Target) throws(TOMLError) -> Void) -> Field {
        Field(key: key, required: required, get: nil, apply: read)
    }
}

/// The values of a table read into a dictionary, for entries that are built once complete
/// (a signal rule, a playbook step, a class of the win-back matrix).
typealias Record = [String: SettingValue]

extension Field where Target == Record {
    static func recorded(_ key: String, _ kind: SettingKind, required: String? = nil) -> Field {
        .value(key, kind, required: required) { $0[key] = $1 }
    }
}

/// A table of the settings file, declared once: its keys, their kinds and meaning. It reads
/// a table (unknown keys first, then each key in the order declared) and lists its keys.
struct TableSchema<Target>: Sendable {
    var fields: [Field<Target>]
    /// The hint after "is not a known key (…)".
    var known: String
    /// What a value that is no table was expected to be.
    var shape = "a table"

    init(_ fields: [Field<Target>], known: String? = nil, shape: String = "a table") {
        self.fields = fields
        self.known = known ?? "known: " + fields.map(\.key).joined(separator: ", ")
        self.shape = shape
    }

    var keys: [String] { fields.map(\.key) }

    func read(_ node: TOMLNode, into target: inout Target) throws(TOMLError) {
        _ = try node.entries(shape)
        try node.rejectUnknown(allowed: keys, known: known)
        for field in fields {
            guard let value = node[field.key] else {
                guard let why = field.required else { continue }
                throw node.error(at: field.key, "is missing" + (why.isEmpty ? "" : " (\(why))"))
            }
            try field.apply(value, &target)
        }
    }

    func read(_ node: TOMLNode, from start: Target) throws(TOMLError) -> Target {
        var target = start
        try read(node, into: &target)
        return target
    }
}
