import Foundation
import LoyalCore
import LoyalStore

/// `loyal-bench load`: a team on one database file. For each team size, that many users
/// start at once, each a process of its own with its own connections (as reps logged in
/// over SSH are), and act with 1–3 s of thought between actions. Prints p50/p99/max per
/// action and the failures (any error, a busy database included).
///
///   loyal-bench load --db PATH [--users 5,20,50] [--seconds 60]
struct LoadTest {
    var db: String
    var teamSizes = [5, 20, 50]
    var seconds = 60.0
    static let targetP99Ms = 100.0

    init(_ args: [String]) {
        var db: String?
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--db": db = value()
            case "--users":
                teamSizes = value().split(separator: ",").map { Int($0) ?? { fail("--users needs numbers like 5,20,50") }() }
            case "--seconds": seconds = Double(value()) ?? { fail("--seconds needs a number") }()
            default: fail("load: unknown argument \(args[i])")
            }
            i += 1
        }
        guard let db else { fail("load needs --db PATH (a copy: the run writes visits and triage into it)") }
        self.db = db
    }

    func run() throws {
        let customers = try Store(path: db, access: .read).counts()
        print("Load test on \(db): \(customers.customers) customers, \(customers.purchases) purchases; "
              + "\(Int(seconds)) s per team size, 1–3 s thinking between actions, each user its own process")
        print("users  action   count   p50 ms   p99 ms   max ms  failures")
        var met = true
        for users in teamSizes {
            let samples = try team(of: users)
            for action in LoadAction.allCases {
                let mine = samples.filter { $0.action == action }
                let s = Stats(mine.filter { $0.error == nil }.map(\.ms))
                let failures = mine.filter { $0.error != nil }
                let name = action.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                print(String(format: "%5d  ", users) + name
                      + String(format: " %6d %8.1f %8.1f %8.1f  %8d", mine.count, s.p50, s.p99, s.max, failures.count))
                if users == teamSizes.max() { met = met && s.p99 <= Self.targetP99Ms && failures.isEmpty }
                for f in failures.prefix(3) { print("       failure: \(f.error ?? "")") }
            }
        }
        print(met ? "target met: p99 ≤ \(Int(Self.targetP99Ms)) ms and no failures at \(teamSizes.max() ?? 0) users"
                  : "target missed at \(teamSizes.max() ?? 0) users (p99 ≤ \(Int(Self.targetP99Ms)) ms, no failures)")
    }

    /// Starts the users, waits for them, collects their samples.
    func team(of users: Int) throws -> [LoadSample] {
        let start = Date().timeIntervalSince1970 + 2 + Double(users) * 0.05
        var running: [(Process, Pipe)] = []
        for user in 0..<users {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            p.arguments = ["load-worker", "--db", db, "--user", "\(user)", "--start", "\(start)", "--seconds", "\(seconds)"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            running.append((p, out))
        }
        var samples: [LoadSample] = []
        for (p, out) in running {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            samples += lines.compactMap(LoadSample.init(line:))
            if p.terminationStatus != 0 {
                samples.append(LoadSample(action: .browse, ms: 0, error: "a user process exited with \(p.terminationStatus)"))
            }
        }
        return samples
    }
}

/// One action's time, as a worker prints it: `browse 3.21` or `visit 0 error text`.
struct LoadSample {
    var action: LoadAction
    var ms: Double
    var error: String?

    init(action: LoadAction, ms: Double, error: String?) {
        self.action = action; self.ms = ms; self.error = error
    }

    init?(line: Substring) {
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let action = LoadAction(rawValue: String(parts[0])), let ms = Double(parts[1]) else { return nil }
        self.init(action: action, ms: ms, error: parts.count > 2 ? String(parts[2]) : nil)
    }

    var line: String {
        "\(action.rawValue) \(String(format: "%.3f", ms))" + (error.map { " " + $0.replacingOccurrences(of: "\n", with: " ") } ?? "")
    }
}

/// `loyal-bench load-worker`: one user, started by `load`.
enum LoadWorker {
    static func run(_ args: [String], today: Day) -> Never {
        func value(_ name: String) -> String {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { fail("load-worker needs \(name)") }
            return args[i + 1]
        }
        let user = Int(value("--user")) ?? 0
        let start = Double(value("--start")) ?? 0, seconds = Double(value("--seconds")) ?? 60
        do {
            var me = try LoadUser(path: value("--db"), user: user, today: today)
            // Users do not all press a key in the same millisecond: each starts after a first pause.
            let end = start + seconds
            var next = start + Double(me.random.next() % 3000) / 1000
            while next < end {
                let wait = next - Date().timeIntervalSince1970
                if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
                let action = me.nextAction()
                let t = DispatchTime.now().uptimeNanoseconds
                var error: String?
                do { try me.run(action) } catch let e { error = "\(e)" }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
                print(LoadSample(action: action, ms: ms, error: error).line)
                next = Date().timeIntervalSince1970 + 1 + Double(me.random.next() % 2000) / 1000
            }
            exit(0)
        } catch {
            print(LoadSample(action: .browse, ms: 0, error: "could not start: \(error)").line)
            exit(1)
        }
    }
}
