import GRDB
import LoyalCore

/// One .vcf file's bytes and the name it is reported under.
public struct VCardInput: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
}

public struct VCardImportReport: Sendable {
    /// One person as stored (or, in a dry run, as it would be).
    public struct Row: Sendable {
        public var file: String
        public var card: Int
        public var person: ContactPerson
        public var customer: String
        public var newCustomer: Bool
        public var newPerson: Bool
    }

    public var cards = 0
    public var inserted = 0
    public var updated = 0
    public var createdCustomers = 0
    public var rows: [Row] = []
    public var warnings: [(file: String, warning: VCardWarning)] = []
    public var dryRun = false
    /// Likely duplicates the import creates (customers and people it adds or changes).
    public var duplicates = ImportDuplicates()
    public var people: Int { inserted + updated }
}

extension Store {
    /// Imports vCard files as contact persons, all files in one transaction. Each person
    /// goes to the customer named by ORG (matched ignoring case and spaces), created when
    /// missing; a card without ORG becomes a private customer named after the person. A
    /// person already stored under the same customer and name is updated. The files are
    /// read before the write lock is taken; a dry run takes none.
    public func importVCards(_ inputs: [VCardInput], dryRun: Bool) throws -> VCardImportReport {
        try scope.require(.manager, to: Text.tr("store_error.may_import"))
        var report = VCardImportReport()
        report.dryRun = dryRun
        var contacts: [(file: String, contact: VCardContact)] = []
        for input in inputs {
            let file = VCardReader.read(input.bytes)
            report.cards += file.cards.count
            report.warnings += file.warnings.map { (input.name, $0) }
            for card in file.cards {
                let (contact, warnings) = VCardContact.from(card)
                report.warnings += warnings.map { (input.name, $0) }
                if contact.hasName { contacts.append((input.name, contact)) }
            }
        }
        report.warnings.sort { ($0.file, $0.warning.line) < ($1.file, $1.warning.line) }
        if dryRun {
            try pool.read { db in
                var writer = try VCardWriterSession(db, report: report, write: false)
                for (file, c) in contacts { try writer.store(file, c) }
                report = writer.report
                report.duplicates = writer.duplicates.found()
            }
            return report
        }
        let checked = report
        return try pool.writeWithoutTransaction { db in
            var result = checked
            try db.inTransaction {
                var writer = try VCardWriterSession(db, report: checked, write: true)
                for (file, c) in contacts { try writer.store(file, c) }
                try writer.finish(files: inputs.map(\.name))
                result = writer.report
                result.duplicates = writer.duplicates.found()
                return .commit
            }
            return result
        }
    }
}

/// Matches each contact to its customer and person, and writes them when `write` is set.
private struct VCardWriterSession {
    let db: Database
    var report: VCardImportReport
    let write: Bool
    let now = Timestamp.now()
    /// Customer ids by number: the stored ones and those created (or, in a dry run, planned) here.
    var ids: [String: Int64] = [:]
    var link: CustomerLink
    var duplicates: ImportDuplicateCheck
    var fakeID: Int64 = -1
    /// People stored or planned in this run, by customer and name (a dry run has no rows to look up).
    var planned: Set<String> = []

    init(_ db: Database, report: VCardImportReport, write: Bool) throws {
        self.db = db; self.report = report; self.write = write
        let rows = try Row.fetchCursor(db, sql: "SELECT number, id FROM customer")
        while let row = try rows.next() { ids[row[0]] = row[1] }
        link = try CustomerLink(db, numbers: ids, prefix: "V")
        duplicates = try ImportDuplicateCheck(db, people: true)
    }

    /// The card's person under the customer its ORG names (found or created), or under a
    /// private customer of its own when it has no ORG: the rule of every people import.
    mutating func store(_ file: String, _ c: VCardContact) throws {
        var (person, channels) = VCardPerson.person(c, customerID: 0)
        let privatePerson = c.organization.isEmpty
        guard case .customer(let number) = link.customer(number: "", company: c.organization, person: person, create: true)
        else { return }
        var newCustomer = false
        let customerID: Int64
        if let id = ids[number] {
            customerID = id
        } else {
            let address = c.addresses.first { $0.kind == (privatePerson ? .home : .work) } ?? c.addresses.first
            if let a = address {
                link.amend(number) { customer in
                    customer.street = a.street; customer.postalCode = a.postalCode; customer.city = a.city
                    if a.country.count == 2, a.country.allSatisfy(\.isLetter) { customer.country = a.country.uppercased() }
                }
            }
            let customer = link.planned[number]!
            if write { customerID = try CustomerRecords.insert(db, customer, now: now) } else { customerID = fakeID; fakeID -= 1 }
            ids[number] = customerID
            duplicates.customer(customer, fields: ["name", "email", "phone", "postal_code"])
            report.createdCustomers += 1
            newCustomer = true
        }
        person.customerID = customerID
        let personKey = "\(customerID)\u{1F}\(person.firstName)\u{1F}\(person.lastName)"
        var newPerson = true
        if let existing = try Row.fetchOne(db, sql: """
            SELECT * FROM contact_person WHERE customer_id = ? AND first_name = ? AND last_name = ? ORDER BY id LIMIT 1
            """, arguments: [customerID, person.firstName, person.lastName]) {
            // What the card has replaces what is stored; what it lacks (a birthday, a role) stays.
            var merged = CustomerRecords.contact(existing)
            if !person.role.isEmpty { merged.role = person.role }
            if !person.email.isEmpty { merged.email = person.email }
            if !person.phone.isEmpty { merged.phone = person.phone }
            if let b = person.birthday { merged.birthday = b }
            if !person.notes.isEmpty { merged.notes = person.notes }
            if write {
                // A card lists all of a person's numbers: they replace the stored ones.
                if !channels.isEmpty {
                    merged = try ContactChannelRecords.store(db, person: merged, channels, covering: ContactChannelRecords.allKinds,
                                                             isNew: false)
                }
                try CustomerRecords.updateContact(db, merged)
            }
            person = merged
            newPerson = false
        } else if planned.contains(personKey) {
            newPerson = false
        } else if write {
            person.id = try CustomerRecords.insertContact(db, person)
            _ = try ContactChannelRecords.store(db, person: person, channels, covering: [], isNew: true)
        }
        planned.insert(personKey)
        duplicates.contact(person, customer: number, fields: ["email", "phone"])
        if newPerson { report.inserted += 1 } else { report.updated += 1 }
        let customerName = newCustomer ? link.planned[number]!.name
            : try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [customerID]) ?? number
        report.rows.append(.init(file: file, card: c.card, person: person, customer: customerName,
                                 newCustomer: newCustomer, newPerson: newPerson))
    }

    func finish(files: [String]) throws {
        let names = files.joined(separator: ", ")
        try Audit.record(db, actor: "import", entity: "contacts", id: nil, action: "import",
                         detail: StoredText("audit_line.import_vcards", [.text(names), .int(report.cards), .int(report.inserted),
                                                                  .int(report.updated), .int(report.createdCustomers)]).stored)
    }
}
