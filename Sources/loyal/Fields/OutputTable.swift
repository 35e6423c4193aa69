import LoyalCore
import LoyalStore

/// A CLI output declared once: its fields, in order, and an optional list nested in each row
/// (a risk's signals). Table, CSV and JSON are all written from this (`OutputWriter`), and
/// `loyal fields` and the README's field lists are printed from it.
struct OutputTable<Row>: Sendable {
    /// The name `loyal fields NAME` takes.
    let name: String
    /// The command that prints it.
    let command: String
    let fields: [OutputField<Row>]
    var nested: NestedFields<Row>?
    /// A table cell for a missing text ("" or "–").
    var none = ""
    /// The table shows the first column only where it changes (the agenda's day headings).
    var groupedTable = false
    /// The table's columns by key when they come in another order than the fields.
    var tableOrder: [String]?

    init(_ name: String, command: String, fields: [OutputField<Row>], nested: NestedFields<Row>? = nil,
         none: String = "", groupedTable: Bool = false, tableOrder: [String]? = nil) {
        self.name = name
        self.command = command
        self.fields = fields
        self.nested = nested
        self.none = none
        self.groupedTable = groupedTable
        self.tableOrder = tableOrder
    }

    var shown: [OutputField<Row>] {
        let own = fields.filter { $0.header != nil }
        guard let tableOrder else { return own }
        return tableOrder.compactMap { key in own.first { $0.key == key } }
    }

    var tableHeader: [String] { shown.map { $0.header! } + (nested?.shown.map { $0.header! } ?? []) }

    var rightAligned: Set<Int> {
        let flags = shown.map(\.rightAligned) + (nested?.shown.map { [.integer, .decimal, .money, .probability].contains($0.type) } ?? [])
        return Set(flags.indices.filter { flags[$0] })
    }

    /// CSV header: the fields' keys, then the nested list's, prefixed (`signal_kind`).
    var csvKeys: [String] {
        fields.map(\.key) + (nested.map { n in n.fields.map { n.csvPrefix + $0.key } } ?? [])
    }

    func json(_ row: Row) -> String {
        var pairs = fields.map { ($0.key, $0.value(row)) }
        if let nested {
            let items = nested.items(row).map { zip(nested.fields.map(\.key), $0).map { ($0, $1) } }
            pairs.append((nested.key, .list(items, text: "")))
        }
        return FieldValue.object(pairs)
    }

    /// One CSV line, or one per nested item (the row's fields repeated on each).
    func csvLines(_ row: Row) -> String {
        let own = fields.map { $0.value(row).csv }
        guard let nested else { return CSVWriter.line(own) }
        let items = nested.items(row)
        if items.isEmpty { return CSVWriter.line(own + nested.fields.map { _ in ("", false) }) }
        return items.map { CSVWriter.line(own + $0.map(\.csv)) }.joined()
    }

    /// The row's table lines: its own, then one per nested item under the nested columns.
    func tableLines(_ row: Row, _ display: DisplaySettings) -> [[String]] {
        let own = shown.map { $0.tableCell(row, display, none: none) }
        guard let nested else { return [own] }
        let blank = Array(repeating: "", count: own.count)
        let lead = nested.lead?(row, display) ?? Array(repeating: "", count: nested.shown.count)
        return [own + lead] + nested.cells(row, display).map { blank + $0 }
    }

    var descriptions: [FieldDescription] { fields.map(\.description) }
}

/// A list inside each row of an output: JSON writes it as an array of objects under `key`;
/// CSV writes one line per item with the item's fields prefixed; the table one line per item.
struct NestedFields<Row>: Sendable {
    let key: String
    let csvPrefix: String
    let fields: [FieldDescription]
    let items: @Sendable (Row) -> [[FieldValue]]
    let cells: @Sendable (Row, DisplaySettings) -> [[String]]
    /// What the row's own table line shows under the nested columns (the risk's "why").
    let lead: (@Sendable (Row, DisplaySettings) -> [String])?

    init<Item>(_ key: String, csvPrefix: String, fields: [OutputField<Item>], items: @escaping @Sendable (Row) -> [Item],
               lead: (@Sendable (Row, DisplaySettings) -> [String])? = nil) {
        self.key = key
        self.csvPrefix = csvPrefix
        self.fields = fields.map(\.description)
        self.items = { row in items(row).map { item in fields.map { $0.value(item) } } }
        self.cells = { row, display in
            items(row).map { item in fields.filter { $0.header != nil }.map { $0.tableCell(item, display, none: "") } }
        }
        self.lead = lead
    }

    var shown: [FieldDescription] { fields.filter { $0.header != nil } }
}
