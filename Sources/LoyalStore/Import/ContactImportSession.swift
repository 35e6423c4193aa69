import GRDB
import LoyalCore

// Contact persons: each row finds its customer (`CustomerLink`) in the first pass; the
// second creates the customers planned there and writes the person with its channels.
extension ImportSession {
    mutating func checkContact(_ row: inout ImportRow) {
        var record = ImportParser.contact(&row)
        if row.problems.isEmpty {
            switch link!.customer(number: record.customerNumber, company: record.companyName, person: record.contact,
                                  create: options.createCustomers) {
            case .customer(let number):
                record.customerNumber = number
            case .unknownNumber:
                row.addProblem(column: "customer", record.companyName.isEmpty
                               ? Text.tr("import_check.no_customer_number", record.customerNumber)
                               : Text.tr("import_check.no_customer_or_name", record.customerNumber, record.companyName))
            case .unknownCompany:
                row.addProblem(column: "company", Text.tr("import_check.no_customer_named", record.companyName))
            }
        }
        guard collect(row) else { return }
        if let planned = link!.planned[record.customerNumber] {
            duplicates?.customer(planned, fields: ["name", "email", "phone", "postal_code"])
        }
        let fields = Set(row.header.columns.keys)
        duplicates?.contact(record.contact, customer: record.customerNumber, fields: fields)
        pending.append(.contact(record, line: row.line, fields: fields))
    }

    mutating func writeContact(_ db: Database, _ record: ContactImportRecord, line: Int, fields: Set<String>) throws {
        guard !failing, let customerID = try linkedCustomerID(db, record.customerNumber, line: line) else { return }
        var contact = record.contact
        contact.customerID = customerID
        let covering = Set(ContactChannelCells.columns.filter { fields.contains($0.key) }
            .map { ContactChannelRecords.coverKey($0.medium, $0.kind) })
        let (person, inserted) = try storePerson(db, contact, fields: fields, channels: record.channels, covering: covering)
        if !record.extra.isEmpty, let id = person.id {
            try db.execute(sql: "UPDATE contact_person SET extra = ? WHERE id = ?", arguments: [record.extra, id])
        }
        if inserted { report.inserted += 1 } else { report.updated += 1 }
    }

    /// The customer a checked row was linked to: stored, or planned in the first pass and created now.
    mutating func linkedCustomerID(_ db: Database, _ number: String, line: Int) throws -> Int64? {
        if let id = customerIDs[number] { return id }
        guard let planned = link?.planned[number] else { return customerID(number, line: line) }
        let id = try CustomerRecords.insert(db, planned, now: now)
        customerIDs[number] = id
        report.createdCustomers += 1
        return id
    }

    /// Writes a person of a customer: the one stored under the same customer and name takes
    /// the fields the file has (`fields`), else the person is new. Its e-mails and phones
    /// replace the stored ones of the kinds the file has columns for (`covering`).
    mutating func storePerson(_ db: Database, _ contact: ContactPerson, fields: Set<String>,
                              channels: [ContactChannel] = [], covering: Set<String> = []) throws -> (ContactPerson, Bool) {
        if let existing = try Row.fetchOne(db, sql: """
            SELECT * FROM contact_person WHERE customer_id = ? AND first_name = ? AND last_name = ? ORDER BY id LIMIT 1
            """, arguments: [contact.customerID, contact.firstName, contact.lastName]) {
            var person = CustomerRecords.contact(existing)
            person.apply(contact, fields: fields)
            if !channels.isEmpty || !covering.isEmpty {
                person = try ContactChannelRecords.store(db, person: person, channels, covering: covering, isNew: false)
            }
            try CustomerRecords.updateContact(db, person)
            return (person, false)
        }
        var person = contact
        person.id = try CustomerRecords.insertContact(db, person)
        if !channels.isEmpty { _ = try ContactChannelRecords.store(db, person: person, channels, covering: covering, isNew: true) }
        return (person, true)
    }
}
