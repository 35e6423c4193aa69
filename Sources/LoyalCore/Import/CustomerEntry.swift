/// A customer typed into the interface's form, checked by the customer import's own rules:
/// the typed fields become one record of a file with those columns and go through
/// `ImportParser.customer`, so a form accepts exactly what an import accepts (required
/// number and name, safe text, a country Loyal knows, a class A/B/C) and there is no
/// second set of checks to drift apart. What the import cannot know - whether the number
/// is taken - the store checks when it saves.
public enum CustomerEntry {
    /// The import's field keys the form fills, in the form's order.
    public static let fieldKeys = ["number", "name", "street", "postal_code", "city", "country", "rep", "class"]

    /// The record the import would read from `values` (field key → typed text) and the
    /// problems it would report, by field key.
    public static func check(_ values: [String: String]) -> (record: CustomerImportRecord, problems: [String: String]) {
        let keys = fieldKeys
        // Keys as headers map onto themselves (exact matches come first), so nothing is guessed.
        let header: ImportHeader
        do {
            header = try ImportHeader(entity: .customers, header: CSVRecord(line: 1, fields: keys))
        } catch {
            preconditionFailure("the customer import lost one of the form's fields: \(error)")
        }
        var row = ImportRow(record: CSVRecord(line: 2, fields: keys.map { values[$0] ?? "" }), header: header)
        let record = ImportParser.customer(&row)
        var problems: [String: String] = [:]
        for problem in row.problems {
            let key = problem.column.flatMap { column in keys.first { header.headerNames[$0] == column } } ?? "number"
            if problems[key] == nil { problems[key] = problem.message }
        }
        return (record, problems)
    }
}
