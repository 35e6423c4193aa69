import GRDB
import LoyalCore

/// Keeps each customer's stage (at risk → plan in place → saving → recovered or
/// lost) and its history, from events the store sees.
enum RetentionStages {
    static func current(_ db: Database, customerID: Int64) throws -> RetentionStage? {
        try String.fetchOne(db, sql: "SELECT stage FROM customer_stats WHERE customer_id = ?", arguments: [customerID])
            .flatMap(RetentionStage.init(rawValue:))
    }

    /// Applies an event; returns the id of the history row when the stage changed.
    @discardableResult
    static func record(_ db: Database, customerID: Int64, event: RetentionEvent, on day: Day) throws -> Int64? {
        let before = try current(db, customerID: customerID)
        guard let after = RetentionStage.after(event, from: before), after != before else { return nil }
        try db.execute(sql: "INSERT INTO retention_stage (customer_id, stage, since, event) VALUES (?, ?, ?, ?)",
                       arguments: [customerID, after.rawValue, day.iso, event.rawValue])
        let id = db.lastInsertedRowID
        try db.execute(sql: "UPDATE customer_stats SET stage = ?, stage_since = ? WHERE customer_id = ?",
                       arguments: [after.rawValue, day.iso, customerID])
        return id
    }

    /// After signals were evaluated: new open signals put a customer at risk,
    /// none left open means he was recovered. `openSignals` and `stage` are what the
    /// store holds now, read in bulk by the caller.
    static func follow(_ db: Database, customerID: Int64, openSignals open: Int, stage: RetentionStage?,
                       asOf: Day) throws {
        if open > 0, stage == nil || stage == .recovered {
            try record(db, customerID: customerID, event: .signalOpened, on: asOf)
        } else if open == 0, let s = stage, !s.isClosed {
            let snoozed = try Int.fetchOne(db, sql: "SELECT count(*) FROM signal WHERE customer_id = ? AND status = 'snoozed'",
                                           arguments: [customerID]) ?? 0
            if snoozed == 0 { try record(db, customerID: customerID, event: .allSignalsResolved, on: asOf) }
        }
    }

    /// The stage history, oldest first.
    static func history(_ db: Database, customerID: Int64) throws -> StageHistory {
        let rows = try Row.fetchAll(db, sql: "SELECT stage, since FROM retention_stage WHERE customer_id = ? ORDER BY id",
                                    arguments: [customerID])
        return StageHistory(entries: rows.compactMap { r in
            guard let s = RetentionStage(rawValue: r["stage"]), let d = r.day("since") else { return nil }
            return StageHistory.Entry(stage: s, since: d)
        })
    }
}
