import Foundation
import LoyalCore
import LoyalStore

/// Writes the risk and lost reports from their field tables (`RiskFields`, `LostFields`).
enum ReportOutput {
    static func risk(_ rows: [PanelRow], signals: [[ChurnSignal]], assessments: [RiskAssessment?], format: ListFormat,
                     display: DisplaySettings) throws {
        var writer = try OutputWriter(RiskFields.output, format: format, sink: try OutputSink(path: nil), display: display)
        for ((r, s), a) in zip(zip(rows, signals), assessments) {
            try writer.write(RiskFields.Line(row: r, signals: s, assessment: a))
        }
        try writer.finish(footer: "\(rows.count) customers\n")
    }

    static func lost(_ rows: [LostRow], format: ListFormat, display: DisplaySettings) throws {
        var writer = try OutputWriter(LostFields.output, format: format, sink: try OutputSink(path: nil), display: display)
        try writer.write(all: rows)
        try writer.finish(footer: "\(rows.count) lost customers and returnees\n")
    }
}
