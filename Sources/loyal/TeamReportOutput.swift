import LoyalCore
import LoyalStore

/// Writes the overview from its field table (`TeamFields`): the same fields in the table,
/// CSV and JSON; the table leaves out `row`, which its REP and NAME columns already say.
enum TeamReportOutput {
    static func write(_ overview: TeamOverview, format: ListFormat, display: DisplaySettings) throws {
        var writer = try OutputWriter(TeamFields.output, format: format, sink: try OutputSink(path: nil), display: display)
        try writer.write(all: overview.rows + [overview.team])
        let w = overview.windows
        try writer.finish(footer: "as of \(w.today.iso); visits and calls \(w.activity.lowerBound.iso) to "
            + "\(w.activity.upperBound.adding(days: -1).iso); NPS and satisfaction of the 90 days before today "
            + "against the 90 before; lost and won back since \(w.year.lowerBound.iso)\n")
    }
}
