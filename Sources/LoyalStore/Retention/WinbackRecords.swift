import GRDB
import LoyalCore

enum WinbackRecords {
    static func insert(_ db: Database, _ w: WinbackCase) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO winback (customer_id, opened_on, reason, score, score_class, approach, offer_type, conditions,
                                 follow_up_on, outcome, closed_on, judgements)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [w.customerID, w.openedOn.iso, w.reason.rawValue, w.score, w.scoreClass, w.approach,
                             w.offerType?.rawValue, w.conditions, w.followUpOn.sql, w.outcome.rawValue, w.closedOn.sql,
                             w.judgements])
        return db.lastInsertedRowID
    }

    static func update(_ db: Database, _ w: WinbackCase) throws {
        try db.execute(sql: """
            UPDATE winback SET reason = ?, score = ?, score_class = ?, approach = ?, offer_type = ?, conditions = ?,
                follow_up_on = ?, outcome = ?, closed_on = ?, judgements = ? WHERE id = ?
            """, arguments: [w.reason.rawValue, w.score, w.scoreClass, w.approach, w.offerType?.rawValue, w.conditions,
                             w.followUpOn.sql, w.outcome.rawValue, w.closedOn.sql, w.judgements, w.id])
    }

    static func find(_ db: Database, id: Int64) throws -> WinbackCase? {
        try Row.fetchOne(db, sql: "SELECT * FROM winback WHERE id = ?", arguments: [id]).map(winback)
    }

    static func winback(_ row: Row) -> WinbackCase {
        WinbackCase(id: row["id"], customerID: row["customer_id"], openedOn: row.day("opened_on") ?? Day(number: 0),
                    reason: LostReason(rawValue: row["reason"]) ?? .other, score: row["score"],
                    scoreClass: row["score_class"], approach: row["approach"],
                    offerType: (row["offer_type"] as String?).flatMap(WinbackOfferType.init(rawValue:)),
                    conditions: row["conditions"], followUpOn: row.day("follow_up_on"),
                    outcome: WinbackOutcome(rawValue: row["outcome"]) ?? .open, closedOn: row.day("closed_on"),
                    judgements: row["judgements"])
    }
}
