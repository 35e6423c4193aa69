import Foundation
import GRDB
import LoyalCore

/// What a signal refresh did, for the CLI and the UI to report.
public struct SignalRefreshSummary: Sendable, Hashable {
    public var customers = 0
    public var opened = 0
    public var updated = 0
    public var resolved = 0
    public var reopenedFromSnooze = 0
    public var atRisk = 0
}

extension Store {
    /// Evaluates every early-warning rule for all customers (or only `ids`), scores each
    /// with the churn model, opens, updates and resolves signals (the model's own
    /// `churn_risk` among them), and stores risk, band, panel priority, panel membership and stage.
    /// Dismissed signals stay dismissed for the same evidence.
    @discardableResult
    public func evaluateSignals(asOf: Day, settings: Settings, only ids: [Int64]? = nil) throws -> SignalRefreshSummary {
        let pool = self.pool
        return try pool.write { db in
            try SignalEvaluation.run(db, asOf: asOf, settings: settings, only: ids, reader: ids == nil ? pool : nil)
        }
    }
}

enum SignalEvaluation {
    /// The signals it opens and resolves are results, not changes for the next refresh.
    /// `reader`: a pool whose readers load the next batch's facts while this connection
    /// evaluates the current one (the facts are inputs this step does not write, and while
    /// it holds the write lock no one else can commit, so a reader sees what it sees).
    static func run(_ db: Database, asOf: Day, settings: Settings, only ids: [Int64]?,
                    reader: BusyPool? = nil) throws -> SignalRefreshSummary {
        try ChangeTracking.paused(db) { try evaluate(db, asOf: asOf, settings: settings, only: ids, reader: reader) }
    }

    private static func evaluate(_ db: Database, asOf: Day, settings: Settings, only ids: [Int64]?,
                                 reader: BusyPool?) throws -> SignalRefreshSummary {
        var summary = SignalRefreshSummary()
        let filter = ids.map { " AND " + CustomerScope.ids($0).condition("customer_id") } ?? ""
        // Snoozes that ran out put their signals back on the panel.
        try db.execute(sql: """
            UPDATE signal SET status = 'open', updated_on = ? WHERE status = 'snoozed' AND snoozed_until <= ?\(filter)
            """, arguments: [asOf.iso, asOf.iso])
        summary.reopenedFromSnooze = db.changesCount
        let format = EvidenceFormat(settings.display)
        let rules = settings.retention.signals
        let risk = settings.retention.risk
        let model = try ChurnTraining.current(db, settings: settings)
        var inputs: [RiskRankInput] = []
        // Only what the risk columns need, in the order of `inputs` (an assessment's factors
        // are for the screens, and 200,000 of them held until the end cost memory).
        var risks: [StoredRisk] = []
        let scopes = try CustomerScope.passes(db, only: ids)
        func prefetch(_ index: Int) -> Background<[CustomerSignalFacts]>? {
            guard let reader, index < scopes.count else { return nil }
            let scope = scopes[index]
            return Background { try reader.read { db in try SignalFactsLoader.load(db, asOf: asOf, scope: scope) } }
        }
        var next = prefetch(0)
        for (index, scope) in scopes.enumerated() {
            let facts = try next?.value() ?? SignalFactsLoader.load(db, asOf: asOf, scope: scope)
            next = prefetch(index + 1)
            let existing = try standingSignals(db, scope: scope)
            let classes = try classesAndValues(db, filter: " AND " + scope.condition("customer_id"))
            // Not spread over the cores: the reader loading the next batch holds the other
            // one and takes longer than this, and each thread's allocations cost memory.
            let plans = facts.map { f -> (SignalWrites, StoredRisk) in
                var findings = EarlyWarning.findings(f, rules: rules, format: format)
                let stored = existing[f.customerID] ?? []
                let counted = SignalReconciliation.counted(existing: stored, findings: findings)
                let assessment = RiskAssessment.assess(
                    ChurnObservation(f, counted: counted, sentimentDays: risk.sentimentDays), model: model, settings: risk)
                if f.status == .active, assessment.probability >= risk.panelThreshold {
                    findings.append(.churnRisk(assessment, horizonDays: risk.horizonDays))
                }
                return (SignalWrites(SignalReconciliation.reconcile(existing: stored, findings: findings)),
                        StoredRisk(assessment))
            }
            for (f, (plan, stored)) in zip(facts, plans) {
                try apply(db, plan, customerID: f.customerID, asOf: asOf, summary: &summary)
                risks.append(stored)
                let (cls, value) = classes[f.customerID] ?? (.c, nil)
                inputs.append(RiskRankInput(customerID: f.customerID, risk: stored.score, value: value, customerClass: cls))
            }
            summary.customers += facts.count
        }
        let standIns = try standInValues(db, inputs: inputs, full: ids == nil)
        try writeRisk(db, inputs: inputs, risks: risks, standIns: standIns, asOf: asOf, filter: filter,
                      summary: &summary)
        try PanelMembership.update(db, settings: risk, only: ids)
        summary.atRisk = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer_stats WHERE on_panel = 1") ?? 0
        if ids == nil { try Store.setMeta(db, "signals_as_of", asOf.iso) }
        return summary
    }

    /// The signals not resolved of one batch, by customer, as reconciliation compares them:
    /// by their stored evidence. Rendering each one's text in the viewer's language (as the
    /// screens do) would cost more than the rest of reading them, on a day when every
    /// customer's signals are read again (issue 17).
    static func standingSignals(_ db: Database, scope: CustomerScope) throws -> [Int64: [ChurnSignal]] {
        var existing: [Int64: [ChurnSignal]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, customer_id, kind, evidence, evidence_key, weight, status, opened_on, snoozed_until, reason,
                   assigned_rep_id
            FROM signal WHERE status <> 'resolved' AND \(scope.condition("customer_id"))
            """)
        // Columns by position: by name, GRDB searches them for every row.
        while let r = try rows.next() {
            let stored: String = r[3]
            var s = ChurnSignal(id: r[0], customerID: r[1], kind: r[2], evidence: stored, evidenceKey: r[4], weight: r[5],
                                status: SignalStatus(rawValue: r[6]) ?? .open,
                                openedOn: (r[7] as String?).flatMap { Day(iso: $0) } ?? Day(number: 0),
                                snoozedUntil: (r[8] as String?).flatMap { Day(iso: $0) }, reason: r[9], assignedRepID: r[10])
            s.storedEvidence = stored
            existing[s.customerID, default: []].append(s)
        }
        return existing
    }

    /// What a reconciliation writes, without the findings' texts and the signals' other
    /// columns: a batch's plans are all held until they are written.
    struct SignalWrites: Sendable {
        struct Evidence: Sendable {
            var kind: String, stored: String, key: String, weight: Double
            init(_ f: SignalFinding) { kind = f.kind; stored = f.storedEvidence; key = f.evidenceKey; weight = f.weight }
        }
        var open: [Evidence] = []
        var refresh: [(id: Int64?, evidence: Evidence)] = []
        var resolve: [Int64?] = []

        init(_ plan: SignalReconciliation) {
            if !plan.open.isEmpty { open = plan.open.map(Evidence.init) }
            if !plan.refresh.isEmpty { refresh = plan.refresh.map { ($0.signal.id, Evidence($0.finding)) } }
            if !plan.resolve.isEmpty { resolve = plan.resolve.map(\.id) }
        }
    }

    static func apply(_ db: Database, _ plan: SignalWrites, customerID: Int64, asOf: Day,
                      summary: inout SignalRefreshSummary) throws {
        // Most customers have nothing to write.
        guard !(plan.open.isEmpty && plan.refresh.isEmpty && plan.resolve.isEmpty) else { return }
        let today = asOf.iso
        // Cached statements: on a day change most customers' signals get new evidence, and
        // preparing a statement for each would cost as much as running it.
        for finding in plan.open {
            // The same kind may have been resolved before; a new signal row keeps the history.
            let insert = try db.cachedStatement(sql: """
                INSERT INTO signal (customer_id, kind, evidence, evidence_key, weight, status, opened_on, updated_on)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?)
                """)
            try insert.execute(arguments: [customerID, finding.kind, finding.stored, finding.key,
                                           finding.weight, today, today])
            summary.opened += 1
        }
        for r in plan.refresh {
            let update = try db.cachedStatement(sql: """
                UPDATE signal SET evidence = ?, evidence_key = ?, weight = ?, updated_on = ? WHERE id = ?
                """)
            try update.execute(arguments: [r.evidence.stored, r.evidence.key, r.evidence.weight, today, r.id])
            summary.updated += 1
        }
        for id in plan.resolve {
            let resolve = try db.cachedStatement(sql: "UPDATE signal SET status = 'resolved', updated_on = ? WHERE id = ?")
            try resolve.execute(arguments: [today, id])
            summary.resolved += 1
        }
    }

    static func classesAndValues(_ db: Database, filter: String) throws -> [Int64: (CustomerClass, Money?)] {
        var out: [Int64: (CustomerClass, Money?)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT customer_id, class, value_cents, value_as_of, p_alive FROM customer_stats WHERE 1\(filter)
            """)
        while let r = try rows.next() {
            let known = (r["value_as_of"] as String?) != nil
            // What the customer brings if he stays: the value model discounts by P(alive),
            // and the risk already is the chance he goes, so the ranking undoes that discount.
            let cents: Int64 = r["value_cents"]
            let alive = max((r["p_alive"] as Double?) ?? 1, 0.05)
            let ifStays = Money(cents: Int64((Double(cents) / alive).rounded()))
            out[r["customer_id"]] = (CustomerClass(rawValue: r["class"]) ?? .c, known ? ifStays : nil)
        }
        return out
    }

    /// Class stand-ins for unknown values come from the whole customer base; a partial
    /// refresh reuses the ones the last full refresh stored.
    static func standInValues(_ db: Database, inputs: [RiskRankInput], full: Bool) throws -> [Money] {
        if full {
            let values = RiskRanking.standIns(inputs)
            try Store.setMeta(db, "risk_stand_ins", values.map { String($0.cents) }.joined(separator: ","))
            return values
        }
        let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'risk_stand_ins'") ?? ""
        let values = stored.split(separator: ",").compactMap { Int64($0) }.map { Money(cents: $0) }
        return values.count == 3 ? values : [.zero, .zero, .zero]
    }

    /// What `writeRisk` stores of one customer's assessment.
    struct StoredRisk: Sendable {
        var probability: Double
        var band: RiskBand
        var score: Int

        init(_ a: RiskAssessment) { probability = a.probability; band = a.band; score = a.score }
    }

    /// `risks[i]` is the assessment of `inputs[i]`'s customer.
    static func writeRisk(_ db: Database, inputs: [RiskRankInput], risks: [StoredRisk],
                          standIns: [Money], asOf: Day, filter: String, summary: inout SignalRefreshSummary) throws {
        // Rows are written only where something changed: each write touches several
        // indexes, and on a daily refresh most customers' risk stands still.
        struct Stored { var risk: Double, band: String, priority: Int64, stage: String? }
        var stored: [Int64: Stored] = [:]
        let storedRows = try Row.fetchCursor(db, sql: """
            SELECT customer_id, risk, risk_band, risk_priority, stage FROM customer_stats WHERE 1\(filter)
            """)
        while let r = try storedRows.next() { stored[r[0]] = Stored(risk: r[1], band: r[2], priority: r[3], stage: r[4]) }
        let month = String(asOf.iso.prefix(7))
        var snapshots: [Int64: Int] = [:]
        let snapshotRows = try Row.fetchCursor(db, sql: "SELECT customer_id, score FROM risk_snapshot WHERE month = ?\(filter)",
                                               arguments: [month])
        while let r = try snapshotRows.next() { snapshots[r[0]] = r[1] }
        let update = try db.makeStatement(sql: """
            UPDATE customer_stats SET risk = ?, risk_band = ?, risk_priority = ? WHERE customer_id = ?
            """)
        let snapshot = try db.makeStatement(sql: """
            INSERT INTO risk_snapshot (customer_id, month, score) VALUES (?, ?, ?)
            ON CONFLICT (customer_id, month) DO UPDATE SET score = excluded.score
            """)
        for (input, a) in zip(inputs, risks) {
            let risk = (a.probability * 10_000).rounded() / 10_000
            let finalPriority = RiskRanking.panelPriority(risk: a.score, value: input.value,
                                                          customerClass: input.customerClass, standIns: standIns)
            let old = stored[input.customerID]
            if old == nil || old!.risk != risk || old!.band != a.band.rawValue || old!.priority != finalPriority {
                update.setUncheckedArguments([risk, a.band.rawValue, finalPriority, input.customerID])
                try update.execute()
            }
            if snapshots[input.customerID] != a.score {
                snapshot.setUncheckedArguments([input.customerID, month, a.score])
                try snapshot.execute()
            }
        }
        // Open signal counts in two set-wise statements rather than two subqueries per customer.
        try db.execute(sql: """
            UPDATE customer_stats SET open_signals = o.n, oldest_signal = o.oldest
            FROM (SELECT customer_id, count(*) AS n, min(opened_on) AS oldest FROM signal
                  WHERE status = 'open'\(filter) GROUP BY customer_id) AS o
            WHERE customer_stats.customer_id = o.customer_id
              AND (customer_stats.open_signals <> o.n OR customer_stats.oldest_signal IS NOT o.oldest)
            """)
        try db.execute(sql: """
            UPDATE customer_stats SET open_signals = 0, oldest_signal = NULL
            WHERE (open_signals <> 0 OR oldest_signal IS NOT NULL)\(filter)
              AND customer_id NOT IN (SELECT customer_id FROM signal WHERE status = 'open'\(filter))
            """)
        var open: [Int64: Int] = [:]
        let openRows = try Row.fetchCursor(db, sql: "SELECT customer_id, open_signals FROM customer_stats WHERE open_signals > 0\(filter)")
        while let r = try openRows.next() { open[r[0]] = r[1] }
        for input in inputs {
            let stage = stored[input.customerID]?.stage.flatMap(RetentionStage.init(rawValue:))
            try RetentionStages.follow(db, customerID: input.customerID, openSignals: open[input.customerID] ?? 0,
                                       stage: stage, asOf: asOf)
        }
    }
}
