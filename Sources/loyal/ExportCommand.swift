import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

extension ExportEntity: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export customers, contacts, products, purchases, interactions, feedback, complaints or the calendar.",
        discussion: "CSV columns use the import names, so a file can be imported again. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @) get a leading ' . The calendar also exports as iCalendar (--format ics) for phones and calendar programs; re-exporting keeps every event's UID, so they update instead of doubling. Contacts also export as vCard 4.0 (--format vcf, --customer NUMBER for one customer's people) for address books.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to export: \(ExportEntity.allCases.map(\.rawValue).joined(separator: ", ")).")
    var entity: ExportEntity

    @Option(help: "csv, json, ics (calendar only) or vcf (contacts only).")
    var format: ExportFormat = .csv

    @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
    var output: String?

    @Option(help: "Contacts as vCards: only this customer's people (by customer number).")
    var customer: String?

    @Option(help: "Calendar: only this rep's entries.")
    var rep: String?

    @Option(help: "Calendar: first day (default today).")
    var from: String?

    @Option(help: "Calendar: last day (default the planning horizon).")
    var to: String?

    func run() throws {
        let store = try global.openStore(.read)
        let sink = try OutputSink(path: output)
        do {
            if format == .ics {
                guard entity == .calendar else { throw ValidationError("--format ics is for `loyal export calendar`") }
                let summary = try writeICS(store, sink)
                try sink.finish()
                Console.error(summary)
            } else if format == .vcf {
                guard entity == .contacts else { throw ValidationError("--format vcf is for `loyal export contacts`") }
                let count = try store.exportVCards(customerNumber: customer) { try sink.write($0) }
                try sink.finish()
                Console.error("\(count) contact\(count == 1 ? "" : "s") as vCard 4.0")
            } else {
                if customer != nil { throw ValidationError("--customer is for `loyal export contacts --format vcf`") }
                try store.export(entity, format: format) { try sink.write($0) }
                try sink.finish()
            }
        } catch {
            sink.abandon()
            throw error
        }
    }

    /// Returns the line that says what was written, for after the output is complete.
    func writeICS(_ store: Store, _ sink: OutputSink) throws -> String {
        let settings = try global.settings(with: store)
        let today = try global.todayDay()
        func day(_ text: String?, _ name: String, _ fallback: Day) throws -> Day {
            try global.typedDay(text, option: name, today: today, pastBias: false) ?? fallback
        }
        let start = try day(from, "from", today)
        let end = try day(to, "to", today.adding(days: settings.calendarHorizonDays))
        guard start <= end else { throw ValidationError(Text.tr("cli_error.from_after_to")) }
        let (entries, names) = try store.calendarForExport(from: start, to: end, repCode: rep)
        let zone = ICalTimeZone.named(settings.contactPlan.timeZone) ?? .europeBerlin
        let events = ICalendarExport.events(entries, customerNames: names, display: settings.display)
        let stamp = UTCTimestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        // The writer's emit cannot throw: keep the first write error and stop writing after it.
        var failure: Error?
        ICalendarWriter(timeZone: zone, calendarName: "Loyal" + (rep.map { " (\($0))" } ?? ""))
            .write(events, stamp: stamp) { text in
                guard failure == nil else { return }
                do { try sink.write(text) } catch { failure = error }
            }
        if let failure { throw failure }
        return "\(events.count) events (\(entries.count) entries) from \(start.iso) to \(end.iso)"
    }
}
