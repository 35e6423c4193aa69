import ArgumentParser
import Foundation

/// `loyal fields [OUTPUT]` (hidden): the field tables the reports and lists are written from,
/// for scripts and for scripts/update-readme, which prints the README's field lists with it.
struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "List the outputs written from field tables, or one output's fields (as the README has them).",
        shouldDisplay: false)

    @Argument(help: "An output's name (\(OutputRegistry.all.map(\.name).joined(separator: ", "))).")
    var output: String?

    @Flag(help: "Only the CSV header's keys, one a line.") var keys = false

    func validate() throws {
        if let output, OutputRegistry.named(output) == nil {
            throw ValidationError("no output \(output); there are " + OutputRegistry.all.map(\.name).joined(separator: ", "))
        }
        if keys, output == nil { throw ValidationError("--keys needs an OUTPUT") }
    }

    func run() throws {
        guard let name = output, let output = OutputRegistry.named(name) else {
            let width = OutputRegistry.all.map(\.name.count).max() ?? 0
            for o in OutputRegistry.all {
                try printLine(o.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + o.command
                              + "  (\(o.csvKeys.count) fields)")
            }
            return
        }
        try printLine(keys ? output.csvKeys.joined(separator: "\n") : output.markdown, terminator: keys ? "\n" : "")
    }
}
