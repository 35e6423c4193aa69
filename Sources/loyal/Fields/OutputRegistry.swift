import LoyalCore
import LoyalStore

/// An output's fields without its row type: what `loyal fields` prints and the README shows.
struct OutputDescription: Sendable {
    let name: String
    let command: String
    let fields: [FieldDescription]
    let nested: (key: String, csvPrefix: String, fields: [FieldDescription])?
    let csvKeys: [String]

    init<Row>(_ table: OutputTable<Row>) {
        name = table.name
        command = table.command
        fields = table.descriptions
        nested = table.nested.map { ($0.key, $0.csvPrefix, $0.fields) }
        csvKeys = table.csvKeys
    }

    /// An export: its columns are the import names, written by the store from one list.
    init(export entity: ExportEntity) {
        name = "export-" + entity.rawValue
        command = "loyal export " + entity.rawValue
        fields = entity.fields.map { f in
            FieldDescription(key: f.name, type: FieldType(rawValue: f.type) ?? .text, header: nil,
                             meaning: "as the import column of that name")
        }
        nested = nil
        csvKeys = fields.map(\.key)
    }

    /// The field list as a Markdown table, as the README has it.
    var markdown: String {
        var lines = ["| field | type | table | meaning |", "|---|---|---|---|"]
        func line(_ key: String, _ f: FieldDescription) -> String {
            let heading = f.header.map { $0.isEmpty ? "(unnamed)" : $0 } ?? "–"
            return "| `\(key)` | \(f.type.documented) | \(heading) | \(f.meaning.replacing("|", with: "\\|")) |"
        }
        lines += fields.map { line($0.key, $0) }
        if let nested {
            lines.append("| `\(nested.key)` | list of objects with the fields below (CSV: one line each, "
                         + "the fields prefixed `\(nested.csvPrefix)`) | | |")
            lines += nested.fields.map { line("\(nested.key)[].\($0.key)", $0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Every CLI output written from a field table, by the name `loyal fields` takes.
enum OutputRegistry {
    static let all: [OutputDescription] = [
        OutputDescription(AccountFields.output),
        OutputDescription(AgendaFields.output),
        OutputDescription(AgendaFields.unplanned),
        OutputDescription(RiskFields.output),
        OutputDescription(LostFields.output),
        OutputDescription(TeamFields.output),
        OutputDescription(ValueFields.output),
        OutputDescription(AbsenceFields.output),
        OutputDescription(CampaignFields.output(.newsletter)),
    ] + ExportEntity.allCases.map { OutputDescription(export: $0) }

    static func named(_ name: String) -> OutputDescription? { all.first { $0.name == name } }
}
