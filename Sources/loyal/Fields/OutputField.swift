import LoyalCore
import LoyalStore

/// One column of a CLI output, declared once: its key (JSON key and CSV header, stable English),
/// its type, its table heading (from `Heading`, nil when the table leaves it out), what it means
/// (for the README and `loyal fields`) and how a row gives its value.
struct OutputField<Row>: Sendable {
    let key: String
    let type: FieldType
    let header: String?
    let meaning: String
    let value: @Sendable (Row) -> FieldValue
    /// The table cell when it shows more than the value (a class with its override mark).
    var cell: (@Sendable (Row, DisplaySettings) -> String)?
    /// Numbers are right-aligned in a table; a composed cell may say otherwise.
    var rightAligned: Bool

    init(_ key: String, _ type: FieldType, _ header: String?, _ meaning: String,
         cell: (@Sendable (Row, DisplaySettings) -> String)? = nil, rightAligned: Bool? = nil,
         value: @escaping @Sendable (Row) -> FieldValue) {
        self.key = key
        self.type = type
        self.header = header
        self.meaning = meaning
        self.value = value
        self.cell = cell
        self.rightAligned = rightAligned ?? [.integer, .decimal, .money, .probability].contains(type)
    }

    static func text(_ key: String, _ header: String?, _ meaning: String,
                     cell: (@Sendable (Row, DisplaySettings) -> String)? = nil,
                     _ get: @escaping @Sendable (Row) -> String?) -> Self {
        Self(key, .text, header, meaning, cell: cell) { .text(get($0)) }
    }

    static func integer(_ key: String, _ header: String?, _ meaning: String,
                        _ get: @escaping @Sendable (Row) -> Int?) -> Self {
        Self(key, .integer, header, meaning) { .integer(get($0)) }
    }

    static func money(_ key: String, _ header: String?, _ meaning: String,
                      cell: (@Sendable (Row, DisplaySettings) -> String)? = nil,
                      _ get: @escaping @Sendable (Row) -> Money?) -> Self {
        Self(key, .money, header, meaning, cell: cell) { .money(get($0)) }
    }

    static func day(_ key: String, _ header: String?, _ meaning: String,
                    cell: (@Sendable (Row, DisplaySettings) -> String)? = nil,
                    _ get: @escaping @Sendable (Row) -> Day?) -> Self {
        Self(key, .day, header, meaning, cell: cell) { .day(get($0)) }
    }

    static func boolean(_ key: String, _ header: String?, _ meaning: String,
                        _ get: @escaping @Sendable (Row) -> Bool) -> Self {
        Self(key, .boolean, header, meaning) { .boolean(get($0)) }
    }

    static func probability(_ key: String, _ header: String?, _ meaning: String,
                            cell: (@Sendable (Row, DisplaySettings) -> String)? = nil,
                            _ get: @escaping @Sendable (Row) -> Double?) -> Self {
        Self(key, .probability, header, meaning, cell: cell) { .probability(get($0)) }
    }

    static func channel(_ key: String, _ header: String?, _ meaning: String,
                        _ get: @escaping @Sendable (Row) -> Channel) -> Self {
        Self(key, .channel, header, meaning) { .channel(get($0)) }
    }

    func tableCell(_ row: Row, _ display: DisplaySettings, none: String) -> String {
        cell?(row, display) ?? value(row).cell(display, none: none)
    }

    /// What `loyal fields` and the README say about it.
    var description: FieldDescription {
        FieldDescription(key: key, type: type, header: header, meaning: meaning)
    }
}

/// A field without its row type: what `loyal fields` lists.
struct FieldDescription: Sendable, Equatable {
    let key: String
    let type: FieldType
    let header: String?
    let meaning: String
}
