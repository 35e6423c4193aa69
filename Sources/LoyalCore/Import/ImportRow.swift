/// A problem with one cell, phrased the way the CLI prints it:
/// `FILE:LINE: column "date": "31.02.2024" is not a date (expected …)`.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: String?
    public var message: String

    public init(line: Int, column: String? = nil, message: String) {
        self.line = line; self.column = column; self.message = message
    }

    /// `4: column "Datum": …`, German `Zeile 4, Feld „Datum“: …`.
    public var description: String {
        if let c = column { return Text.tr("import_check.at_line_column", line, c, message) }
        return Text.tr("import_check.at_line", line, message)
    }

    /// `kunden.csv:4: column "Datum": …`, German `kunden.csv: Zeile 4, Feld „Datum“: …`.
    public func located(in file: String) -> String { Text.tr("import_check.in_file", file, description) }

    /// The problem without its line (a rejects file's reason): `column "Datum": …`.
    public var reason: String { column.map { Text.tr("import_check.column", $0, message) } ?? message }
}

/// Maps a file's header to the fields of one import.
public struct ImportHeader: Sendable {
    public let entity: ImportEntity
    /// field key → column index
    public let columns: [String: Int]
    /// field key → header as written in the file (for messages)
    public let headerNames: [String: String]
    /// Headers that match no field; the CLI lists them, and customers and contacts keep
    /// their values in the record's extra field.
    public let ignored: [String]
    /// Column index → header of the ignored columns.
    public let extraColumns: [(index: Int, header: String)]
    /// Further columns of a field that takes several values (a contact's second e-mail
    /// column, HubSpot's "Work email" beside "Email"), by field key, in file order.
    public let moreColumns: [String: [Int]]
    public let separator: Character
    /// The header line's fields, trimmed.
    public let headerFields: [String]

    /// `mapping`: header → field key, taken before any alias (a preset's or `--map`'s);
    /// "-" leaves a header out on purpose.
    public init(entity: ImportEntity, header: CSVRecord, separator: Character = ",",
                mapping: [String: String] = [:]) throws(ImportProblem) {
        self.entity = entity
        self.separator = separator
        var columns: [String: Int] = [:], names: [String: String] = [:], ignored: [String] = []
        var extra: [(index: Int, header: String)] = []
        var more: [String: [Int]] = [:]
        func several(_ key: String) -> Bool { entity.fields.contains { $0.key == key && $0.severalPerCell } }
        let headerNames = header.fields.map { String($0.trimmingSpaces) }
        headerFields = headerNames
        let mapped = Dictionary(mapping.map { (ImportField.normalize($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        var claimed = Set<Int>()
        for (i, name) in headerNames.enumerated() {
            guard let key = mapped[ImportField.normalize(name)] else { continue }
            claimed.insert(i)
            if key == "-" { ignored.append(name); extra.append((i, name)); continue }
            guard entity.fields.contains(where: { $0.key == key }) else {
                throw ImportProblem(line: header.line, message: Text.tr("import_check.mapped_to_nothing", name, key, entity.rawValue,
                                                                        entity.fields.map(\.key).joined(separator: ", ")))
            }
            // A second column mapped to a field of one value is kept as extra, not dropped.
            if columns[key] == nil { columns[key] = i; names[key] = name } else if several(key) { more[key, default: []].append(i) }
            else { ignored.append(name); extra.append((i, name)) }
        }
        // Exact key matches are taken first (wherever they stand), then aliases, so `Name`
        // means the contact's last name only when no `last_name` column exists.
        var exact: [Int: ImportField] = [:]
        for (i, name) in headerNames.enumerated() where !claimed.contains(i) {
            let norm = ImportField.normalize(name)
            if let f = entity.fields.first(where: { ImportField.normalize($0.key) == norm }) {
                exact[i] = f
                if columns[f.key] == nil { columns[f.key] = i; names[f.key] = name }
            }
        }
        for (i, name) in headerNames.enumerated() where !claimed.contains(i) {
            let norm = ImportField.normalize(name)
            let field = exact[i] ?? entity.fields.first { $0.matches(norm) && columns[$0.key] == nil }
                ?? entity.fields.first { $0.matches(norm) && $0.severalPerCell }
            if let f = field, columns[f.key] == i || columns[f.key] == nil {
                columns[f.key] = i; names[f.key] = name
            } else if let f = field, f.severalPerCell {
                more[f.key, default: []].append(i)
            } else if !name.isEmpty {
                ignored.append(name); extra.append((i, name))
            }
        }
        let missing = entity.fields.filter { $0.required && columns[$0.key] == nil }
        func accepted(_ f: ImportField) -> String {
            Text.tr("import_check.accepted", f.key, ([f.key] + f.aliases).joined(separator: ", "))
        }
        if !missing.isEmpty {
            throw ImportProblem(line: header.line, message: Text.tr("import_check.missing_column",
                                                                                missing.map(accepted).joined(separator: "; ")))
        }
        for group in entity.requiredOneOf where !group.contains(where: { columns[$0] != nil }) {
            let fields = group.compactMap { key in entity.fields.first { $0.key == key } }
            throw ImportProblem(line: header.line, message: Text.tr("import_check.missing_column",
                                                                                fields.map(accepted).joined(separator: Text.tr("import_check.or"))))
        }
        self.columns = columns; self.headerNames = names; self.ignored = ignored; self.moreColumns = more
        self.extraColumns = extra.sorted { $0.index < $1.index }
    }
}

extension ImportHeader {
    /// The header of column `index` as the file writes it, for a message.
    func header(at index: Int) -> String? {
        if let key = columns.first(where: { $0.value == index })?.key { return headerNames[key] }
        return headerFields.indices.contains(index) ? headerFields[index] : nil
    }
}

/// Reads typed values from one record, collecting every problem instead of
/// stopping at the first, so a user fixes a file in one pass.
public struct ImportRow {
    public let record: CSVRecord
    public let header: ImportHeader
    public private(set) var problems: [ImportProblem] = []

    public init(record: CSVRecord, header: ImportHeader) {
        self.record = record; self.header = header
        let expected = header.columns.values.max().map { $0 + 1 } ?? 0
        if record.fields.count < expected, record.fields.count == 1 {
            problems.append(ImportProblem(line: record.line, message:
                Text.tr("import_check.one_field", expected, header.separator)))
        }
        // Control characters and bidi overrides are refused in every column that is read,
        // before any value is used (issue 11): stored, they would reach screens and exports.
        for field in header.entity.fields {
            if let i = header.columns[field.key] { check(i, field) }
            for i in header.moreColumns[field.key] ?? [] { check(i, field) }
        }
    }

    private mutating func check(_ i: Int, _ field: ImportField) {
        guard i < record.fields.count, let problem = TextSafety.problem(in: record.fields[i], field: field.textSafety) else { return }
        problems.append(ImportProblem(line: record.line, column: header.header(at: i) ?? field.key, message: problem))
    }

    public var line: Int { record.line }

    public mutating func appendProblem(_ problem: ImportProblem) { problems.append(problem) }

    public var headerNames: [String: String] { header.headerNames }

    public func has(_ key: String) -> Bool { header.columns[key] != nil }

    /// Every column's text for a field that takes several (see `ImportHeader.moreColumns`).
    public func texts(_ key: String) -> [String] {
        [text(key)] + (header.moreColumns[key] ?? []).compactMap { i in
            i < record.fields.count ? CSVWriter.unguarded(String(record.fields[i].trimmingSpaces)) : nil
        }
    }

    /// Trimmed text, empty when the column is missing or blank. The `'` an export puts
    /// before `=`, `+`, `-`, `@` is removed, so an exported file imports unchanged.
    public func text(_ key: String) -> String {
        guard let i = header.columns[key], i < record.fields.count else { return "" }
        return CSVWriter.unguarded(String(record.fields[i].trimmingSpaces))
    }

    mutating func fail(_ key: String, _ raw: String, _ kind: ImportFieldKind) {
        let column = header.headerNames[key] ?? key
        problems.append(ImportProblem(line: line, column: column, message: kind.notA(raw)))
    }

    public mutating func require(_ key: String) -> String {
        let value = text(key)
        if value.isEmpty {
            problems.append(ImportProblem(line: line, column: header.headerNames[key] ?? key,
                                          message: Text.tr("import_check.is_empty")))
        }
        return value
    }

    public mutating func day(_ key: String) -> Day? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        guard let d = Day(importing: raw) else { fail(key, raw, .day); return nil }
        return d
    }

    public mutating func money(_ key: String) -> Money? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        guard let m = Money(parsing: raw) else { fail(key, raw, .money); return nil }
        return m
    }

    public mutating func integer(_ key: String) -> Int? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        // `1.200` employees is German grouping; strip dots only when there are any, and
        // only where they group as amounts do (`1.2` or `0.001` is no number of 1,200 or 1).
        guard let n = Int(raw) ?? (Self.groupedInteger(raw) ? Int(raw.replacing(".", with: "")) : nil) else {
            fail(key, raw, .integer); return nil
        }
        return n
    }

    static func groupedInteger(_ raw: String) -> Bool {
        let digits = raw.hasPrefix("-") ? raw.utf8.dropFirst() : raw.utf8[...]
        return raw.contains(".") && Money.validGrouping(ArraySlice(digits), separator: UInt8(ascii: "."))
    }

    public mutating func birthday(_ key: String) -> Birthday? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        guard let b = Birthday(importing: raw) else { fail(key, raw, .birthday); return nil }
        return b
    }

    public mutating func flag(_ key: String) -> Bool? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        switch raw.lowercased() {
        case "1", "yes", "y", "ja", "j", "true", "wahr", "x", "✓": return true
        case "0", "no", "n", "nein", "false", "falsch", "-": return false
        default: fail(key, raw, .flag); return nil
        }
    }

    public mutating func channel(_ key: String) -> Channel? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        let aliases: [String: Channel] = ["telefon": .phone, "anruf": .phone, "call": .phone, "e-mail": .email,
                                          "mail": .email, "brief": .letter, "post": .letter, "besuch": .visit]
        guard let c = Channel(rawValue: raw.lowercased()) ?? aliases[raw.lowercased()] else {
            fail(key, raw, .channel); return nil
        }
        return c
    }

    public mutating func interactionKind(_ key: String) -> InteractionKind? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        let aliases: [String: InteractionKind] = ["besuch": .visit, "anruf": .call, "telefonat": .call, "phone": .call,
                                                  "e-mail": .email, "mail": .email, "brief": .letter,
                                                  "veranstaltung": .event, "messe": .event, "geschenk": .gift]
        guard let k = InteractionKind(rawValue: raw.lowercased()) ?? aliases[raw.lowercased()] else {
            fail(key, raw, .interactionKind); return nil
        }
        return k
    }

    public mutating func customerKind(_ key: String) -> CustomerKind? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        guard let k = CustomerKind(parsing: raw) else { fail(key, raw, .customerKind); return nil }
        return k
    }

    public mutating func customerClass(_ key: String) -> CustomerClass? {
        let raw = text(key)
        if raw.isEmpty { return nil }
        guard let c = CustomerClass(rawValue: raw.uppercased()) else { fail(key, raw, .customerClass); return nil }
        return c
    }
}
