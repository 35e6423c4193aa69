import Foundation
import LoyalCore
import LoyalStore

/// What a simulated user does between two pauses: the store calls a screen makes for it,
/// so the time is what the user waits for (drawing, measured by the key bench, is extra).
enum LoadAction: String, CaseIterable {
    /// The accounts list of one class, the next page, then one account opened.
    case browse
    /// `/` on Accounts: the list filtered by a name fragment, then the first hit opened.
    case search
    /// A visit report saved as the form saves it: one transaction with the customer's refresh.
    case visit
    /// The early-warning panel read, then one customer's signals snoozed (or a call scheduled).
    case triage
}

/// One simulated user: its own process and its own `Store` on the shared file, as a rep
/// logged in over SSH running `loyal` has.
struct LoadUser {
    let store: Store
    let actor: String
    let today: Day
    let settings = Settings()
    var random: SplitMix64
    var customers: [Int64] = []

    static let fragments = ["mann", "bäck", "hotel", "müller", "schmidt", "gmbh", "kg", "weber", "haus", "sport"]

    init(path: String, user: Int, today: Day) throws {
        store = try Store(path: path, access: .write)
        actor = "load-\(user)"
        self.today = today
        random = SplitMix64(seed: UInt64(user) &* 0x9E37_79B9 &+ 1)
        // A rep knows a few thousand customers; the sample stands for them.
        customers = try store.accounts(AccountQuery(), limit: 5000).map(\.id)
        guard !customers.isEmpty else { throw LoadError("the database has no customers") }
    }

    /// Browse and search three times as often as writing, as a rep's day goes.
    mutating func nextAction() -> LoadAction {
        switch random.next() % 10 {
        case 0...2: return .browse
        case 3...5: return .search
        case 6...7: return .visit
        default: return .triage
        }
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    mutating func run(_ action: LoadAction) throws {
        switch action {
        case .browse:
            let query = AccountQuery(filter: AccountFilter(customerClass: pick([nil, CustomerClass.a, .b, .c])))
            let first = try store.accounts(query, limit: 101)
            let next = try store.accounts(query, from: first.last?.cursor, limit: 101)
            if let row = (next.isEmpty ? first : next).randomElement(using: &random) {
                _ = try store.accountDetail(id: row.id, asOf: today)
            }
        case .search:
            let hits = try store.accounts(AccountQuery(filter: AccountFilter(search: pick(Self.fragments))), limit: 101)
            if let hit = hits.first { _ = try store.accountDetail(id: hit.id, asOf: today) }
        case .visit:
            var report = VisitReport(customerID: pick(customers), day: today, kind: .visit)
            report.nps = Int(random.next() % 11)
            report.csat = 1 + Int(random.next() % 5)
            report.notes = "Besuch im Lasttest, \(actor)"
            report.followUpOn = today.adding(days: 14)
            _ = try store.saveVisit(report, VisitSaveContext(actor: actor, today: today, settings: settings))
        case .triage:
            let panel = try store.riskPanel(PanelFilter(), limit: 50)
            guard let row = panel.randomElement(using: &random) else { return }
            let signals = try store.activeSignals(customerID: row.id).compactMap(\.id)
            let action: TriageAction = signals.isEmpty
                ? .schedule(customerID: row.id, channel: .phone, due: today.adding(days: 7), reason: "Lasttest")
                : .snooze(signalIDs: signals, until: today.adding(days: 14), reason: "Lasttest")
            _ = try store.triage(action, actor: actor, today: today, settings: settings)
        }
    }
}

struct LoadError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A small seeded generator, so a run can be repeated.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
