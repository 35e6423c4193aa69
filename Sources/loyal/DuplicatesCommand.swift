import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: Text.tr("cli.duplicates_abstract"),
        discussion: """
            Reasons: the same name after folding case, spaces, punctuation, umlauts and ß/ss (60 points), the same \
            e-mail (50), the same phone after normalising (40), a similar name at the same postal code (customers) or \
            customer (contacts) (35); the score is their sum, at most 100. Contacts are labelled CUSTOMER/ID. \
            Merge a pair with `loyal merge`.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "table or json.") var format: DuplicatesFormat = .table
    @Option(name: .customLong("min-score"), help: "Only pairs scoring at least this (1 to 100).") var minScore = 1

    enum DuplicatesFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws { try Limits.check(minScore, in: 1...100, option: "--min-score") }

    func run() throws {
        let store = try global.openStore(.read)
        let customers = try store.duplicateCustomers().filter { $0.score >= minScore }
        let contacts = try store.duplicateContacts().filter { $0.score >= minScore }
        let sink = try OutputSink(path: nil)
        switch format {
        case .json:
            func record(_ r: DuplicateRecord) -> String {
                "{\"id\":\(r.id),\"label\":\(JSONText.string(r.label)),\"name\":\(JSONText.string(r.name))}"
            }
            let rows = customers.map { ("customer", $0) } + contacts.map { ("contact", $0) }
            try sink.write("[" + rows.map { kind, p in
                "\n{\"kind\":\"\(kind)\",\"score\":\(p.score),\"a\":\(record(p.a)),\"b\":\(record(p.b)),"
                    + "\"reasons\":[\(p.reasons.map(JSONText.string).joined(separator: ","))]}"
            }.joined(separator: ",") + "\n]\n")
        case .table:
            let rows = customers.map { ["customer", String($0.score), "\($0.a.label) \($0.a.name)", "\($0.b.label) \($0.b.name)",
                                        $0.reasons.joined(separator: ", ")] }
                + contacts.map { ["contact", String($0.score), "\($0.a.label) \($0.a.name)", "\($0.b.label) \($0.b.name)",
                                  $0.reasons.joined(separator: ", ")] }
            try sink.write(TextTable.render(header: ["KIND", "SCORE", "A", "B", "WHY"], rows: rows, rightAligned: [1]))
            try sink.write("\(customers.count) customer pair\(customers.count == 1 ? "" : "s"), "
                           + "\(contacts.count) contact pair\(contacts.count == 1 ? "" : "s")\n")
        }
        try sink.finish()
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: Text.tr("cli.merge_abstract"),
        discussion: """
            `loyal merge KEEP OTHER`: customers by number. Purchases, visits and feedback, complaints, contact persons, \
            calendar entries, win-back cases and consents move to KEEP; OTHER is removed. Fields empty in KEEP take \
            OTHER's value; where both have one, --prefer decides (default keep). One transaction, in the audit. \
            `loyal merge --contacts KEEP_ID OTHER_ID` merges two contact persons (ids as `loyal duplicates` shows them). \
            `loyal merge --undo` takes back the latest merge.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The record to keep.") var keep: String?
    @Argument(help: "The record merged into it and removed.") var other: String?
    @Flag(help: "KEEP and OTHER are contact person ids.") var contacts = false
    @Option(help: "keep or other: whose value wins where both have one.") var prefer: Preference = .keep
    @Flag(help: "Take back the latest merge.") var undo = false

    enum Preference: String, ExpressibleByArgument, CaseIterable { case keep, other }

    func validate() throws {
        if undo { return }
        guard keep != nil, other != nil else { throw ValidationError("name the record to KEEP and the OTHER one (or --undo)") }
        if contacts, Int64(keep!) == nil || Int64(other!) == nil {
            throw ValidationError("with --contacts, KEEP and OTHER are contact person ids (numbers)")
        }
    }

    func run() throws {
        let today = try global.todayDay()
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.write)
        let settings = try global.settings(mine, with: store)
        let actor = ProcessInfo.processInfo.environment["USER"] ?? "cli"
        if undo {
            try printLine(try store.undoLastMerge(actor: actor, today: today, settings: settings))
            return
        }
        let preference = MergePreference(rawValue: prefer.rawValue)!
        let summary = contacts
            ? try store.mergeContacts(keep: Int64(keep!)!, other: Int64(other!)!, prefer: preference, actor: actor)
            : try store.mergeCustomers(keep: keep!, other: other!, prefer: preference, actor: actor, today: today,
                                       settings: settings)
        let moved = summary.moved.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.replacing("_", with: " "))" }
        try printLine("merged \(summary.removed) into \(summary.kept)"
                      + (moved.isEmpty ? "" : ": moved " + moved.joined(separator: ", "))
                      + (summary.fieldsTaken.isEmpty ? "" : "; took " + summary.fieldsTaken.joined(separator: ", "))
                      + " (loyal merge --undo takes it back)")
    }
}
