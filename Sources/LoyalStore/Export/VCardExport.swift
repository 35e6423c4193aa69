import GRDB
import LoyalCore

extension Store {
    /// Streams the contact persons (of one customer, by number, when given) as vCard 4.0
    /// cards through `write`; returns how many. A person of a private customer (one named
    /// after the person) gets no ORG, so the card reads as a private contact elsewhere and
    /// comes back to the same customer when imported again.
    public func exportVCards(customerNumber: String?, write: (String) throws -> Void) throws -> Int {
        try pool.read { db in
            var sql = """
                SELECT p.*, c.number AS customer_number, c.name AS customer_name
                FROM contact_person p JOIN customer c ON c.id = p.customer_id
                """
            var arguments: StatementArguments = []
            if let number = customerNumber {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE number = ?", arguments: [number]) != nil else {
                    throw StoreError.notFound(Text.tr("store_error.no_customer_quoted", number))
                }
                sql += " WHERE c.number = ?"
                arguments = [number]
            }
            sql += " ORDER BY c.number, p.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            var count = 0
            while let row = try rows.next() {
                let person = CustomerRecords.contact(row)
                let customer: String = row["customer_name"]
                let organization = customer == person.fullName ? nil : customer
                let uid = "urn:loyal:\(row["customer_number"] as String):contact:\(person.id ?? 0)"
                let channels = try ContactChannelRecords.of(db, person: person.id ?? 0)
                try write(VCardWriter.card(VCardExportEntry(uid: uid, person: person, organization: organization,
                                                            channels: channels)))
                count += 1
            }
            return count
        }
    }
}
