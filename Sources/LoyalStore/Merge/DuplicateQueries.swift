import GRDB
import LoyalCore

extension Store {
    /// Customers that are probably the same one (see `DuplicateFinder`), strongest first.
    public func duplicateCustomers() throws -> [DuplicatePair] {
        let records = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, number, name, email, phone, postal_code FROM customer ORDER BY id").map { r in
                DuplicateRecord(id: r[0], label: r[1], name: r[2], email: r[3], phone: r[4], place: r[5])
            }
        }
        return DuplicateFinder.pairs(records)
    }

    /// Contact persons that are probably the same person: same folded name, e-mail or
    /// phone anywhere, or similar names at the same customer.
    public func duplicateContacts() throws -> [DuplicatePair] {
        let records = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, c.number, p.first_name, p.last_name, p.email, p.phone, p.customer_id
                FROM contact_person p JOIN customer c ON c.id = p.customer_id ORDER BY p.id
                """).map { r -> DuplicateRecord in
                let first: String = r[2], last: String = r[3]
                let name = first.isEmpty ? last : last.isEmpty ? first : first + " " + last
                return DuplicateRecord(id: r[0], label: "\(r[1] as String)/\(r[0] as Int64)", name: name, email: r[4],
                                       phone: r[5], place: String(r[6] as Int64))
            }
        }
        return DuplicateFinder.pairs(records)
    }
}
