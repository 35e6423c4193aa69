import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Six hand-made customers, each showing one warning sign, as of Monday 23.11.2026
/// (current 12 months 24.11.2025 – 23.11.2026, the 12 before 24.11.2024 – 23.11.2025):
///
/// | customer | what happened                                    | revenue 12m | class |
/// |----------|--------------------------------------------------|-------------|-------|
/// | K1       | 4 × 2.500 € the year before, 4 × 1.250 € now     | 5.000 €     | A     |
/// | K2       | 800 € every 30 days, last on 29.06.2026          | 4.000 €     | B     |
/// | K3       | a complaint raised on 01.10.2026, still open      | 500 €       | C     |
/// | K4       | NPS 3 on a visit on 15.10.2026                    | 8.000 €     | A     |
/// | K5       | a cancellation announced on 02.11.2026            | 2.000 €     | B     |
/// | K6       | 2.000 € every month, nothing wrong                | 20.000 €    | A     |
///
/// Classes of 39.500 €: K6 20.000 (0 % before → A), K4 8.000 (50,6 % → A),
/// K1 5.000 (70,9 % → A), K2 4.000 (83,5 % → B), K5 2.000 (93,7 % → B), K3 500 (98,7 % → C).
/// Every one of them bought, so the refresh's value model gives each a value, and the
/// panel ranks by risk × value (see `rankedByRule`).
class EarlyWarningTestCase: StoreTestCase {
    let settings = Settings()

    static let customers = earlyWarningFixture("customers.csv")
    static let purchases = earlyWarningFixture("purchases.csv")
    static let feedback = earlyWarningFixture("feedback.csv")

    /// The six customers imported and refreshed as of today.
    func makeEarlyWarningStore() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, Self.customers)
        try importText(store, .purchases, Self.purchases)
        try importText(store, .feedback, Self.feedback, name: "feedback.csv")
        try store.refreshAll(asOf: today, settings: settings)
        return store
    }

    func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let d = Day(iso: iso) else { XCTFail("bad day \(iso)", file: file, line: line); return today }
        return d
    }

    func id(_ store: Store, _ number: String) throws -> Int64 {
        try XCTUnwrap(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number])
        })
    }

    /// Every signal of a customer, any status, in the order they were opened.
    func signals(_ store: Store, _ number: String) throws -> [ChurnSignal] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.* FROM signal g JOIN customer c ON c.id = g.customer_id WHERE c.number = ? ORDER BY g.id
                """, arguments: [number]).map(StatsRecords.signal)
        }
    }

    /// "kind status: evidence" for each of a customer's signals.
    func signalLines(_ store: Store, _ number: String) throws -> [String] {
        try signals(store, number).map { "\($0.kind) \($0.status.rawValue): \($0.evidence)" }
    }

    /// "stage since" and the stage history "stage since event", oldest first.
    func stage(_ store: Store, _ number: String) throws -> (now: String, history: [String]) {
        try store.pool.read { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number])
            let now = try Row.fetchOne(db, sql: "SELECT stage, stage_since FROM customer_stats WHERE customer_id = ?",
                                       arguments: [id])
            let history = try Row.fetchAll(db, sql: "SELECT stage, since, event FROM retention_stage WHERE customer_id = ? ORDER BY id",
                                           arguments: [id]).map { "\($0["stage"] as String) \($0["since"] as String) \($0["event"] as String)" }
            return ("\((now?["stage"] as String?) ?? "-") \((now?["stage_since"] as String?) ?? "-")", history)
        }
    }

    /// "action actor entity-id: detail" for every audit entry not written by an import, oldest first.
    func audit(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE actor <> 'import' AND action IN ('triage', 'undo') ORDER BY id").map {
                "\($0["action"] as String) \($0["actor"] as String) \(($0["entity_id"] as Int64?).map(String.init) ?? "-"): \($0["detail"] as String)"
            }
        }
    }

    /// "due channel source rep: reason" for a customer's calendar entries, by due day.
    /// The entries people and triage dated (the contact plan's own entries left out).
    func calendar(_ store: Store, _ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.due, e.channel, e.source, r.code, e.reason FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                LEFT JOIN rep r ON r.id = e.rep_id
                WHERE c.number = ? AND e.source NOT IN ('plan', 'birthday', 'partner_birthday', 'post_purchase')
                ORDER BY e.due, e.id
                """, arguments: [number]).map {
                "\($0[0] as String) \($0[1] as String) \($0[2] as String) \(($0[3] as String?) ?? "-"): "
                    + StoredText.render(stored: $0[4] as String)
            }
        }
    }

    /// The panel's customer numbers in order.
    func panel(_ store: Store, _ filter: PanelFilter = PanelFilter(beyondPanel: true)) throws -> [String] {
        try store.riskPanel(filter, limit: 100).map(\.number)
    }

    /// The customers with open signals in the order the panel's rule gives, derived from
    /// each one's stored risk and value (not from the stored priority): risk × value in
    /// cents, largest first, then risk, then class (A first), then the newer customer.
    /// Every customer of the fixture has purchases, so the value model knows every value;
    /// when none is known (the model has not run) every product is 0 and risk and class decide.
    func rankedByRule(_ store: Store, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.number, s.class, s.risk, s.value_cents, s.value_as_of, s.p_alive FROM customer_stats s
                JOIN customer c ON c.id = s.customer_id WHERE s.open_signals > 0
                """)
        }
        let known = rows.filter { ($0["value_as_of"] as String?) != nil }.count
        XCTAssertTrue(known == 0 || known == rows.count, "some values known, some not: the class stand-ins would decide",
                      file: file, line: line)
        let keys = rows.map { r -> (number: String, id: Int64, risk: Int64, expected: Int64, cls: String) in
            let risk = Int64(((r["risk"] as Double) * 100).rounded())
            // What he brings if he stays: the stored value undone of its P(alive) discount.
            let alive = max((r["p_alive"] as Double?) ?? 1, 0.05)
            let value: Int64 = (r["value_as_of"] as String?) == nil ? 0
                : Int64((Double(max(0, r["value_cents"] as Int64)) / alive).rounded())
            return (r["number"], r["id"], risk, risk * value, r["class"])
        }
        return keys.sorted { a, b in
            if a.expected != b.expected { return a.expected > b.expected }
            if a.risk != b.risk { return a.risk > b.risk }
            if a.cls != b.cls { return a.cls < b.cls }
            return a.id > b.id
        }.map(\.number)
    }

    func repID(_ store: Store, _ code: String) throws -> Int64 {
        try XCTUnwrap(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM rep WHERE code = ?", arguments: [code])
        })
    }

    /// Runs a triage action as "anna" today.
    @discardableResult
    func triage(_ store: Store, _ action: TriageAction, on day: Day? = nil) throws -> TriageUndo {
        try store.triage(action, actor: "anna", today: day ?? today, settings: settings)
    }

    func undo(_ store: Store, _ undo: TriageUndo) throws {
        try store.undo(undo, actor: "anna", today: today, settings: settings)
    }
}

/// The early-warning fixture's CSV files (Tests/Fixtures/early-warning), shared by the
/// store and the screen tests.
func earlyWarningFixture(_ name: String) -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/early-warning/\(name)")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing fixture \(url.path)"
}
