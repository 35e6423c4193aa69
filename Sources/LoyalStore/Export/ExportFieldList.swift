import LoyalCore

extension ExportEntity {
    /// The export's columns (the import names) and how each is written, for `loyal fields`:
    /// the same list `export` writes CSV and JSON from.
    public var fields: [(name: String, type: String)] {
        ExportColumns.of(self).0.map { column in
            switch column.kind {
            case .text: return (column.name, "text")
            case .number: return (column.name, "integer")
            case .money: return (column.name, "money")
            case .day: return (column.name, "day")
            }
        }
    }
}
