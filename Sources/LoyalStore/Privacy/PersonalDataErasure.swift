import Foundation
import GRDB
import LoyalCore

/// What a GDPR erasure changed, or would change (a preview changes nothing).
public struct ErasureSummary: Sendable {
    /// Rows of one table that change the same columns (or go).
    public struct Change: Sendable, Hashable {
        public var table: String
        /// Each row's key: an id, or key values joined by "/" ("7/email" for a consent).
        public var rows: [String]
        /// The columns emptied or rewritten; none when the rows are deleted.
        public var columns: [String]
        public var deleted: Bool
    }

    public var subject: DataSubject
    /// His name as it was: shown by a preview so the right person is erased, never stored.
    public var personName: String
    public var customerNumber: String
    public var isPrivateCustomer: Bool
    public var tombstone: String
    public var changes: [Change]
    /// What stays: the customer's purchases and consent records (purpose, source, dates, withdrawal).
    public var keptPurchases: Int
    public var keptConsents: Int
    public var erased = false
    /// The WAL was copied into the file and truncated, so no old page of his is left in it.
    public var checkpointed = false
    /// How often his e-mail or phone still occur in the file and its WAL: 0 after a complete
    /// erasure; more when the file was written without secure delete before.
    public var identifiersLeft = 0
    /// How often his full name still occurs there, and in how many records of other people
    /// of the same name (namesakes are not erased).
    public var nameLeft = 0
    public var namesakeRecords = 0

    /// Copies of his data left in free space, which only a VACUUM removes.
    public var leftInFreeSpace: Bool { identifiersLeft > 0 || (nameLeft > 0 && namesakeRecords == 0) }

    public var changedRows: Int { changes.filter { !$0.deleted }.reduce(0) { $0 + $1.rows.count } }
    public var deletedRows: Int { changes.filter(\.deleted).reduce(0) { $0 + $1.rows.count } }
}

extension Store {
    /// What `erasePersonalData` would do, read without changing anything.
    public func previewErasure(_ subject: DataSubject, today: Day) throws -> ErasureSummary {
        try scope.require(.admin, to: Text.tr("store_error.may_erase"))
        return try pool.read { db in try PersonalDataErasure.plan(db, subject, today: today).summary }
    }

    /// Erases a person (GDPR Art. 17): his record keeps its id with the tombstone as name and
    /// no personal field; free text about him goes, and so do lines naming him elsewhere;
    /// purchases, figures and consent records stay. One transaction, audited, with secure
    /// delete on, the search index optimised, then a truncating checkpoint: the file and its
    /// WAL keep no copy of what was erased, and nobody is locked out as a VACUUM would.
    @discardableResult
    public func erasePersonalData(_ subject: DataSubject, today: Day, actor: String) throws -> ErasureSummary {
        try scope.require(.admin, to: Text.tr("store_error.may_erase"))
        // Searching every other record's free text takes seconds on a large file: done before
        // the write lock, so the reps wait only for the erasure itself.
        let far = try pool.read { db in
            try SubjectRecords.gather(db, subject, schema: try SchemaLinks.read(db)).farRowIDs
        }
        var (summary, mentions) = try pool.writeWithoutTransaction { db -> (ErasureSummary, PersonMentions) in
            // Freed cells and pages are overwritten with zeros instead of left as free space
            // (Store sets this for every connection; said again where it matters most).
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var result: (ErasureSummary, PersonMentions)?
            try db.inTransaction(.immediate) {
                var plan = try PersonalDataErasure.plan(db, subject, today: today, far: .rows(far))
                let changes = try PersonalDataErasure.apply(db, plan)
                plan.summary.changes = PersonalDataErasure.group(changes)
                try PersonalDataErasure.optimizeSearchIndexes(db, after: changes)
                try Audit.record(db, actor: actor, entity: plan.auditEntity, id: plan.auditID, action: "gdpr erase",
                                 detail: PersonalDataErasure.auditDetail(plan.summary))
                result = (plan.summary, plan.records.mentions)
                return .commit
            }
            return result!
        }
        summary.erased = true
        summary.checkpointed = try checkpointTruncatingWAL()
        let files = [path, path + "-wal"]
        summary.identifiersLeft = FileResidue.count(mentions.identifiers, in: files)
        summary.nameLeft = FileResidue.count(mentions.nameForms, in: files)
        if summary.nameLeft > 0 {
            summary.namesakeRecords = try pool.read { db in
                try SubjectRecords.recordsNaming(db, mentions, schema: try SchemaLinks.read(db))
            }
        }
        return summary
    }

    /// Copies the WAL into the database file and truncates it to zero bytes. A reader of
    /// another Loyal keeps the WAL in use: tried again until the busy timeout.
    func checkpointTruncatingWAL() throws -> Bool {
        let deadline = Date().addingTimeInterval(pool.timeout)
        while true {
            let busy = try pool.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 1
            }
            if busy == 0 { return true }
            if Date() >= deadline { return false }
            usleep(50_000)
        }
    }
}

enum PersonalDataErasure {
    struct Plan {
        var schema: SchemaLinks
        var records: SubjectRecords
        var changes: [ErasureChange]
        var summary: ErasureSummary
        var auditEntity: String
        var auditID: Int64
        var accountIsHis: Bool
    }

    static func plan(_ db: Database, _ subject: DataSubject, today: Day,
                     far: SubjectRecords.FarSearch = .scan) throws -> Plan {
        let schema = try SchemaLinks.read(db)
        let gaps = ErasureRules.gaps(schema)
        if !gaps.isEmpty {
            throw StoreError.invalid("erasure refused: this Loyal does not know what \(gaps.joined(separator: ", ")) "
                                     + "may hold about a person (ErasureRules); nothing was changed")
        }
        let records = try SubjectRecords.gather(db, subject, schema: schema, far: far)
        let (entity, id) = try checkErasable(db, records)
        let tombstone = "erased \(today.iso)"
        let accountIsHis: Bool
        if case .customer = subject { accountIsHis = records.isPrivateCustomer } else { accountIsHis = false }
        let changes = ErasurePlanner(schema: schema, mentions: records.mentions, tombstone: tombstone,
                                     accountIsHis: accountIsHis).changes(records)
        let summary = ErasureSummary(
            subject: subject, personName: records.personName, customerNumber: records.customerNumber,
            isPrivateCustomer: records.isPrivateCustomer, tombstone: tombstone, changes: group(changes),
            keptPurchases: try Int.fetchOne(db, sql: "SELECT count(*) FROM purchase WHERE customer_id = ?",
                                            arguments: [records.customerID]) ?? 0,
            keptConsents: try Int.fetchOne(db, sql: "SELECT count(*) FROM consent WHERE customer_id = ?",
                                           arguments: [records.customerID]) ?? 0)
        return Plan(schema: schema, records: records, changes: changes, summary: summary, auditEntity: entity,
                    auditID: id, accountIsHis: accountIsHis)
    }

    /// Applies the plan, then looks again with the same terms until nothing changes: a trigger
    /// may have kept what was just rewritten (the consent history keeps a replaced source).
    /// Returns every change made.
    static func apply(_ db: Database, _ plan: Plan) throws -> [ErasureChange] {
        var all: [ErasureChange] = [], next = plan.changes
        let planner = ErasurePlanner(schema: plan.schema, mentions: plan.records.mentions, tombstone: plan.summary.tombstone,
                                     accountIsHis: plan.accountIsHis)
        for _ in 0..<4 {
            if next.isEmpty { return all }
            for change in next { try change.apply(db) }
            all += next
            // What a trigger keeps belongs to a changed row: his or his customer's, not far away.
            next = planner.changes(try SubjectRecords.gather(db, plan.records.subject, schema: plan.schema,
                                                             knownMentions: plan.records.mentions, far: .none))
        }
        throw StoreError.invalid("erasure did not settle: a trigger keeps rewriting what it erases; nothing was changed")
    }

    /// A business customer's record is the company's, not a person's; an erased person has
    /// nothing left, and erasing his tombstone would cut every line naming other tombstones.
    /// Returns the audit's entity and id.
    static func checkErasable(_ db: Database, _ records: SubjectRecords) throws -> (String, Int64) {
        let entity: String, id: Int64
        switch records.subject {
        case .customer(let number):
            guard records.isPrivateCustomer else {
                throw StoreError.invalid(Text.tr("store_error.erase_business", number))
            }
            (entity, id) = ("customer", records.customerID)
        case .contact(let contactID):
            (entity, id) = ("contact_person", contactID)
        }
        if let day = try String.fetchOne(db, sql: """
            SELECT substr(at, 1, 10) FROM audit WHERE action = 'gdpr erase' AND entity = ? AND entity_id = ? LIMIT 1
            """, arguments: [entity, id]) {
            throw StoreError.invalid(Text.tr("store_error.erased_already_on", records.subject.shownText, day))
        }
        if records.personName.range(of: #"^erased \d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil {
            throw StoreError.invalid(Text.tr("store_error.erased_already", records.subject.shownText, records.personName))
        }
        return (entity, id)
    }

    /// Rows of a table that change the same columns, in the order found.
    static func group(_ changes: [ErasureChange]) -> [ErasureSummary.Change] {
        var out: [ErasureSummary.Change] = []
        for c in changes {
            let key = Store.keyText(c.row.key)
            let columns = c.delete ? [] : c.values.map(\.column)
            if let i = out.firstIndex(where: { $0.table == c.row.table && $0.columns == columns && $0.deleted == c.delete }) {
                out[i].rows.append(key)
            } else {
                out.append(ErasureSummary.Change(table: c.row.table, rows: [key], columns: columns, deleted: c.delete))
            }
        }
        return out
    }

    /// The audit keeps that and when, not what: "gdpr erase contact 41: 6 rows changed, 2 deleted".
    static func auditDetail(_ s: ErasureSummary) -> String {
        "gdpr erase \(s.subject): \(s.changedRows) rows changed, \(s.deletedRows) deleted"
    }

    /// An FTS5 index keeps a deleted entry's words in its old segments until they are merged:
    /// 'optimize' merges them into one, and secure delete zeroes the pages freed. Run for the
    /// indexes over a table that changed (`content='customer'`).
    static func optimizeSearchIndexes(_ db: Database, after changes: [ErasureChange]) throws {
        let changed = Set(changes.map(\.row.table))
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'
            """)
        for index in indexes {
            let name: String = index["name"], sql: String = index["sql"]
            let content = sql.firstMatch(of: #/content\s*=\s*'?"?(\w+)/#).map { String($0.1) }
            guard content.map(changed.contains) ?? true else { continue }
            try db.execute(sql: "INSERT INTO \"\(name)\"(\"\(name)\") VALUES ('optimize')")
        }
    }
}
