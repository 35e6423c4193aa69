import Foundation

/// Targets from the performance issue.
enum Target {
    static let firstFrameMs = 100.0
    static let keyP99Ms = 10.0
    static let memoryMB = 150.0
}

struct Stats {
    let count: Int, p50: Double, p99: Double, max: Double

    init(_ samples: [Double]) {
        let s = samples.sorted()
        count = s.count
        func at(_ q: Double) -> Double { s.isEmpty ? 0 : s[Swift.max(0, Int((q * Double(s.count)).rounded(.up)) - 1)] }
        p50 = at(0.5); p99 = at(0.99); max = s.last ?? 0
    }
}

extension Bench {
    func report(verbose: Bool = false) {
        func f(_ v: Double) -> String { String(format: "%8.2f", v) }
        func mark(_ ok: Bool) -> String { ok ? "ok" : "MISSED" }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

        print("")
        print("Database: \(path)")
        print("\(accounts)")
        print("")
        print("time to first frame (open + init + frame): \(f(firstFrame)) ms   target ≤ \(Int(Target.firstFrameMs)) ms  \(mark(firstFrame <= Target.firstFrameMs))")
        print("first totals shown after:                  \(f(firstTotals)) ms   (background, the frame shows \"counting…\" until then)")
        print("")
        print(pad("key group", 34) + "  count      p50      p99      max   (ms; p99 target ≤ \(Int(Target.keyP99Ms)))")
        var allOK = firstFrame <= Target.firstFrameMs
        for (name, samples) in groups {
            let s = Stats(samples)
            allOK = allOK && s.p99 <= Target.keyP99Ms
            print(pad(name, 34) + String(format: "  %5d", s.count) + " \(f(s.p50)) \(f(s.p99)) \(f(s.max))   \(mark(s.p99 <= Target.keyP99Ms))")
            if verbose && samples.count <= 50 {
                print("    each: " + samples.map { String(format: "%.1f", $0) }.joined(separator: " "))
            }
        }
        print("")
        print(pad("background totals", 34) + "  count      p50      p99      max   (ms, off the key path)")
        for (name, samples) in totals {
            let s = Stats(samples)
            print(pad(name, 34) + String(format: "  %5d", s.count) + " \(f(s.p50)) \(f(s.p99)) \(f(s.max))")
        }
        let t = Stats(teamQuery)
        print(pad("(store.teamOverview alone)", 34) + String(format: "  %5d", t.count) + " \(f(t.p50)) \(f(t.p99)) \(f(t.max))")
        if verbose {
            let p = Stats(pageQuery)
            print(pad("(store.accounts first page alone)", 34) + String(format: "  %5d", p.count) + " \(f(p.p50)) \(f(p.p99)) \(f(p.max))")
            let s = Stats(detailQuery)
            print(pad("(store.accountDetail alone)", 34) + String(format: "  %5d", s.count) + " \(f(s.p50)) \(f(s.p99)) \(f(s.max))")
        }
        let mb = peakMemoryMB()
        allOK = allOK && mb <= Target.memoryMB
        print("")
        print("peak memory (ru_maxrss): \(String(format: "%.1f", mb)) MB   target ≤ \(Int(Target.memoryMB)) MB  \(mark(mb <= Target.memoryMB))")
        print(allOK ? "all targets met" : "some targets missed")
    }
}

/// The process's peak resident memory so far (ru_maxrss is in kilobytes on Linux).
func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
