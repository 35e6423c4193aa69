import GRDB
import LoyalCore

extension Store {
    /// Customers that are probably the same one (see `DuplicateFinder`), strongest first.
    public func duplicateCustomers() throws -> [DuplicatePair] {
        DuplicateFinder.pairs(try pool.read(DuplicateRecords.customers))
    }

    /// Contact persons that are probably the same person: same folded name, e-mail or
    /// phone anywhere, or similar names at the same customer.
    public func duplicateContacts() throws -> [DuplicatePair] {
        DuplicateFinder.pairs(try pool.read(DuplicateRecords.contacts))
    }

    /// The customers that are probably the same as customer `id` (each pair's `a` is it),
    /// strongest first: the interface's "Likely duplicates" picker.
    public func duplicateCandidates(customer id: Int64) throws -> [DuplicatePair] {
        let records = try pool.read(DuplicateRecords.customers)
        guard let target = records.first(where: { $0.id == id }) else { return [] }
        return DuplicateFinder.candidates(of: target, among: records)
    }

    /// The contact persons that are probably the same as contact person `id`, strongest first.
    public func duplicateCandidates(contact id: Int64) throws -> [DuplicatePair] {
        let records = try pool.read(DuplicateRecords.contacts)
        guard let target = records.first(where: { $0.id == id }) else { return [] }
        return DuplicateFinder.candidates(of: target, among: records)
    }
}

/// Customers and contact persons as the duplicate finder sees them.
enum DuplicateRecords {
    static func customers(_ db: Database) throws -> [DuplicateRecord] {
        try Row.fetchAll(db, sql: "SELECT id, number, name, email, phone, postal_code FROM customer ORDER BY id").map { r in
            DuplicateRecord(id: r[0], label: r[1], name: r[2], email: r[3], phone: r[4], place: r[5])
        }
    }

    static func contacts(_ db: Database) throws -> [DuplicateRecord] {
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
}
