import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal
import LoyalUI

// loyal-bench: drives the real App through a 100×30 MemoryTerminal on a large demo
// database and prints how long the first frame and each key take, how long the
// background totals take to arrive, and the peak memory. Not a test: numbers only.
//
//   loyal-bench [--db PATH] [--customers N] [--search TEXT] [--verbose]
//   loyal-bench load --db PATH [--users 5,20,50] [--seconds 60]   (a team on one file, LoadTest.swift)

struct Options {
    var customers = 200_000
    var db: String?
    var search = "mann"
    var verbose = false
    /// Only time planning the calendar over this many days (no interface).
    var planDays: Int?

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--customers": customers = Int(value()) ?? { fail("--customers needs a number") }()
            case "--db": db = value()
            case "--search": search = value()
            case "-v", "--verbose": verbose = true
            case "--plan-days": planDays = Int(value()) ?? { fail("--plan-days needs a number") }()
            case "-h", "--help":
                print("usage: loyal-bench [--db PATH] [--customers N] [--search TEXT] [--verbose] [--plan-days N]")
                exit(0)
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
    }

    var path: String { db ?? ".build/bench/demo-\(customers).db" }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("loyal-bench: \(message)\n".utf8))
    exit(2)
}

let today = Day(year: 2026, month: 11, day: 23)!
switch CommandLine.arguments.dropFirst().first {
case "load":
    do { try LoadTest(Array(CommandLine.arguments.dropFirst(2))).run() } catch { fail("\(error)") }
    exit(0)
case "load-worker": LoadWorker.run(Array(CommandLine.arguments.dropFirst(2)), today: today)
default: break
}
let options = Options(Array(CommandLine.arguments.dropFirst()))
let settings = Settings()

// MARK: The database: reused when it exists, else created once (minutes for 200000).

do {
    let path = options.path
    if !FileManager.default.fileExists(atPath: path) {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        print("Creating a demo database of \(options.customers) customers in \(path) (reused by later runs)…")
        let started = Date()
        let store = try Store(path: path)
        var last = -1
        try store.createDemo(DemoSettings(seed: 7, customers: options.customers, years: 3, asOf: today)) { done, total in
            let percent = done * 100 / max(1, total)
            if percent / 10 != last / 10 { last = percent; print("  \(percent) %") }
        }
        try store.refreshAll(asOf: today, settings: settings)
        try store.close()
        print(String(format: "  created in %.0f s", Date().timeIntervalSince(started)))
    }
} catch {
    fail("cannot prepare the database: \(error)")
}

// MARK: Running

if let days = options.planDays {
    do {
        let store = try Store(path: options.path)
        let started = Date()
        let p = try store.previewPlan(today: today, days: days, settings: settings)
        print(String(format: "planned %d entries for %d customers over %d days in %.2f s (reading facts %.2f s, planning %.2f s, of which levelling %.2f s; %d do not fit)",
                     p.entries, p.customers, days, Date().timeIntervalSince(started), p.loadSeconds, p.planSeconds,
                     p.levelSeconds, p.unplanned))
        print(String(format: "peak memory (ru_maxrss): %.1f MB", peakMemoryMB()))
    } catch {
        fail("\(error)")
    }
    exit(0)
}

do {
    var bench = Bench(path: options.path, search: options.search)
    try bench.run()
    bench.report(verbose: options.verbose)
} catch {
    fail("\(error)")
}
