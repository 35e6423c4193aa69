import Foundation
import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Drives the real App through a MemoryTerminal on a private temporary database,
/// always as of the same day, with background work done synchronously so every
/// frame is deterministic.
class UITestCase: XCTestCase {
    static let today = Day(year: 2026, month: 11, day: 23)!
    private(set) var directory: URL!
    private var opened: [Store] = []
    var store: Store!
    var app: App!
    var term: MemoryTerminal!

    override func setUpWithError() throws {
        try super.setUpWithError()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loyal-ui-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        app = nil; term = nil; store = nil
        for s in opened { try? s.close() }
        opened.removeAll()
        try? FileManager.default.removeItem(at: directory)
        try super.tearDownWithError()
    }

    // MARK: Data

    /// A demo company of `customers` customers with statistics as of today.
    func openDemo(customers: Int = 300, seed: UInt64 = 7) throws {
        store = try newStore()
        try store.createDemo(DemoSettings(seed: seed, customers: customers, years: 3, asOf: Self.today))
        try store.refreshStatistics(asOf: Self.today, thresholds: ClassThresholds())
    }

    /// An empty store, then each CSV imported in turn (customers, purchases, …).
    func openImported(_ files: [(ImportEntity, String)]) throws {
        store = try newStore()
        for (entity, text) in files { try importCSV(entity, text) }
    }

    func importCSV(_ entity: ImportEntity, _ text: String) throws {
        var options = ImportOptions(today: Self.today)
        options.createCustomers = true
        options.createProducts = true
        _ = try store.importCSV(entity, bytes: Array(text.utf8), fileName: "\(entity).csv", options: options)
        try store.refreshStatistics(asOf: Self.today, thresholds: ClassThresholds())
    }

    /// Every account of a query in list order, straight from the store (what the screen should show).
    func accounts(_ query: AccountQuery = AccountQuery()) throws -> [AccountRow] {
        try store.accounts(query, limit: 1_000_000)
    }

    /// The footer text the list should show for a query's totals.
    func totalsText(_ query: AccountQuery = AccountQuery()) throws -> String {
        let t = try store.accountTotals(query)
        let money = MoneyStyle.german
        return "\(t.count) accounts · revenue 12m \(money.format(t.revenue12m, withCents: false)) · value "
            + (t.value.map { money.format($0, withCents: false) } ?? "–")
    }

    /// The audit entries written by people (not imports), oldest first.
    func auditEntries() throws -> [(actor: String, entity: String, entityID: Int64?, action: String, detail: String)] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE actor <> 'import' ORDER BY id").map {
                // As a viewer reads it: lines Loyal keeps as catalogue keys rendered.
                ($0["actor"], $0["entity"], $0["entity_id"], $0["action"], StoredText.render(stored: $0["detail"] as String))
            }
        }
    }

    /// The same database opened again as `user` (LOYAL_USER on a file that is not group-shared),
    /// with that user's scope, drafts and audit name; `launch` then starts Loyal as them.
    func reopen(as user: String) throws {
        let s = try Store(path: store.path, user: UserIdentity(login: "ui-tests", requested: user))
        opened.append(s)
        store = s
    }

    private func newStore() throws -> Store {
        let s = try Store(path: directory.appendingPathComponent("loyal-\(opened.count).db").path)
        opened.append(s)
        return s
    }

    // MARK: The app

    /// Starts Loyal on the store and shows its first frame.
    func launch(width: Int = 100, height: Int = 30, actor: String = "tester") throws {
        let env = Environment(store: store, settings: Settings(), today: Self.today, actor: actor, synchronous: true)
        app = try App(environment: env)
        term = MemoryTerminal(width: width, height: height)
        app.drain(term)
    }

    /// Presses keys, then lets the app handle them and draw.
    func press(_ keys: Key...) {
        for key in keys { term.send(key) }
        app.drain(term)
    }

    func press(_ key: Key, times: Int) {
        for _ in 0..<times { term.send(key) }
        app.drain(term)
    }

    /// Types text as single key presses.
    func type(_ text: String) {
        term.type(text)
        app.drain(term)
    }

    // MARK: Reading the screen

    var screen: String { term.text }

    /// Screen rows: 0 tab bar, 1 title, 2 column header, 3… the list, then the totals line and the status bar.
    static let firstListRow = 3
    var listRowCount: Int { term.height - 5 }
    var titleRow: String { term.row(1) }
    var headerRow: String { term.row(2) }
    var totalsRow: String { term.row(term.height - 2) }
    var statusRow: String { term.row(term.height - 1) }

    /// The visible rows of the accounts list (blank rows left out).
    var listRows: [String] {
        (Self.firstListRow..<(Self.firstListRow + listRowCount)).map { term.row($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The screen row drawn as selected (its first column has the selected role), if any.
    var selectedScreenRow: Int? {
        (0..<term.height).first { term.role(atRow: $0, col: 0) == .selected }
    }

    var selectedRowText: String? { selectedScreenRow.map { term.row($0) } }

    /// True when `text` is on screen and drawn as selected (e.g. the chosen item of a picker).
    func isSelected(_ text: String) -> Bool {
        for r in 0..<term.height {
            let line = term.row(r)
            guard let range = line.range(of: text) else { continue }
            let col = line.distance(from: line.startIndex, to: range.lowerBound)
            return term.role(atRow: r, col: col) == .selected
        }
        return false
    }

    /// The customer number at the start of a list row.
    func number(of row: String) -> String {
        String(row.split(separator: " ").first ?? "")
    }

    /// The "X of N" position at the end of the title line.
    var position: (at: Int, of: Int)? {
        guard let m = titleRow.firstMatch(of: #/(\d+) of (\d+)\s*$/#), let x = Int(m.1), let n = Int(m.2) else { return nil }
        return (x, n)
    }

    /// The text of one column of a list row, trimmed (columns as the accounts list lays them out).
    func cell(_ column: Int, of row: String) -> String {
        let span = AccountsView.layout(width: term.width).spans[column]
        let chars = Array(row)
        let end = min(chars.count, span.col + span.width)
        guard span.col < end else { return "" }
        return String(chars[span.col..<end]).trimmingCharacters(in: .whitespaces)
    }

    func classLetter(of row: String) -> String { cell(3, of: row) }

    func assertScreenContains(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(screen.contains(text), "the screen does not show \"\(text)\":\n\(screen)", file: file, line: line)
    }

    func assertScreenLacks(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(screen.contains(text), "the screen shows \"\(text)\":\n\(screen)", file: file, line: line)
    }
}
