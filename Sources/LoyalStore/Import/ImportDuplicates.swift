import GRDB
import LoyalCore

/// A likely duplicate an import creates: a pair of customers or of contact persons, the
/// one the import created or changed first.
public struct ImportDuplicate: Sendable {
    public var contacts: Bool
    public var pair: DuplicatePair
}

/// The records an import created or changed that look like another one (customers and
/// people counted apart, added up), and a few of them as pairs.
public struct ImportDuplicates: Sendable {
    public var count = 0
    public var examples: [ImportDuplicate] = []
    public init() {}
}

/// The customers and contact persons as they will be once the import is written (the stored
/// ones with the file's rows laid over them), so a dry run warns as the import itself does
/// and nothing is read under the write lock. `DuplicateFinder` then looks only at pairs
/// with a record the file touched.
struct ImportDuplicateCheck {
    private var customers: [DuplicateRecord] = []
    private var customerAt: [String: Int] = [:]
    private var touchedCustomers = Set<Int64>()
    private var contacts: [DuplicateRecord] = []
    private var contactAt: [String: Int] = [:]
    private var touchedContacts = Set<Int64>()
    private var fakeID: Int64 = -1

    /// `people`: load the contact persons too (imports of people).
    init(_ db: Database, people: Bool) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, number, name, email, phone, postal_code FROM customer ORDER BY id")
        while let r = try rows.next() {
            customerAt[r[1]] = customers.count
            customers.append(DuplicateRecord(id: r[0], label: r[1], name: r[2], email: r[3], phone: r[4], place: r[5]))
        }
        guard people else { return }
        let people = try Row.fetchCursor(db, sql: """
            SELECT p.id, c.number, p.first_name, p.last_name, p.email, p.phone
            FROM contact_person p JOIN customer c ON c.id = p.customer_id ORDER BY p.id
            """)
        while let r = try people.next() {
            let person = ContactPerson(customerID: 0, firstName: r[2], lastName: r[3])
            let number: String = r[1]
            contactAt[Self.personKey(number, person)] = contacts.count
            contacts.append(DuplicateRecord(id: r[0], label: number, name: person.fullName, email: r[4], phone: r[5], place: number))
        }
    }

    private static func personKey(_ customer: String, _ p: ContactPerson) -> String {
        customer + "\u{1F}" + p.firstName + "\u{1F}" + p.lastName
    }

    private mutating func nextID() -> Int64 {
        defer { fakeID -= 1 }
        return fakeID
    }

    /// A customer row as it will be stored: the fields the file has over the stored ones.
    mutating func customer(_ c: Customer, fields: Set<String>) {
        if let i = customerAt[c.number] {
            if fields.contains("name") { customers[i].name = c.name }
            if fields.contains("email") { customers[i].email = c.email }
            if fields.contains("phone") { customers[i].phone = c.phone }
            if fields.contains("postal_code") { customers[i].place = c.postalCode }
            touchedCustomers.insert(customers[i].id)
        } else {
            let id = nextID()
            customerAt[c.number] = customers.count
            customers.append(DuplicateRecord(id: id, label: c.number, name: c.name, email: c.email, phone: c.phone,
                                             place: c.postalCode))
            touchedCustomers.insert(id)
        }
    }

    /// A person of the customer numbered `customer`, matched as the import matches it (same customer and name).
    mutating func contact(_ p: ContactPerson, customer: String, fields: Set<String>) {
        let key = Self.personKey(customer, p)
        if let i = contactAt[key] {
            if fields.contains("email") || contacts[i].email.isEmpty { contacts[i].email = p.email }
            if fields.contains("phone") || contacts[i].phone.isEmpty { contacts[i].phone = p.phone }
            touchedContacts.insert(contacts[i].id)
        } else {
            let id = nextID()
            contactAt[key] = contacts.count
            contacts.append(DuplicateRecord(id: id, label: customer, name: p.fullName, email: p.email, phone: p.phone,
                                            place: customer))
            touchedContacts.insert(id)
        }
    }

    /// The records this import touched that have a likely duplicate; a few as pairs,
    /// customers before people.
    func found(examples limit: Int = 3) -> ImportDuplicates {
        var out = ImportDuplicates()
        for (records, touched, people) in [(customers, touchedCustomers, false), (contacts, touchedContacts, true)]
        where !touched.isEmpty {
            let m = DuplicateFinder.matches(records, involving: touched, examples: limit)
            out.count += m.count
            out.examples += m.examples.map { ImportDuplicate(contacts: people, pair: $0) }
        }
        out.examples = Array(out.examples.prefix(limit))
        return out
    }
}
