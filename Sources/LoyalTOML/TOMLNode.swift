import TOMLKit

/// A value of a TOML file together with where it is: its path, its line and the file.
/// Readers take values from nodes, so every error they raise can say `FILE:LINE: key`.
public struct TOMLNode: Sendable {
    public enum Value: Sendable {
        case string(String), integer(Int), float(Double), bool(Bool)
        case array([TOMLNode])
        /// Entries in file order: the first mistake in the file is the one reported.
        case table([(key: String, node: TOMLNode)])
        /// Dates and times, which no setting takes: kept as written for messages.
        case other(String)
    }

    public let value: Value
    public let path: TOMLPath
    /// The line of the key or element; for a table, of its header.
    public let line: Int?
    public let file: String

    /// Parses `text`; a syntax error is a `TOMLError` at TOMLKit's line.
    public static func parse(_ text: String, file: String) throws(TOMLError) -> TOMLNode {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw TOMLError(file: file, line: e.source.begin.line > 0 ? e.source.begin.line : nil, message: e.description)
        } catch {
            throw TOMLError(file: file, line: nil, message: "\(error)")
        }
        let lines = TOMLLineScanner(text: text).lines
        return TOMLNode(table, path: .root, lines: lines, file: file)
    }

    private init(_ raw: TOMLValueConvertible, path: TOMLPath, lines: [TOMLPath: Int], file: String) {
        self.path = path
        self.file = file
        var at: TOMLPath? = path
        while let p = at, lines[p] == nil { at = p.parent }
        self.line = at.flatMap { lines[$0] } ?? (path == .root ? 1 : nil)
        if let s = raw.string {
            value = .string(s)
        } else if let n = raw.int {
            value = .integer(n)
        } else if let d = raw.double {
            value = .float(d)
        } else if let b = raw.bool {
            value = .bool(b)
        } else if let a = raw.array {
            value = .array(a.enumerated().map { TOMLNode($1, path: path.appending(index: $0 + 1), lines: lines, file: file) })
        } else if let t = raw.table {
            let entries = t.map { e in (key: e.0, node: TOMLNode(e.1, path: path.appending(e.0), lines: lines, file: file)) }
            value = .table(entries.sorted { ($0.node.line ?? .max, $0.key) < ($1.node.line ?? .max, $1.key) })
        } else {
            value = .other(raw.debugDescription)
        }
    }

    /// The entry `key` of a table; nil when absent or when this is no table.
    public subscript(key: String) -> TOMLNode? {
        guard case .table(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.node
    }

    /// A table's keys in file order; empty for anything else.
    public var keys: [String] {
        guard case .table(let entries) = value else { return [] }
        return entries.map(\.key)
    }
}
