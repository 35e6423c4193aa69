import GRDB
import LoyalCore

/// Writes the generated demo company with prepared statements inside one transaction.
struct DemoWriter: DemoSink {
    let db: Database
    let now: String
    let purchaseStatement: Statement

    init(db: Database, now: String) throws {
        self.db = db
        self.now = now
        purchaseStatement = try db.makeStatement(sql: CommerceRecords.purchaseInsertSQL)
    }

    mutating func add(rep: Rep) throws { _ = try CommerceRecords.insertRep(db, rep) }

    mutating func add(product: Product) throws { try CommerceRecords.upsertProduct(db, product) }

    mutating func add(_ d: DemoCustomer) throws {
        try CustomerRecords.insert(db, d.customer, now: now)
        for c in d.consents { try CustomerRecords.upsertConsent(db, c) }
        for p in d.contacts { try CustomerRecords.insertContact(db, p) }
        for p in d.purchases {
            purchaseStatement.setUncheckedArguments(CommerceRecords.purchaseArguments(p))
            try purchaseStatement.execute()
        }
        for c in d.complaints { _ = try ContactRecords.insertComplaint(db, c) }
        for (i, f) in d.interactions {
            _ = try ContactRecords.insertInteraction(db, i, now: now)
            if let f { _ = try ContactRecords.insertFeedback(db, f) }
        }
    }
}

extension Store {
    /// Fills an empty database with the demo company in one transaction.
    public func createDemo(_ settings: DemoSettings, progress: @escaping (Int, Int) -> Void = { _, _ in }) throws {
        try scope.require(.admin, to: Text.tr("store_error.may_demo"))
        guard try isEmpty() else {
            throw StoreError.invalid(Text.tr("store_error.demo_not_empty", path))
        }
        try pool.write { db in
            var writer = try DemoWriter(db: db, now: Timestamp.now())
            var company = DemoCompany(settings: settings)
            try company.generate(into: &writer, progress: progress)
            try Store.setMeta(db, "demo_seed", String(settings.seed))
            try Store.setMeta(db, "demo_as_of", settings.asOf.iso)
        }
    }
}
