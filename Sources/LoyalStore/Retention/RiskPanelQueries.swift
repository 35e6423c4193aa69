import GRDB
import LoyalCore

public struct PanelFilter: Hashable, Sendable {
    public var repCode: String?
    public var customerClass: CustomerClass?
    public var signalKind: String?
    /// Every customer with an open signal, not only the panel's capped share.
    public var beyondPanel: Bool

    public init(repCode: String? = nil, customerClass: CustomerClass? = nil, signalKind: String? = nil,
                beyondPanel: Bool = false) {
        self.repCode = repCode; self.customerClass = customerClass; self.signalKind = signalKind
        self.beyondPanel = beyondPanel
    }
}

/// One customer on the early-warning panel.
public struct PanelRow: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var name: String
    public var customerClass: CustomerClass
    public var value: Money?
    public var repCode: String?
    public var assignedRepCode: String?
    /// Percent, and the probability behind it (0…1).
    public var risk: Int
    public var probability: Double
    public var band: RiskBand
    public var stage: RetentionStage?
    public var stageSince: Day?
    public var openSignals: Int
    public var oldestSignal: Day?
    public var kinds: [String]
    public var priority: Int64

    /// What there is to lose: the risk times the value the customer brings if he stays (the
    /// panel's order; the value model's figure undone of its P(alive) discount, or the class
    /// stand-in when unknown). Read back from the priority, which holds it in its upper digits.
    public var atStake: Money { Money(cents: priority == .max ? .max / 100_000 : priority / 100_000) }
}

extension Store {
    /// The panel's customers (or, `beyondPanel`, all with open signals), most to lose
    /// first (risk × value), paged by keyset both ways: backward gives the rows before
    /// `after` (from the end when nil), still most to lose first. `matching` keeps those
    /// whose number, name or city contain its words (the `/` search).
    public func riskPanel(_ filter: PanelFilter, after: PanelRow? = nil, direction: PageDirection = .forward,
                          matching search: String = "", limit: Int) throws -> [PanelRow] {
        try pool.read { db in
            var (clauses, args) = PanelSQL.clauses(filter)
            let backward = direction == .backward
            if let after { PanelSQL.addKeyset(&clauses, &args, after, backward: backward) }
            let (words, wordArgs) = AccountSQL.searchClauses(search)
            clauses += words; args += wordArgs
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.number, c.name, r.code AS rep_code, s.class, s.value_cents, s.value_as_of, s.risk, s.risk_band,
                       s.stage, s.stage_since, s.open_signals, s.oldest_signal, s.risk_priority,
                       (SELECT group_concat(kind, ' ') FROM (SELECT kind FROM signal WHERE customer_id = c.id AND status = 'open'
                            ORDER BY weight DESC)) AS kinds,
                       (SELECT ar.code FROM signal g JOIN rep ar ON ar.id = g.assigned_rep_id
                            WHERE g.customer_id = c.id AND g.status IN ('open', 'snoozed') LIMIT 1) AS assigned
                FROM customer_stats s JOIN customer c ON c.id = s.customer_id LEFT JOIN rep r ON r.id = c.rep_id
                WHERE \(clauses.joined(separator: " AND "))
                ORDER BY s.risk_priority \(backward ? "ASC" : "DESC"), s.customer_id \(backward ? "ASC" : "DESC")
                LIMIT \(limit)
                """, arguments: args)
            let page = rows.map(panelRow)
            return backward ? page.reversed() : page
        }
    }

    /// How many customers the filter shows; with `before`, how many come before that row
    /// (its 0-based position, for "k of N" after a far jump): a count over the same index.
    public func riskPanelCount(_ filter: PanelFilter, before row: PanelRow? = nil) throws -> Int {
        try pool.read { db in
            var (clauses, args) = PanelSQL.clauses(filter)
            if let row { PanelSQL.addKeyset(&clauses, &args, row, backward: true) }
            // Without a rep or kind filter the panel's partial index alone answers (no
            // customer row read for each of tens of thousands at risk).
            let needsCustomer = filter.repCode != nil || filter.signalKind != nil
            return try Int.fetchOne(db, sql: try ScopeGuard.unhinted("""
                SELECT count(*) FROM customer_stats s INDEXED BY \(filter.beyondPanel ? "customer_stats_panel" : "customer_stats_on_panel")
                \(needsCustomer ? " JOIN customer c ON c.id = s.customer_id" : "")
                WHERE \(clauses.joined(separator: " AND "))
                """, db), arguments: args) ?? 0
        }
    }

    /// The signal kinds that are open anywhere, for the kind filter.
    public func openSignalKinds() throws -> [(kind: String, count: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM signal WHERE status = 'open' GROUP BY kind ORDER BY n DESC")
                .map { ($0["kind"], $0["n"]) }
        }
    }

    /// The open signals of many customers, heaviest first, by customer (for reports:
    /// one query per thousand customers instead of one per customer).
    public func openSignals(customerIDs: [Int64]) throws -> [Int64: [ChurnSignal]] {
        try pool.read { db in
            var out: [Int64: [ChurnSignal]] = [:]
            for chunk in customerIDs.chunked(1000) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT * FROM signal WHERE status = 'open' AND \(CustomerScope.ids(Array(chunk)).condition("customer_id"))
                    ORDER BY customer_id, weight DESC
                    """)
                while let r = try rows.next() {
                    let s = StatsRecords.signal(r)
                    out[s.customerID, default: []].append(s)
                }
            }
            return out
        }
    }

    /// Open and snoozed signals of a customer, heaviest first.
    public func activeSignals(customerID: Int64) throws -> [ChurnSignal] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM signal WHERE customer_id = ? AND status IN ('open', 'snoozed') ORDER BY status, weight DESC
                """, arguments: [customerID]).map(StatsRecords.signal)
        }
    }

    func panelRow(_ r: Row) -> PanelRow {
        let known = (r["value_as_of"] as String?) != nil
        let risk: Double = r["risk"]
        return PanelRow(
            id: r["id"], number: r["number"], name: r["name"], customerClass: CustomerClass(rawValue: r["class"]) ?? .c,
            value: known ? Money(cents: r["value_cents"]) : nil, repCode: r["rep_code"], assignedRepCode: r["assigned"],
            risk: Int((risk * 100).rounded()), probability: risk, band: RiskBand(rawValue: r["risk_band"]) ?? .green,
            stage: (r["stage"] as String?).flatMap(RetentionStage.init(rawValue:)), stageSince: r.day("stage_since"),
            openSignals: r["open_signals"], oldestSignal: r.day("oldest_signal"),
            kinds: ((r["kinds"] as String?) ?? "").split(separator: " ").map(String.init), priority: r["risk_priority"])
    }
}

enum PanelSQL {
    /// The rows after `row` in the panel's order, most to lose first (backward: before it).
    static func addKeyset(_ clauses: inout [String], _ args: inout StatementArguments, _ row: PanelRow, backward: Bool) {
        clauses.append("(s.risk_priority, s.customer_id) \(backward ? ">" : "<") (?, ?)")
        args += [row.priority, row.id]
    }

    /// A rep sees the customers he owns and those assigned to him in triage.
    static func clauses(_ filter: PanelFilter) -> ([String], StatementArguments) {
        var clauses = [filter.beyondPanel ? "s.open_signals > 0" : "s.on_panel = 1"]
        var args = StatementArguments()
        if let code = filter.repCode {
            clauses.append("""
                (c.rep_id = (SELECT id FROM rep WHERE code = ? COLLATE NOCASE) OR EXISTS (SELECT 1 FROM signal g
                 JOIN rep gr ON gr.id = g.assigned_rep_id WHERE g.customer_id = c.id AND g.status = 'open' AND gr.code = ? COLLATE NOCASE))
                """)
            args += [code, code]
        }
        if let cls = filter.customerClass { clauses.append("s.class = ?"); args += [cls.rawValue] }
        if let kind = filter.signalKind {
            clauses.append("EXISTS (SELECT 1 FROM signal k WHERE k.customer_id = c.id AND k.status = 'open' AND k.kind = ?)")
            args += [kind]
        }
        return (clauses, args)
    }
}
