import LoyalCore
import LoyalStore

/// Streams rows of an `OutputTable` in the chosen format: JSON objects and CSV lines as they
/// come, table lines collected so the columns can be measured, then printed with a footer.
struct OutputWriter<Row> {
    let output: OutputTable<Row>
    let format: ListFormat
    let sink: OutputSink
    let display: DisplaySettings
    private let jsonClose: String
    private(set) var count = 0
    private var lines: [[String]] = []

    /// `jsonOpen`/`jsonClose` wrap the rows when they are one member of a larger object.
    init(_ output: OutputTable<Row>, format: ListFormat, sink: OutputSink, display: DisplaySettings,
         jsonOpen: String = "[", jsonClose: String = "\n]\n") throws {
        self.output = output
        self.format = format
        self.sink = sink
        self.display = display
        self.jsonClose = jsonClose
        switch format {
        case .json: try sink.write(jsonOpen)
        case .csv: try sink.write(CSVWriter.line(output.csvKeys.map { ($0, true) }))
        case .table: break
        }
    }

    mutating func write(_ row: Row) throws {
        switch format {
        case .json: try sink.write((count == 0 ? "\n" : ",\n") + output.json(row))
        case .csv: try sink.write(output.csvLines(row))
        case .table: lines += output.tableLines(row, display)
        }
        count += 1
    }

    mutating func write<S: Sequence>(all rows: S) throws where S.Element == Row {
        for row in rows { try write(row) }
    }

    /// A line only people need (the agenda's "12 overdue" line); JSON and CSV leave it out.
    mutating func tableNote(_ cells: [String]) {
        if format == .table { lines.append(cells) }
    }

    /// Ends the output; `footer` (a count, the windows' days) follows a table only.
    func finish(footer: String = "") throws {
        switch format {
        case .json: try sink.write(jsonClose)
        case .csv: break
        case .table:
            var shown = lines
            if output.groupedTable {
                var last: String?
                for i in shown.indices where !shown[i].isEmpty {
                    let heading = shown[i][0]
                    if heading == last { shown[i][0] = "" }
                    last = heading
                }
            }
            try sink.write(TextTable.render(header: output.tableHeader, rows: shown, rightAligned: output.rightAligned))
            try sink.write(footer)
        }
        try sink.finish()
    }
}
