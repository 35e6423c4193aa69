import Foundation
import LoyalTOML

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
        let root = try TOMLNode.parse(text, file: file)
        if let key = root.keys.first(where: { $0 != "entity" && $0 != "columns" }) {
            throw root.error(at: key, "is not a mapping key (expected entity and [columns])")
        }
        let entity = try root["entity"]?.string("a string")
        var columns: [String: String] = [:]
        for (header, value) in (try? root["columns"]?.entries()) ?? [] {
            columns[header] = try value.string("a field name as a string, or \"-\"")
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
