import Foundation
import LoyalCore
import LoyalStore

/// What a field is, for `loyal fields` and the README: how JSON and CSV write it.
enum FieldType: String, Sendable {
    case text, integer, decimal, money, day, boolean, probability, channel, list

    /// How the README and `loyal fields` describe it.
    var documented: String {
        switch self {
        case .text: return "text"
        case .integer: return "integer"
        case .decimal: return "number"
        case .money: return "money `1234.56`"
        case .day: return "day `YYYY-MM-DD`"
        case .boolean: return "true/false (CSV 1/0)"
        case .probability: return "0–1 (table: percent)"
        case .channel: return "channel: " + Channel.allCases.map(\.rawValue).joined(separator: ", ")
        case .list: return "list (CSV: text)"
        }
    }
}

/// One field's value in one row. The value is written in one way per format, so the same
/// field reads the same in JSON and CSV (and is only dressed up for people in a table).
enum FieldValue: Sendable {
    case text(String?)
    /// A number already in its machine spelling (`12`, `0.5`, `-1.4`), or none.
    case number(String?)
    case money(Money?)
    case day(Day?)
    case boolean(Bool)
    /// 0…1; four decimals for machines, a whole percent for people.
    case probability(Double?)
    case channel(Channel)
    /// Objects for JSON (e.g. a risk's factors), `text` for CSV and the table.
    case list([[(String, FieldValue)]], text: String)

    static func integer<I: BinaryInteger>(_ n: I?) -> FieldValue { .number(n.map { String($0) }) }

    var json: String {
        switch self {
        case .text(let s): return s.map(JSONText.string) ?? "null"
        case .number(let n): return n ?? "null"
        case .money(let m): return m?.plain ?? "null"
        case .day(let d): return d.map { JSONText.string($0.iso) } ?? "null"
        case .boolean(let b): return b ? "true" : "false"
        case .probability(let p): return p.map(Self.fraction) ?? "null"
        case .channel(let c): return JSONText.string(c.rawValue)
        case .list(let items, _):
            return "[" + items.map { Self.object($0) }.joined(separator: ",") + "]"
        }
    }

    /// The cell and whether it is text (text is guarded against spreadsheet formulas).
    var csv: (String, Bool) {
        switch self {
        case .text(let s): return (s ?? "", true)
        case .number(let n): return (n ?? "", false)
        case .money(let m): return (m?.plain ?? "", false)
        case .day(let d): return (d?.iso ?? "", true)
        case .boolean(let b): return (b ? "1" : "0", false)
        case .probability(let p): return (p.map(Self.fraction) ?? "", false)
        case .channel(let c): return (c.rawValue, true)
        case .list(_, let text): return (text, true)
        }
    }

    /// The plain table cell: money and days as the display settings write them, risk in percent.
    func cell(_ display: DisplaySettings, none: String = "") -> String {
        switch self {
        case .text(let s): return s ?? none
        case .number(let n): return n ?? "–"
        case .money(let m): return m.map { display.money.format($0, withCents: false) } ?? "–"
        case .day(let d): return d.map(display.dateStyle.format) ?? "–"
        case .boolean(let b): return b ? OutputWords.yes : ""
        case .probability(let p): return p.map(Self.percent) ?? "–"
        case .channel(let c): return OutputWords.channel(c)
        case .list(_, let text): return text
        }
    }

    var isText: Bool {
        switch self {
        case .text, .day, .channel, .list, .boolean: return true
        case .number, .money, .probability: return false
        }
    }

    static func fraction(_ p: Double) -> String { String(format: "%.4f", p) }
    static func percent(_ p: Double) -> String { String(format: "%.0f %%", p * 100) }

    static func object(_ pairs: [(String, FieldValue)]) -> String {
        "{" + pairs.map { JSONText.string($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
    }
}
