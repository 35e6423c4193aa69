import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

/// Which export layout a file has and how its columns map: `--preset` or the one its
/// header identifies, with `--map` on top.
struct ImportLayout {
    var preset: ImportPreset?
    var mapping: [String: String]
    /// Without an entity named and without a known layout: what the header names say the file holds.
    var detection: ImportEntityDetection?

    static func resolve(bytes: [UInt8], preset name: String?, maps: [String], entity: ImportEntity?,
                        saved: [String: String] = [:]) throws -> ImportLayout {
        var preset: ImportPreset?
        var header: CSVRecord?
        if let name {
            guard let p = ImportPreset.named(name) else {
                throw ValidationError(Text.tr("cli_error.no_preset", name, ImportPreset.all.map(\.name).joined(separator: ", ")))
            }
            preset = p
        } else {
            var reader = CSVReader(bytes: bytes)
            header = try? reader.next()
            if let header { preset = ImportPreset.detect(header.fields) }
        }
        // A layout of another entity than the one named does not apply.
        if let p = preset, let entity, p.entity != entity { preset = nil }
        // A saved mapping says everything about the columns: no layout is guessed on top of it.
        if !saved.isEmpty && name == nil { preset = nil }
        var mapping = (preset?.map ?? [:]).merging(saved) { _, new in new }
        for m in maps {
            guard let eq = m.lastIndex(of: "="), eq != m.startIndex else {
                throw ValidationError(Text.tr("cli_error.bad_map", m))
            }
            mapping[String(m[..<eq]).trimmingCharacters(in: .whitespaces)] =
                String(m[m.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        var layout = ImportLayout(preset: preset, mapping: mapping)
        if entity == nil, preset == nil, let header { layout.detection = ImportEntityDetection.detect(header, mapping: mapping) }
        return layout
    }

    /// "columns: Record ID → number, Company name → name, Lead Status → extra".
    static func describe(_ map: [(header: String, field: String?)]) -> String {
        "columns: " + map.map { "\($0.header) → \($0.field ?? "extra")" }.joined(separator: ", ")
    }

    /// The first three rows as the fields will read them (a dry run's preview).
    static func firstRows(bytes: [UInt8], report: ImportReport) -> String {
        var reader = CSVReader(bytes: bytes)
        _ = try? reader.next()
        var out = ""
        for n in 1...3 {
            guard let record = try? reader.next() else { break }
            let cells = report.columnMap.enumerated().compactMap { i, column -> String? in
                guard let field = column.field, i < record.fields.count, !record.fields[i].isEmpty else { return nil }
                return "\(field)=\(record.fields[i])"
            }
            out += "row \(n) (line \(record.line)): " + cells.joined(separator: ", ") + "\n"
        }
        return out
    }
}
