/// One record of a CSV file and the physical line it starts on (for error messages).
public struct CSVRecord: Sendable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line; self.fields = fields
    }
}

/// What is wrong at a place in a CSV file: `line 7: field 3: …` (the field counted from 1).
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    /// Index of the field (from 0) when the problem is in one field.
    public var field: Int?
    public var message: String

    /// An unclosed quote runs to the end of the file: nothing after it reads as rows.
    public var isUnclosedQuote = false

    public init(line: Int, field: Int? = nil, message: String, isUnclosedQuote: Bool = false) {
        self.line = line; self.field = field; self.message = message; self.isUnclosedQuote = isUnclosedQuote
    }

    /// `line 7: field 3: …`, German `Zeile 7, Feld 3: …`.
    public var description: String {
        if let field { return Text.tr("import_check.csv_at_field", line, field + 1, message) }
        return Text.tr("import_check.csv_at_line", line, message)
    }
}

/// A strict RFC 4180 reader that also takes what spreadsheets really write: a UTF-8
/// BOM at the very start, `;` or tab as separator (German Excel), CRLF or LF, quoted
/// fields holding separators, quotes (`""`) and line breaks.
///
/// Strict because silent damage is worse than a refused file (issue 11): a quote
/// that is never closed, text after a closing quote, a bare quote in an unquoted
/// field, a record whose field count differs from the header's, a NUL byte and a
/// BOM anywhere but at the start are errors with their line. The encoding is
/// decided per record: a record that is valid UTF-8 is UTF-8; one that is not is
/// read as Windows-1252 (German Excel's default) and its line is listed in
/// `windows1252Lines`, so one such row no longer turns every other `ä` into `Ã¤`.
///
/// Every error but an unclosed quote consumes only its record, so a caller can go
/// on reading and report all problems of a file at once. Works on bytes because a
/// million rows must parse in about a second.
public struct CSVReader: Sendable {
    public let separator: UInt8
    /// Lines of the records that were not UTF-8 and were read as Windows-1252.
    public private(set) var windows1252Lines: [Int] = []
    /// True when any record was read as Windows-1252.
    public var decodedAsWindows1252: Bool { !windows1252Lines.isEmpty }
    /// The header's field count, once the first record was read.
    public private(set) var expectedFields: Int?
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Reads UTF-8 (with or without BOM) and Excel's "Unicode text" (UTF-16 LE or BE with
    /// BOM, usually tab-separated), and honours Excel's `sep=;` first line.
    public init(bytes raw: [UInt8]) {
        let input = ExcelText.utf8(raw)
        let bom = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        bytes = input
        position = bom ? 3 : 0
        if let (declared, next) = ExcelText.separatorLine(input, from: position) {
            separator = declared
            position = next
            line = 2
        } else {
            separator = CSVReader.detectSeparator(input[(bom ? 3 : 0)...])
        }
    }

    /// The separator that occurs most often outside quotes in the first line.
    static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for b in bytes {
            if b == quote { quoted.toggle(); continue }
            if !quoted && (b == lf || b == cr) { break }
            if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        return (best?.value ?? 0) > 0 ? best!.key : UInt8(ascii: ",")
    }

    public var bytesRead: Int { position }
    public var totalBytes: Int { bytes.count }

    /// The next record, nil at the end. Blank lines are skipped.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        while position < bytes.count {
            let startLine = line
            // The record's bytes, and where each field ends in them: one buffer per record,
            // not one array per field (a million rows must parse in about a second).
            var recordBytes: [UInt8] = []
            var ends: [Int] = []
            var problem: CSVError?
            func note(_ error: CSVError) { if problem == nil { problem = error } }
            var quotedField = false
            var anyQuoted = false
            var endOfRecord = false
            while !endOfRecord {
                // At the start of a field.
                if position < bytes.count, bytes[position] == Self.quote {
                    quotedField = true; anyQuoted = true
                    let quoteLine = line
                    position += 1
                    if !readQuoted(into: &recordBytes, fieldIndex: ends.count, note: note) {
                        throw CSVError(line: quoteLine, field: ends.count,
                                       message: Text.tr("import_check.csv_unclosed"), isUnclosedQuote: true)
                    }
                }
                // The unquoted part (or what follows a closing quote) up to a separator or line end.
                var strayAfterQuote = false
                while true {
                    guard position < bytes.count else { endOfRecord = true; break }
                    let b = bytes[position]
                    if b == separator { position += 1; break }
                    if b == Self.lf || b == Self.cr {
                        position += 1
                        if b == Self.cr, position < bytes.count, bytes[position] == Self.lf { position += 1 }
                        line += 1
                        endOfRecord = true
                        break
                    }
                    if quotedField, !strayAfterQuote {
                        strayAfterQuote = true
                        note(CSVError(line: line, field: ends.count, message: Text.tr("import_check.csv_after_quote")))
                    } else if b == Self.quote, !quotedField {
                        note(CSVError(line: line, field: ends.count, message: Text.tr("import_check.csv_bare_quote")))
                    }
                    checkByte(b, fieldIndex: ends.count, note: note)
                    recordBytes.append(b)
                    position += 1
                }
                ends.append(recordBytes.count)
                quotedField = false
            }
            // A blank line; a line holding only `""` is a record with one empty field.
            if ends.count == 1 && ends[0] == 0 && !anyQuoted && problem == nil { continue }
            if let problem { countFields(ends.count); throw problem }
            if let expected = expectedFields, ends.count != expected {
                throw CSVError(line: startLine, message: ends.count == 1 ? Text.tr("import_check.csv_fields_one", expected)
                                                                        : Text.tr("import_check.csv_fields", ends.count, expected))
            }
            countFields(ends.count)
            return CSVRecord(line: startLine, fields: decode(recordBytes, ends: ends, line: startLine))
        }
        return nil
    }

    private mutating func countFields(_ n: Int) {
        if expectedFields == nil { expectedFields = n }
    }

    /// NUL ends a C string (a field would be cut where it stands) and a BOM inside the
    /// file is invisible text that would become part of a customer number.
    private func checkByte(_ b: UInt8, fieldIndex: Int, note: (CSVError) -> Void) {
        if b == 0 {
            note(CSVError(line: line, field: fieldIndex, message: Text.tr("import_check.csv_nul")))
        } else if b == 0xEF, position + 2 < bytes.count, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF {
            note(CSVError(line: line, field: fieldIndex, message: Text.tr("import_check.csv_bom")))
        }
    }

    /// Reads a quoted field after its opening quote. False when the file ends first.
    private mutating func readQuoted(into field: inout [UInt8], fieldIndex: Int, note: (CSVError) -> Void) -> Bool {
        while position < bytes.count {
            let b = bytes[position]
            if b == Self.quote {
                position += 1
                if position < bytes.count, bytes[position] == Self.quote {
                    field.append(b); position += 1
                    continue
                }
                return true
            }
            checkByte(b, fieldIndex: fieldIndex, note: note)
            if b == Self.lf { line += 1 }
            else if b == Self.cr, !(position + 1 < bytes.count && bytes[position + 1] == Self.lf) { line += 1 }
            field.append(b)
            position += 1
        }
        return false
    }

    private mutating func decode(_ bytes: [UInt8], ends: [Int], line: Int) -> [String] {
        var strings: [String] = []
        strings.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            guard let s = String(validating: bytes[start..<end], as: UTF8.self) else { break }
            strings.append(s)
            start = end
        }
        if strings.count == ends.count { return strings }
        windows1252Lines.append(line)
        start = 0
        return ends.map { end in
            defer { start = end }
            return String(decoding: Windows1252.toUTF8(bytes[start..<end]), as: UTF8.self)
        }
    }
}

enum Windows1252 {
    /// 0x80–0x9F differ from Latin-1; the rest map to the same code point.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func toUTF8(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = Unicode.Scalar(b >= 0xA0 ? UInt32(b) : high[Int(b) - 0x80])!
            UTF8.encode(scalar) { out.append($0) }
        }
        return out
    }
}
