import Foundation
import LoyalCore
import LoyalStore
import LoyalTerminal
import LoyalUI

/// One benchmark run: opens the store, starts the App with real (asynchronous)
/// background work, and times key presses the way a user would make them.
struct Bench {
    let path: String
    let search: String
    let width = 100, height = 30

    var firstFrame = 0.0
    var firstTotals = 0.0
    var accounts = ""
    /// Per-key times in milliseconds, by group, in the order measured.
    var groups: [(name: String, samples: [Double])] = []
    /// How long the background totals took to show after a key that changed the query.
    var totals: [(name: String, samples: [Double])] = []
    /// `Store.accountDetail` alone for the accounts opened, to tell store time from screen time.
    var detailQuery: [Double] = []
    /// `Store.accounts` alone for the first page of each class filter.
    var pageQuery: [Double] = []
    /// `Store.teamOverview` alone: the Team tab's figures, read off the key path.
    var teamQuery: [Double] = []

    private var store: Store!
    private var app: App!
    private var term: MemoryTerminal!

    init(path: String, search: String) {
        self.path = path
        self.search = search
    }

    var footer: String { term.row(height - 2) }
    var counting: Bool { footer.contains("counting…") }

    mutating func run() throws {
        // Time to first frame: Store open + App init + the first frame drawn.
        let start = Self.now()
        store = try Store(path: path)
        let env = Environment(store: store, settings: Settings(), today: today, actor: "bench", synchronous: false)
        app = try App(environment: env)
        term = MemoryTerminal(width: width, height: height)
        app.drain(term)
        firstFrame = Self.ms(since: start)
        try waitForTotals()
        firstTotals = Self.ms(since: start)
        accounts = footer.trimmingCharacters(in: .whitespaces)

        measure("scroll j ×2000", .char("j"), times: 2000)
        measure("scroll k ×500", .char("k"), times: 500)
        measure("page PgDn ×300", .pageDown, times: 300)
        measure("page PgUp ×100", .pageUp, times: 100)

        var filter: [Double] = [], filterTotals: [Double] = []
        for _ in 0..<5 {
            for k in ["a", "b", "c", "*"] {
                filter.append(press(.char(Character(k))))
                filterTotals.append(try timeTotals())
            }
        }
        groups.append(("class filter a b c *", filter))
        totals.append(("after a class filter", filterTotals))

        var sort: [Double] = [], sortTotals: [Double] = []
        for _ in 0..<2 {
            for k in Array(repeating: Key.char(">"), count: 9) + [.char("I")] {
                sort.append(press(k))
                sortTotals.append(try timeTotals())
            }
        }
        groups.append(("sort > ×9, I", sort))
        totals.append(("after a sort", sortTotals))

        // Back to the default order (by revenue, largest first) for search and open.
        _ = press(.char("s")); _ = press(.char("g"))
        for _ in 0..<5 { _ = press(.char("j")) }
        _ = press(.enter)
        try waitForTotals()
        if !term.row(1).contains("by rev 12m ▼") { _ = press(.char("I")); try waitForTotals() }

        var searchTimes: [Double] = [press(.char("/"))]
        for c in search { searchTimes.append(press(.char(c))) }
        searchTimes.append(press(.enter))
        for _ in 0..<20 { searchTimes.append(press(.char("n"))) }
        groups.append(("search / \(search) Enter, n ×20", searchTimes))

        _ = press(.char("g"))
        var open: [Double] = [], back: [Double] = []
        for _ in 0..<50 {
            for _ in 0..<3 { _ = press(.char("j")) }
            open.append(press(.enter))
            guard term.row(1).contains(" · ") else { throw BenchError("Enter did not open an account: \(term.row(1))") }
            back.append(press(.escape))
        }
        groups.append(("open account Enter ×50", open))
        groups.append(("back to list Esc ×50", back))

        // The other tabs, all reps: first visit of each, then the calendar's week grid
        // paged through the quarter and the early-warning panel scrolled.
        groups.append(("open Calendar tab 2 (agenda)", [press(.char("2"))]))
        groups.append(("calendar week grid Tab", [press(.tab)]))
        var weeks: [Double] = []
        for _ in 0..<12 { weeks.append(press(.char("]"))) }
        for _ in 0..<12 { weeks.append(press(.char("["))) }
        groups.append(("calendar week ] ×12, [ ×12", weeks))
        measure("calendar day → ×20", .right, times: 20)
        groups.append(("open Early warning tab 3", [press(.char("3"))]))
        measure("early warning j ×200", .char("j"), times: 200)
        // The Team tab: the key draws at once, the figures come from the background.
        let team = Self.now()
        groups.append(("open Team tab 5", [press(.char("5"))]))
        try waitFor("the team's figures") { !$0.row(1).contains("counting…") }
        totals.append(("team figures after 5", [Self.ms(since: team)]))
        measure("team j ×20", .char("j"), times: 20)
        groups.append(("team Enter (a rep's accounts)", [press(.enter)]))
        _ = press(.escape)
        _ = press(.char("1"))
        teamQuery = try (0..<3).map { _ in
            let t = Self.now()
            _ = try store.teamOverview(today: today)
            return Self.ms(since: t)
        }

        // For telling store time from screen time: the detail query alone, same accounts.
        let ids = try store.accounts(AccountQuery(), limit: 151).enumerated().filter { $0.offset % 3 == 0 && $0.offset > 0 }
            .map(\.element.id)
        pageQuery = try (0..<5).flatMap { _ in
            try [CustomerClass.a, .b, .c, nil].map { cls in
                let t = Self.now()
                _ = try store.accounts(AccountQuery(filter: AccountFilter(customerClass: cls)), limit: 101)
                return Self.ms(since: t)
            }
        }
        detailQuery = try ids.map { id in
            let t = Self.now()
            _ = try store.accountDetail(id: id, asOf: today)
            return Self.ms(since: t)
        }
    }

    /// Presses one key and returns how long handling it and drawing the frame took.
    mutating func press(_ key: Key) -> Double {
        term.send(key)
        let t = Self.now()
        app.drain(term)
        return Self.ms(since: t)
    }

    mutating func measure(_ name: String, _ key: Key, times: Int) {
        groups.append((name, (0..<times).map { _ in press(key) }))
    }

    /// Milliseconds until the footer shows the totals of the current query.
    mutating func timeTotals() throws -> Double {
        let t = Self.now()
        try waitForTotals()
        return Self.ms(since: t)
    }

    func waitForTotals() throws {
        try waitFor("the totals") { _ in !counting }
    }

    func waitFor(_ what: String, _ done: (MemoryTerminal) -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while true {
            app.drain(term)
            if done(term) { return }
            guard Date() < deadline else { throw BenchError("\(what) did not arrive within 60 s") }
            // Each look draws a frame; looking more often would take the CPU from the count.
            usleep(1000)
        }
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func ms(since t: UInt64) -> Double { Double(now() - t) / 1_000_000 }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
