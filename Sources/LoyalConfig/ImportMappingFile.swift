import Foundation
import TOMLKit

/// A saved column mapping (`loyal import --save-mapping FILE.toml`), to import the next
/// export of the same system the same way (`--mapping FILE.toml`):
///
///     entity = "contacts"
///     [columns]
///     "Person - Organization ID" = "customer"
///     "Person - Email - Home" = "-"
public struct ImportMappingFile: Equatable, Sendable {
    public var entity: String?
    /// Header → field key; "-" keeps the column as extra.
    public var columns: [String: String]

    public init(entity: String?, columns: [String: String]) {
        self.entity = entity; self.columns = columns
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> ImportMappingFile {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConfigError(file: file, line: e.source.begin.line, key: nil, message: e.description)
        } catch {
            throw ConfigError(file: file, line: nil, key: nil, message: "\(error)")
        }
        let lines = TOMLLines(text: text)
        for key in table.keys where key != "entity" && key != "columns" {
            throw ConfigError(file: file, line: lines.line("", 1, key: key), key: key,
                              message: "is not a mapping key (expected entity and [columns])")
        }
        var entity: String?
        if let e = table["entity"] {
            guard let s = e.string else {
                throw ConfigError(file: file, line: lines.line("", 1, key: "entity"), key: "entity", message: "expected a string")
            }
            entity = s
        }
        var columns: [String: String] = [:]
        if let t = table["columns"]?.table {
            for (header, value) in t {
                guard let field = value.string else {
                    throw ConfigError(file: file, line: lines.line("columns", 1, key: header), key: "columns.\(header)",
                                      message: "expected a field name as a string, or \"-\"")
                }
                columns[header] = field
            }
        }
        return ImportMappingFile(entity: entity, columns: columns)
    }

    public static func load(path: String) throws(ConfigError) -> ImportMappingFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, key: nil, message: "cannot read the mapping file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// The file's text, columns in the order given.
    public static func text(entity: String, columns: [(header: String, field: String)]) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        var out = "# Loyal import mapping: header = field; \"-\" keeps a column in the record's extra field.\n"
        out += "entity = \(quoted(entity))\n\n[columns]\n"
        for c in columns { out += "\(quoted(c.header)) = \(quoted(c.field))\n" }
        return out
    }
}
