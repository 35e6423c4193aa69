import Foundation

/// A text the store keeps (signal evidence, calendar reasons and notes) as a catalogue key
/// with typed arguments, so it reads in the viewer's language and formats whenever it is
/// shown: two users in two languages see the same row each in their own. Stored as a JSON
/// array `["evidence.address_changed","d:2026-11-02"]`; text stored before (plain English)
/// still shows as it was until the migration turns it into keys (`LegacyTextReader`).
public struct StoredText: Hashable, Sendable {
    public indirect enum Arg: Hashable, Sendable {
        case text(String)
        case int(Int)
        case money(Money)
        case day(Day)
        /// A number with this many decimals (`0,18`).
        case decimal(Double, Int)
        /// A threshold as typed: whole numbers without decimals.
        case number(Double)
        /// A share as signed whole percent (`−40 %`).
        case percent(Double)
        /// A catalogue key, shown as its text (a complaint category, a signal kind).
        case word(String)
        /// Texts joined with ", ".
        case list([Arg])
        /// A text of its own, with its arguments.
        case sub(StoredText)
    }

    public var key: String
    public var args: [Arg]

    public init(_ key: String, _ args: [Arg] = []) { self.key = key; self.args = args }

    /// Words of no catalogue key (a person's own reason, a text stored before keys were):
    /// shown and stored as they are.
    public static func plain(_ text: String) -> StoredText { StoredText("", [.text(text)]) }

    /// A stored value as a text: its key, or the plain words it holds.
    public static func read(_ stored: String) -> StoredText { StoredText(stored: stored) ?? .plain(stored) }

    public var isPlain: Bool { key.isEmpty }

    /// The text in `language` with amounts, days and numbers in `format`.
    public func render(_ format: EvidenceFormat = .current, in language: Language = Text.language) -> String {
        if key.isEmpty, args.count == 1, case .text(let words) = args[0] { return words }
        return Text.tr(key, in: language, args.map { Self.render($0, format, language) })
    }

    static func render(_ arg: Arg, _ f: EvidenceFormat, _ l: Language) -> String {
        switch arg {
        case .text(let s): return s
        case .int(let n): return String(n)
        case .money(let m): return f.amount(m)
        case .day(let d): return f.day(d)
        case .decimal(let x, let digits): return f.decimal(x, digits)
        case .number(let x): return f.number(x)
        case .percent(let x): return f.signedPercent(x)
        case .word(let key): return Text.tr(key, in: l, [])
        case .list(let items): return items.map { render($0, f, l) }.joined(separator: ", ")
        case .sub(let t): return t.render(f, in: l)
        }
    }

    // MARK: the stored form

    /// What the store keeps.
    /// Written by hand, byte for byte what `JSONSerialization` writes for `encoded` (without
    /// escaping slashes): a refresh compares every finding's stored form with the stored one,
    /// and JSONSerialization's objects cost more than the rules themselves (issue 17).
    /// Plain words (an empty key with one text) stay as they are.
    public var stored: String {
        if key.isEmpty, args.count == 1, case .text(let words) = args[0] { return words }
        var out: [UInt8] = []
        out.reserveCapacity(96)
        Self.writeJSON(self, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func writeJSON(_ t: StoredText, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        writeJSON(string: t.key, into: &out)
        for a in t.args {
            out.append(UInt8(ascii: ","))
            writeJSON(a, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func writeJSON(_ a: Arg, into out: inout [UInt8]) {
        switch a {
        case .list(let items):
            out.append(contentsOf: #"[",""#.utf8)
            for i in items {
                out.append(UInt8(ascii: ","))
                writeJSON(i, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .sub(let t): writeJSON(t, into: &out)
        default: writeJSON(string: tagged(a), into: &out)
        }
    }

    /// A JSON string as JSONSerialization writes it: `"` and `\` escaped, control
    /// characters as \b \f \n \r \t or \u00xx, everything else (slashes, non-ASCII) as is.
    static func writeJSON(string s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// What `stored` wrote before it was written by hand; the tests hold the two equal.
    var storedBySerialization: String {
        guard let data = try? JSONSerialization.data(withJSONObject: encoded, options: [.withoutEscapingSlashes]) else { return key }
        return String(decoding: data, as: UTF8.self)
    }

    var encoded: [Any] { [key] + args.map(Self.encode) }

    static func encode(_ a: Arg) -> Any {
        switch a {
        case .list(let items): return [","] + items.map(encode)
        case .sub(let t): return t.encoded
        default: return tagged(a)
        }
    }

    /// A single argument as its tagged string ("d:2026-11-02"); lists and texts of their own are arrays.
    static func tagged(_ a: Arg) -> String {
        switch a {
        case .text(let s): return "t:" + s
        case .int(let n): return "i:\(n)"
        case .money(let m): return "m:\(m.cents)"
        case .day(let d): return "d:" + d.iso
        case .decimal(let x, let digits): return "f\(digits):\(x)"
        case .number(let x): return "n:\(x)"
        case .percent(let x): return "p:\(x)"
        case .word(let k): return "w:" + k
        case .list, .sub: return ""
        }
    }

    /// The text behind a stored value; nil for plain text stored before keys were.
    public init?(stored: String) {
        guard stored.hasPrefix("[\""), let data = stored.data(using: .utf8),
              let array = try? JSONSerialization.jsonObject(with: data) as? [Any],
              let parsed = Self.decode(array) else { return nil }
        self = parsed
    }

    static func decode(_ array: [Any]) -> StoredText? {
        guard let key = array.first as? String, key != "," else { return nil }
        var args: [Arg] = []
        for item in array.dropFirst() {
            guard let a = decodeArg(item) else { return nil }
            args.append(a)
        }
        return StoredText(key, args)
    }

    static func decodeArg(_ item: Any) -> Arg? {
        if let list = item as? [Any] {
            if list.first as? String == "," {
                var items: [Arg] = []
                for i in list.dropFirst() { guard let a = decodeArg(i) else { return nil }; items.append(a) }
                return .list(items)
            }
            return decode(list).map(Arg.sub)
        }
        guard let s = item as? String, let colon = s.firstIndex(of: ":") else { return nil }
        let tag = s[..<colon], value = String(s[s.index(after: colon)...])
        switch tag {
        case "t": return .text(value)
        case "i": return Int(value).map(Arg.int)
        case "m": return Int64(value).map { .money(Money(cents: $0)) }
        case "d": return Day(iso: value).map(Arg.day)
        case "n": return Double(value).map(Arg.number)
        case "p": return Double(value).map(Arg.percent)
        case "w": return .word(value)
        default:
            guard tag.hasPrefix("f"), let digits = Int(tag.dropFirst()), let x = Double(value) else { return nil }
            return .decimal(x, digits)
        }
    }

    /// A stored value as the viewer reads it: keys in their language, older plain text as is.
    public static func render(stored: String, _ format: EvidenceFormat = .current) -> String {
        StoredText(stored: stored)?.render(format) ?? stored
    }
}

extension EvidenceFormat {
    /// The formats of the language in use (the display settings' defaults).
    public static var current: EvidenceFormat { EvidenceFormat(DisplaySettings()) }
}
