import GRDB
import LoyalCore

enum CommerceRecords {
    static func insertRep(_ db: Database, _ r: Rep) throws -> Int64 {
        try db.execute(sql: "INSERT INTO rep (id, code, name, email, region, sort_name) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [r.id, r.code, r.name, r.email, r.region, RepSortMigration.sortName(name: r.name, code: r.code)])
        return db.lastInsertedRowID
    }

    static func rep(_ row: Row) -> Rep {
        Rep(id: row["id"], code: row["code"], name: row["name"], email: row["email"], region: row["region"])
    }

    static func upsertProduct(_ db: Database, _ p: Product) throws {
        try db.cachedStatement(sql: """
            INSERT INTO product (id, sku, name, category, price_cents, margin_cents) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET name = excluded.name, category = excluded.category,
                price_cents = excluded.price_cents, margin_cents = excluded.margin_cents
            """).execute(arguments: [p.id, p.sku, p.name, p.category, p.price.cents, p.margin.sql])
    }

    static func product(_ row: Row) -> Product {
        Product(id: row["id"], sku: row["sku"], name: row["name"], category: row["category"],
                price: Money(cents: row["price_cents"]), margin: row.money("margin_cents"))
    }

    static let purchaseInsertSQL = """
        INSERT INTO purchase (id, customer_id, day, amount_cents, margin_cents, discount_cents, product_id,
                              quantity, reference, import_batch_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func purchaseArguments(_ p: Purchase, batch: Int64? = nil) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            p.id, p.customerID, p.day.iso, p.amount.cents, p.margin.sql, p.discount.sql, p.productID,
            p.quantity, p.reference, batch,
        ]
        return StatementArguments(values)
    }

    static func purchase(_ row: Row) -> Purchase {
        Purchase(id: row["id"], customerID: row["customer_id"], day: row.day("day") ?? Day(number: 0),
                 amount: Money(cents: row["amount_cents"]), margin: row.money("margin_cents"),
                 discount: row.money("discount_cents"), productID: row["product_id"],
                 quantity: row["quantity"], reference: row["reference"])
    }
}

enum ContactRecords {
    static func insertInteraction(_ db: Database, _ i: Interaction, now: String) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO interaction (id, customer_id, rep_id, kind, day, subject, notes, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [i.id, i.customerID, i.repID, i.kind.rawValue, i.day.iso, i.subject, i.notes, now])
        let id = db.lastInsertedRowID
        for person in i.contactPersonIDs {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO interaction_contact VALUES (?, ?)")
                .execute(arguments: [id, person])
        }
        return id
    }

    static func interaction(_ row: Row, contacts: [Int64] = []) -> Interaction {
        Interaction(id: row["id"], customerID: row["customer_id"], repID: row["rep_id"],
                    kind: InteractionKind(rawValue: row["kind"]) ?? .visit, day: row.day("day") ?? Day(number: 0),
                    contactPersonIDs: contacts, subject: row["subject"], notes: row["notes"])
    }

    static func insertFeedback(_ db: Database, _ f: Feedback) throws -> Int64 {
        let values: [(any DatabaseValueConvertible)?] = [
            f.id, f.interactionID, f.nps, f.csat, f.ces, f.productSatisfaction, f.adviceSatisfaction, f.repSentiment,
            f.topics, f.pricePressure, f.competitor, f.crossSellCategory, f.complaintID, f.nextStep, f.followUpOn.sql,
            f.cancellation,
        ]
        try db.cachedStatement(sql: """
            INSERT INTO feedback (id, interaction_id, nps, csat, ces, product_satisfaction, advice_satisfaction,
                                  rep_sentiment, topics, price_pressure, competitor, cross_sell_category,
                                  complaint_id, next_step, follow_up_on, cancellation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }

    static func feedback(_ row: Row) -> Feedback {
        var f = Feedback(id: row["id"], interactionID: row["interaction_id"])
        f.nps = row["nps"]; f.csat = row["csat"]; f.ces = row["ces"]
        f.productSatisfaction = row["product_satisfaction"]; f.adviceSatisfaction = row["advice_satisfaction"]
        f.repSentiment = row["rep_sentiment"]; f.topics = row["topics"]; f.pricePressure = row["price_pressure"]
        f.competitor = row["competitor"]; f.crossSellCategory = row["cross_sell_category"]
        f.complaintID = row["complaint_id"]; f.nextStep = row["next_step"]; f.followUpOn = row.day("follow_up_on")
        f.cancellation = row["cancellation"]
        return f
    }

    static func insertComplaint(_ db: Database, _ c: Complaint) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO complaint (id, customer_id, opened_on, category, text, resolved_on, goodwill_cents)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [c.id, c.customerID, c.openedOn.iso, c.category.rawValue, c.text,
                                     c.resolvedOn.sql, c.goodwill.sql])
        return db.lastInsertedRowID
    }

    static func complaint(_ row: Row) -> Complaint {
        Complaint(id: row["id"], customerID: row["customer_id"], openedOn: row.day("opened_on") ?? Day(number: 0),
                  category: ComplaintCategory(rawValue: row["category"]) ?? .other, text: row["text"],
                  resolvedOn: row.day("resolved_on"), goodwill: row.money("goodwill_cents"))
    }
}
