import Foundation
import GRDB
import LoyalCore

/// How close a stored row is to the person; it decides what erasure does with the row.
enum Closeness: Int, Comparable {
    /// His own record: the contact person, or a private customer and his people.
    case own
    /// About him: visits he attended, their feedback and complaints, his calendar entries,
    /// log rows (audit, merge undo, drafts) about any of these.
    case tied
    /// The rest of his customer's records, which may name him by his surname alone.
    case near
    /// Anywhere else, where his full name, e-mail or phone occur.
    case far

    static func < (a: Closeness, b: Closeness) -> Bool { a.rawValue < b.rawValue }
}

/// Everything the file holds about a data subject, each row with its closeness. Found from
/// the schema's foreign keys (SchemaLinks), so a table added later is found too; the log
/// tables, which name records by id or in JSON, are searched by their own columns.
struct SubjectRecords {
    var subject: DataSubject
    var customerID: Int64
    var customerNumber: String
    var isPrivateCustomer: Bool
    /// His name as stored, for messages to the person running the erasure.
    var personName: String
    /// The contact persons that are him: one, or every person of a private customer.
    var personContactIDs: [Int64]
    var mentions: PersonMentions
    private(set) var rows: [(row: StoredRow, closeness: Closeness)] = []
    private var index: [StoredRowID: Int] = [:]

    /// Adds rows, or moves a row found again closer.
    mutating func add(_ found: [StoredRow], _ closeness: Closeness) {
        for r in found {
            if let i = index[r.id] {
                if closeness < rows[i].closeness { rows[i].closeness = closeness }
            } else {
                index[r.id] = rows.count
                rows.append((r, closeness))
            }
        }
    }

    func contains(_ id: StoredRowID) -> Bool { index[id] != nil }

    /// `knownMentions`: what named him before an erasure rewrote his record (a second look
    /// after erasing finds his record as a tombstone).
    /// Where to look beyond his and his customer's records.
    enum FarSearch {
        /// Search every other record's free text for his full name, e-mail or phone.
        case scan
        /// Not at all (a second look after erasing: what changed was his or his customer's).
        case none
        /// These rows, found by an earlier scan (before an erasure takes the write lock).
        case rows([StoredRowID])
    }

    static func gather(_ db: Database, _ subject: DataSubject, schema: SchemaLinks,
                       knownMentions: PersonMentions? = nil, far: FarSearch = .scan) throws -> SubjectRecords {
        var records: SubjectRecords
        let through = ErasureRules.through
        switch subject {
        case .contact(let id):
            guard let person = try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(Text.tr("store_error.no_contact_id", id))
            }
            let customer = try customerRow(db, id: person["customer_id"])
            let p = CustomerRecords.contact(person)
            var mentions = PersonMentions()
            mentions.addPerson(firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone,
                               partnerName: p.partnerName)
            records = SubjectRecords(subject: subject, customerID: customer["id"], customerNumber: customer["number"],
                                     isPrivateCustomer: (customer["kind"] as String?) == CustomerKind.consumer.rawValue,
                                     personName: p.fullName, personContactIDs: [id], mentions: mentions)
            records.add(try schema.rows(db, "contact_person", where: "id", in: [id.databaseValue]), .own)
            records.add(try schema.reach(db, from: "contact_person", column: "id", values: [id.databaseValue],
                                         through: through), .tied)
            records.add(try schema.reach(db, from: "customer", column: "id", values: [records.customerID.databaseValue],
                                         through: through), .near)
        case .customer(let number):
            guard let customer = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE number = ?", arguments: [number]) else {
                throw StoreError.notFound(Text.tr("cli.no_customer", number))
            }
            let isPrivate = (customer["kind"] as String?) == CustomerKind.consumer.rawValue
            let customerID: Int64 = customer["id"]
            let people = try Row.fetchAll(db, sql: "SELECT * FROM contact_person WHERE customer_id = ? ORDER BY id",
                                          arguments: [customerID]).map(CustomerRecords.contact)
            var mentions = PersonMentions()
            // A business's own name, address and figures are not personal data; its people are.
            if isPrivate {
                mentions.addName(customer["name"])
                mentions.addEmail(customer["email"])
                mentions.addPhone(customer["phone"])
            }
            for p in people {
                mentions.addPerson(firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone,
                                   partnerName: p.partnerName)
            }
            records = SubjectRecords(subject: subject, customerID: customerID, customerNumber: number,
                                     isPrivateCustomer: isPrivate, personName: customer["name"],
                                     personContactIDs: people.compactMap(\.id), mentions: mentions)
            let key = [customerID.databaseValue]
            if isPrivate { records.add(try schema.rows(db, "customer", where: "id", in: key), .own) }
            records.add(try schema.rows(db, "contact_person", where: "customer_id", in: key), .own)
            records.add(try schema.reach(db, from: "customer", column: "id", values: key, through: through), .tied)
        }
        if let knownMentions { records.mentions = knownMentions }
        try records.addLogRows(db, schema)
        switch far {
        case .scan: try records.addFarMentions(db, schema)
        case .none: break
        case .rows(let ids): try records.addFarRows(db, schema, ids)
        }
        return records
    }

    private static func customerRow(_ db: Database, id: Int64) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound(Text.tr("store_error.customer_id_no_longer", id))
        }
        return row
    }

    /// Audit entries about the rows found (by table name and id), merge undos of his records,
    /// drafts of his customer or naming him among the people met.
    private mutating func addLogRows(_ db: Database, _ schema: SchemaLinks) throws {
        var ids: [String: [Closeness: [DatabaseValue]]] = [:]
        for (r, closeness) in rows where r.key.count == 1 && r.key[0].storage.isInteger {
            ids[r.table, default: [:]][min(max(closeness, .tied), .near), default: []].append(r.key[0])
        }
        for (table, byCloseness) in ids.sorted(by: { $0.key < $1.key }) {
            // Merges write the entity "contact" for contact persons.
            let entities = table == "contact_person" ? ["contact_person", "contact"] : [table]
            for (closeness, values) in byCloseness.sorted(by: { $0.key < $1.key }) {
                guard let list = SchemaLinks.jsonList(values) else { continue }
                add(try schema.rows(db, "audit", condition: """
                    entity IN (SELECT value FROM json_each(?)) AND entity_id IN (SELECT value FROM json_each(?))
                    """, arguments: [SchemaLinks.jsonList(entities.map(\.databaseValue)) ?? "[]", list]), closeness)
            }
        }
        let people = SchemaLinks.jsonList(personContactIDs.map(\.databaseValue)) ?? "[]"
        let customerCloseness: Closeness = isPrivateCustomer ? .tied : .near
        let merges = try schema.rows(db, "merge_undo", condition: """
            kind = 'contact' AND (keep_id IN (SELECT value FROM json_each(?1)) OR other_id IN (SELECT value FROM json_each(?1)))
            """, arguments: [people])
        add(merges, .tied)
        try addMergedDuplicates(db, schema, merges)
        add(try schema.rows(db, "merge_undo", condition: "kind = 'customer' AND ? IN (keep_id, other_id)",
                            arguments: [customerID]), customerCloseness)
        // A visit form's draft is JSON with the customer's id and the people met (`met`).
        add(try schema.rows(db, "draft", condition: """
            json_valid(payload) AND EXISTS (SELECT 1 FROM json_each(payload, '$.met') m
                                            WHERE m.value IN (SELECT value FROM json_each(?)))
            """, arguments: [people]), .tied)
        add(try schema.rows(db, "draft", condition: "json_valid(payload) AND json_extract(payload, '$.customerID') = ?",
                            arguments: [customerID]), customerCloseness)
    }

    /// A duplicate merged into him was him too: the merge undo keeps its record, whose name,
    /// e-mail and phone are looked for as his, and the audit's entries about its id are his.
    private mutating func addMergedDuplicates(_ db: Database, _ schema: SchemaLinks, _ merges: [StoredRow]) throws {
        var ids: [DatabaseValue] = []
        for merge in merges {
            guard let payload = merge.row["payload"] as String?,
                  let undo = try? JSONDecoder().decode(MergeUndo.self, from: Data(payload.utf8)) else { continue }
            for snapshot in undo.deleted where snapshot.table == "contact_person" {
                func text(_ column: String) -> String {
                    guard let i = snapshot.columns.firstIndex(of: column), case .text(let s) = snapshot.values[i] else { return "" }
                    return s
                }
                mentions.addPerson(firstName: text("first_name"), lastName: text("last_name"), email: text("email"),
                                   phone: text("phone"), partnerName: text("partner_name"))
            }
            ids.append(undo.otherID.databaseValue)
        }
        guard let list = SchemaLinks.jsonList(ids) else { return }
        add(try schema.rows(db, "audit", condition: """
            entity IN ('contact_person', 'contact') AND entity_id IN (SELECT value FROM json_each(?))
            """, arguments: [list]), .tied)
    }

    /// Rows anywhere else whose free text names him by his full name, e-mail or phone:
    /// another customer's notes, an import's audit line. SQL's LIKE finds candidates by a few
    /// words (ASCII case folded), PersonMentions decides.
    private mutating func addFarMentions(_ db: Database, _ schema: SchemaLinks) throws {
        let patterns = mentions.searchWords.map { "%" + Self.likeEscaped($0) + "%" }
        guard !patterns.isEmpty else { return }
        for table in schema.tables {
            guard let rule = ErasureRules.rule(table.name), !rule.deleteWhenChanged else { continue }
            let columns = table.textColumns.filter { rule.columns[$0]?.isFreeText ?? false }
            guard !columns.isEmpty else { continue }
            let condition = columns.flatMap { c in
                patterns.indices.map { "\"\(c)\" LIKE ?\($0 + 1) ESCAPE '\\'" }
            }.joined(separator: " OR ")
            let candidates = try schema.rows(db, table.name, condition: condition, arguments: StatementArguments(patterns))
            add(candidates.filter { r in
                !contains(r.id) && columns.contains { mentions.mentions(r.row[$0] as String? ?? "", strongOnly: true) }
            }, .far)
        }
    }

    /// How many stored rows still carry his full name, e-mail or phone in any text (after his
    /// erasure: the records of someone with the same name).
    static func recordsNaming(_ db: Database, _ mentions: PersonMentions, schema: SchemaLinks) throws -> Int {
        let patterns = mentions.searchWords.map { "%" + likeEscaped($0) + "%" }
        guard !patterns.isEmpty else { return 0 }
        var count = 0
        for table in schema.tables {
            let rule = ErasureRules.rule(table.name)
            let columns = table.textColumns.filter { rule?.columns[$0] != .keep }
            guard !columns.isEmpty else { continue }
            let condition = columns.flatMap { c in patterns.indices.map { "\"\(c)\" LIKE ?\($0 + 1) ESCAPE '\\'" } }
                .joined(separator: " OR ")
            count += try schema.rows(db, table.name, condition: condition, arguments: StatementArguments(patterns))
                .filter { r in columns.contains { mentions.mentions(r.row[$0] as String? ?? "", strongOnly: true) } }.count
        }
        return count
    }

    /// The rows an earlier scan found, read again (they may have changed since), unless
    /// they are his or his customer's now.
    private mutating func addFarRows(_ db: Database, _ schema: SchemaLinks, _ ids: [StoredRowID]) throws {
        for id in ids where !contains(id) {
            guard let table = schema.table(id.table) else { continue }
            let condition = table.key.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
            add(try schema.rows(db, id.table, condition: condition, arguments: StatementArguments(id.key)), .far)
        }
    }

    /// The rows found far away, to find again.
    var farRowIDs: [StoredRowID] { rows.filter { $0.closeness == .far }.map(\.row.id) }

    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

private extension DatabaseValue.Storage {
    var isInteger: Bool { if case .int64 = self { return true } else { return false } }
}
