/// One record of a CSV file and the physical line it starts on (for error messages).
public struct CSVRecord: Sendable {
    public var line: Int
    public var fields: [String]
}

public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

/// An RFC 4180 reader that also takes what spreadsheets really write: a UTF-8 BOM,
/// `;` as separator (German Excel), CRLF or LF, quoted fields holding separators,
/// quotes (`""`) and line breaks. Works on bytes because a million rows must
/// parse in about a second.
public struct CSVReader: Sendable {
    public let separator: UInt8
    /// True when the file was not valid UTF-8 and was read as Windows-1252
    /// (what German Excel writes by default).
    public let decodedAsWindows1252: Bool
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1

    public init(bytes input: [UInt8]) {
        var start = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { start = 3 }
        var data = Array(input[start...])
        if String(validating: data, as: UTF8.self) == nil {
            data = Windows1252.toUTF8(data)
            decodedAsWindows1252 = true
        } else {
            decodedAsWindows1252 = false
        }
        bytes = data
        position = 0
        separator = CSVReader.detectSeparator(data)
    }

    /// The separator that occurs most often outside quotes in the first line.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if !quoted && (b == 0x0A || b == 0x0D) { break }
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
            var fields: [String] = []
            var field: [UInt8] = []
            var quotedField = false
            var atFieldStart = true
            while true {
                if position >= bytes.count {
                    fields.append(String(decoding: field, as: UTF8.self))
                    break
                }
                let b = bytes[position]
                if atFieldStart && b == UInt8(ascii: "\"") {
                    quotedField = true; atFieldStart = false; position += 1
                    try readQuoted(into: &field, startLine: startLine)
                    continue
                }
                atFieldStart = false
                if b == separator {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true); quotedField = false; atFieldStart = true
                    position += 1
                } else if b == 0x0A || b == 0x0D {
                    position += 1
                    if b == 0x0D, position < bytes.count, bytes[position] == 0x0A { position += 1 }
                    line += 1
                    fields.append(String(decoding: field, as: UTF8.self))
                    break
                } else if quotedField {
                    // Text after a closing quote: `"abc"def`. Keep it rather than lose data.
                    field.append(b); position += 1
                } else {
                    field.append(b); position += 1
                }
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            return CSVRecord(line: startLine, fields: fields)
        }
        return nil
    }

    private mutating func readQuoted(into field: inout [UInt8], startLine: Int) throws(CSVError) {
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\"") {
                if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                    field.append(b); position += 1
                } else {
                    return
                }
            } else {
                if b == 0x0A { line += 1 }
                else if b == 0x0D { if position < bytes.count, bytes[position] == 0x0A {} else { line += 1 } }
                field.append(b)
            }
        }
        throw CSVError(line: startLine, message: "a quoted field is never closed (missing \")")
    }
}

enum Windows1252 {
    /// 0x80–0x9F differ from Latin-1; the rest map to the same code point.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func toUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = Unicode.Scalar(b >= 0xA0 || b < 0x80 ? UInt32(b) : high[Int(b) - 0x80])!
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        return out
    }
}
