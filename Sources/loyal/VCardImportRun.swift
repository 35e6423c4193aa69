import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal

/// `loyal import FILE.vcf [FILE2.vcf …]`: every card with a name becomes a contact person.
struct VCardImportRun {
    let global: GlobalOptions
    let files: [String]
    let dryRun: Bool

    /// A .vcf/.vcard name, or a file whose first line is BEGIN:VCARD.
    static func isVCard(_ path: String) throws -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".vcf") || lower.hasSuffix(".vcard") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        return VCardReader.looksLikeVCard([UInt8](head))
    }

    func run() throws {
        var inputs: [VCardInput] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError(Text.tr("import_check.cannot_read", file)) }
            inputs.append(VCardInput(name: file, bytes: [UInt8](data)))
        }
        let today = try global.todayDay()
        let mine = try global.settings()  // a broken config file is reported before the database is opened
        let store = try global.openStore(.create)
        let settings = try global.settings(mine, with: store)
        let report = try store.importVCards(inputs, dryRun: dryRun)
        for (file, warning) in report.warnings { Console.error(Sanitizer.clean("\(file): \(warning)")) }
        guard report.cards > 0 else {
            Console.error(Text.tr("import_check.no_vcard", files.joined(separator: ", ")))
            throw ExitCode(1)
        }
        if dryRun {
            for row in report.rows { try printLine(Self.describe(row)) }
        }
        var parts = ["\(report.cards) cards read", "\(report.people) people \(dryRun ? "would be " : "")imported "
                     + "(\(report.inserted) new, \(report.updated) updated)"]
        if report.createdCustomers > 0 { parts.append("\(report.createdCustomers) customers \(dryRun ? "would be " : "")created") }
        parts.append("\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")")
        let what = files.count == 1 ? files[0] : "\(files.count) files"
        try printLine("\(what): vCards: " + parts.joined(separator: ", ") + (dryRun ? " (dry run: nothing written)" : ""))
        ImportDuplicatesNote.print(report.duplicates, dryRun: dryRun, file: what)
        if dryRun { return }
        let refreshed = try store.refreshAll(asOf: today, settings: settings)
        try printLine("refreshed \(refreshed.statistics.customers) customers as of \(today.iso): "
              + "\(refreshed.signals.atRisk) on the early-warning panel")
    }

    /// `a.vcf card 3: Max Mustermann → Musterfirma GmbH (new customer), max@x.de, +49 611 1, born 1972-01-31`
    static func describe(_ row: VCardImportReport.Row) -> String {
        let p = row.person
        var parts = ["\(row.file) card \(row.card): \(p.fullName) → \(row.customer)"
                     + (row.newCustomer ? " (new customer)" : "") + (row.newPerson ? "" : " (update)")]
        if !p.role.isEmpty { parts.append(p.role) }
        if !p.email.isEmpty { parts.append(p.email) }
        if !p.phone.isEmpty { parts.append(p.phone) }
        if let b = p.birthday { parts.append("born \(b)") }
        let extra = p.notes.split(separator: "\n").count
        if extra > 0 { parts.append("notes: \(extra) line\(extra == 1 ? "" : "s")") }
        return Sanitizer.clean(parts.joined(separator: ", "))
    }
}
