import ArgumentParser
import LoyalStore

extension ExportEntity: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export customers, contacts, products, purchases, interactions, feedback or complaints.",
        discussion: "CSV columns use the import names, so a file can be imported again. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @) get a leading ' .")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to export: \(ExportEntity.allCases.map(\.rawValue).joined(separator: ", ")).")
    var entity: ExportEntity

    @Option(help: "csv or json.")
    var format: ExportFormat = .csv

    @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
    var output: String?

    func run() throws {
        let store = try global.openStore()
        let sink = try OutputSink(path: output)
        do {
            try store.export(entity, format: format) { sink.write($0) }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
