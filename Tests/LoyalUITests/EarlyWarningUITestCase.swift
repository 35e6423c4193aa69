import Foundation
import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The six hand-made customers of the store tests (one warning sign each), refreshed
/// as of Monday 23.11.2026, with Loyal showing the Early warning tab with everyone who
/// has open signals (`w`; the panel proper holds only a quarter of the six):
/// K5 cancellation (B), K1 revenue_drop (A), K2 overdue (B), K4 low_nps (A),
/// K3 open_complaint (C); K6 is healthy (A). Six customers are too few to fit the churn
/// model, so the risks are the prior's. Every one of them bought, so the refresh's value
/// model gives each a value, and the list ranks them by risk × value (see `rankedByRule`).
class EarlyWarningUITestCase: UITestCase {
    static let customers = earlyWarningFixture("customers.csv")
    static let purchases = earlyWarningFixture("purchases.csv")
    static let feedback = earlyWarningFixture("feedback.csv")

    let settings = Settings()
    var today: Day { Self.today }

    /// The six customers, refreshed, and Loyal on the Early warning tab. With `history`
    /// they were refreshed on 31.10.2026 too (a month's history: stages, last month's scores).
    func openEarlyWarning(width: Int = 120, height: Int = 30, history: Bool = false,
                          extra: [(ImportEntity, String)] = [], everyone: Bool = true) throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases), (.feedback, Self.feedback)] + extra)
        if history { try store.refreshAll(asOf: Day(year: 2026, month: 10, day: 31)!, settings: settings) }
        try store.refreshAll(asOf: today, settings: settings)
        try launch(width: width, height: height)
        press(.char("3"))
        if everyone { press(.char("w")) }
    }

    /// A customer's stored risk as the Risk column shows it: "64 % amber".
    func riskText(_ number: String) throws -> String {
        let r = try XCTUnwrap(try store.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.risk, s.risk_band FROM customer_stats s JOIN customer c ON c.id = s.customer_id WHERE c.number = ?
                """, arguments: [number])
        })
        return "\(Int(((r[0] as Double) * 100).rounded())) % \(r[1] as String)"
    }

    /// A customer's open signals, heaviest first, in words as the Signals column shows them.
    func signalWords(_ number: String) throws -> String {
        try store.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT g.kind FROM signal g JOIN customer c ON c.id = g.customer_id
                WHERE c.number = ? AND g.status = 'open' ORDER BY g.weight DESC
                """, arguments: [number])
        }.map(SignalWords.name).joined(separator: ", ")
    }

    /// The row of a customer as the list should show it, compared cell by cell; a cell
    /// cut at the column's edge ends in "…" and must start like the full text.
    func assertRow(_ number: String, _ name: String, _ cls: String, stage: String, oldest: String, rep: String,
                   file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = ["\(number) \(name)", cls, try atStakeText(number), try riskText(number), stage, oldest,
                        try signalWords(number), rep]
        let shown = panelCells(number, file: file, line: line)
        XCTAssertEqual(shown.count, expected.count, file: file, line: line)
        for (s, e) in zip(shown, expected) {
            let fits = s == e || (s.hasSuffix("…") && e.hasPrefix(String(s.dropLast())))
            XCTAssertTrue(fits, "\(number): shown \"\(s)\", expected \"\(e)\"", file: file, line: line)
        }
    }

    func id(_ number: String) throws -> Int64 {
        try XCTUnwrap(try store.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE number = ?", arguments: [number])
        })
    }

    /// "kind status reason" of a customer's signals, oldest first.
    func signalStates(_ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT g.kind, g.status, g.reason, r.code FROM signal g JOIN customer c ON c.id = g.customer_id
                LEFT JOIN rep r ON r.id = g.assigned_rep_id WHERE c.number = ? ORDER BY g.id
                """, arguments: [number]).map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" + (($0[3] as String?).map { " →\($0)" } ?? "") }
        }
    }

    /// "due channel source: reason" of a customer's calendar entries.
    func calendar(_ number: String) throws -> [String] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.due, e.channel, e.source, e.reason FROM calendar_entry e JOIN customer c ON c.id = e.customer_id
                WHERE c.number = ? AND e.source NOT IN ('plan', 'birthday', 'partner_birthday', 'post_purchase')
                ORDER BY e.due, e.id
                """, arguments: [number]).map {
                    "\($0[0] as String) \($0[1] as String) \($0[2] as String): " + StoredText.render(stored: $0[3] as String)
                }
        }
    }

    /// The customers with open signals in the order the panel's rule gives, derived from
    /// each one's stored risk, value and P(alive) (not from the stored priority): risk ×
    /// value if he stays in cents, largest first, then risk, then class (A first), then the newer customer.
    /// Every customer of the fixture has purchases, so the value model knows every value.
    func rankedByRule(file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.number, s.class, s.risk, s.value_cents, s.value_as_of, s.p_alive FROM customer_stats s
                JOIN customer c ON c.id = s.customer_id WHERE s.open_signals > 0
                """)
        }
        XCTAssertTrue(rows.allSatisfy { ($0["value_as_of"] as String?) != nil }, "a value is unknown", file: file, line: line)
        // The value the customer brings if he stays: the stored value undone of its P(alive) discount.
        let keys = rows.map { r -> (number: String, id: Int64, risk: Int64, expected: Int64, cls: String) in
            let risk = Int64(((r["risk"] as Double) * 100).rounded())
            let ifStays = Int64((Double(max(0, r["value_cents"] as Int64)) / max((r["p_alive"] as Double?) ?? 1, 0.05)).rounded())
            return (r["number"], r["id"], risk, risk * ifStays, r["class"])
        }
        return keys.sorted { a, b in
            if a.expected != b.expected { return a.expected > b.expected }
            if a.risk != b.risk { return a.risk > b.risk }
            if a.cls != b.cls { return a.cls < b.cls }
            return a.id > b.id
        }.map(\.number)
    }

    /// What there is to lose as the At stake column shows it: the stored risk in percent times the
    /// stored value undone of its P(alive) discount, in cents, compact and German style.
    func atStakeText(_ number: String) throws -> String {
        let r = try XCTUnwrap(try store.pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.risk, s.value_cents, s.p_alive FROM customer_stats s JOIN customer c ON c.id = s.customer_id
                WHERE c.number = ?
                """, arguments: [number])
        })
        let percent = Int64(((r[0] as Double) * 100).rounded())
        let ifStays = Int64((Double(max(0, r[1] as Int64)) / max((r[2] as Double?) ?? 1, 0.05)).rounded())
        return MoneyStyle.german.compact(Money(cents: percent * ifStays / 100))
    }

    /// Moves a picker's selection from its first item down to `item` and chooses it.
    func choose(_ item: String, file: StaticString = #filePath, line: UInt = #line) {
        press(.home)
        for _ in 0..<30 {
            if isSelected(item) { press(.enter); return }
            press(.down)
        }
        XCTFail("the picker has no item \"\(item)\":\n\(screen)", file: file, line: line)
    }

    /// The panel's columns of a customer's row: customer, class, value, risk, stage, oldest, signals, rep.
    func panelCells(_ number: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        guard let row = row(number) else {
            XCTFail("\(number) is not listed:\n\(screen)", file: file, line: line)
            return []
        }
        let chars = Array(row)
        return EarlyWarningView.layout(width: term.width).spans.map { span in
            let end = min(chars.count, span.col + span.width)
            return span.col < end ? String(chars[span.col..<end]).trimmingCharacters(in: .whitespaces) : ""
        }
    }

    /// Moves the panel's cursor to a customer.
    func select(_ number: String, file: StaticString = #filePath, line: UInt = #line) {
        press(.char("g"))
        for _ in 0..<20 where selectedRowText.map({ self.number(of: $0) }) != number { press(.char("j")) }
        XCTAssertEqual(selectedRowText.map { self.number(of: $0) }, number, file: file, line: line)
    }

    /// The customer numbers of the panel's (or the lost list's) rows, top to bottom.
    var listedNumbers: [String] { listRows.map { number(of: $0) } }

    /// The list row of a customer.
    func row(_ number: String) -> String? { listRows.first { self.number(of: $0) == number } }
}

/// The early-warning fixture's CSV files (Tests/Fixtures/early-warning), shared by the
/// store and the screen tests.
func earlyWarningFixture(_ name: String) -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/early-warning/\(name)")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing fixture \(url.path)"
}
