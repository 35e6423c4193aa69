import ArgumentParser
import Foundation
import LoyalCore
import LoyalStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: Text.tr("cli.demo_abstract"))

    @OptionGroup var global: GlobalOptions

    @Option(help: "Random seed; the same seed gives the same company.")
    var seed: UInt64 = 42

    @Option(help: "Number of customers (1 to 200000).")
    var customers: Int = 1500

    @Option(help: "Years of history.")
    var years: Int = 3

    @Option(name: .customLong("as-of"), help: "Last day of the history (YYYY-MM-DD; default today).")
    var asOf: String?

    @Flag(help: "Delete the database file first if it exists (only a Loyal database is deleted).")
    var replace = false

    func validate() throws {
        guard (1...200_000).contains(customers) else { throw ValidationError("--customers must be from 1 to 200000") }
        guard (1...20).contains(years) else { throw ValidationError("--years must be from 1 to 20") }
        // Checked here, before the database is created: a refused day must not leave half a demo.
        let day = try global.asOfDay(asOf)
        guard day.adding(years: -years) >= Day.earliest else {
            throw ValidationError("--as-of \(day.iso) with --years \(years) would start the history before \(Day.earliest.iso)")
        }
    }

    func run() throws {
        let mine = try global.settings()  // a broken config file is reported before anything is replaced
        let day = try global.asOfDay(asOf)
        // Held until the demo is complete: no interface opens the file while it is replaced and rebuilt.
        let lock = replace ? try DatabaseLock.exclusive(database: global.databasePath) : nil
        defer { lock?.release() }
        if replace { try removeExisting(global.databasePath) }
        let store = try global.openStore(.create)
        let settings = try global.settings(mine, with: store)
        let started = Date()
        var bar = ProgressBar(label: "demo")
        do {
            try store.createDemo(DemoSettings(seed: seed, customers: customers, years: years, asOf: day)) { done, total in
                bar.update(done, total, unit: "customers")
            }
        } catch let e as StoreError { throw CLIError(e.description) }
        let refreshed = try store.refreshAll(asOf: day, settings: settings)
        let summary = refreshed.statistics
        let counts = try store.counts()
        let seconds = Date().timeIntervalSince(started)
        try printLine("""
            Demo company created in \(store.path) (seed \(seed), as of \(day.iso), \(String(format: "%.1f", seconds)) s):
              \(counts.customers) customers (\(summary.classCounts[.a] ?? 0) A, \(summary.classCounts[.b] ?? 0) B, \
            \(summary.classCounts[.c] ?? 0) C), \(counts.reps) reps, \(counts.products) products,
              \(counts.purchases) purchases, \(counts.interactions) interactions, \(counts.feedback) feedback forms, \
            \(counts.complaints) complaints, \(counts.contacts) contact persons;
              \(refreshed.signals.atRisk) customers on the early-warning panel (\(refreshed.signals.opened) signals)
            """)
    }
}

extension DemoCommand {
    func removeExisting(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do { try Store.checkIsLoyal(path: path) } catch let e as StoreError { throw CLIError(e.description + " (--replace only deletes Loyal databases)") }
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
