import GRDB
import LoyalCore

/// A customer created or edited in the interface: its number, name, address, rep and class
/// override. One transaction with its audit entry; a rep's write triggers (ScopeGuard)
/// refuse a customer of another rep, so a rep creates customers only for themselves.
extension Store {
    /// Inserts `customer` (id nil) or updates its master data; returns its id. `repCode` nil
    /// leaves the customer without a rep. Refuses a number another customer has.
    @discardableResult
    public func saveCustomer(_ customer: Customer, repCode: String?, actor: String) throws -> Int64 {
        try pool.write { db in
            // main.customer: a rep who sees only their own customers must not take another rep's number either.
            if let other = try Row.fetchOne(db, sql: "SELECT id, name FROM main.customer WHERE number = ? AND id IS NOT ?",
                                            arguments: [customer.number, customer.id]) {
                throw StoreError.invalid(CustomerSaving.numberTaken(customer.number, by: other["name"]))
            }
            var repID: Int64?
            if let repCode {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM main.rep WHERE code = ? COLLATE NOCASE",
                                                  arguments: [repCode]) else {
                    throw StoreError.notFound(Text.tr("store_error.no_rep_code", repCode))
                }
                repID = id
            }
            let now = Timestamp.now()
            guard let id = customer.id else {
                var c = customer
                c.repID = repID
                let id = try CustomerRecords.insert(db, c, now: now)
                c.id = id
                // The effective class follows an override at once (the update sets it in the statistics).
                if c.classOverride != nil { try CustomerRecords.update(db, c, now: now) }
                try Audit.record(db, actor: actor, entity: "customer", id: id, action: "add",
                                 detail: "\(c.number) \(c.name)",
                                 changes: CustomerSaving.fields(of: c, repCode: repCode).map { AuditChange($0.0, nil, $0.1) })
                return id
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(Text.tr("store_error.customer_id_no_longer", id))
            }
            let before = CustomerRecords.customer(row)
            var after = before
            after.number = customer.number; after.name = customer.name
            after.street = customer.street; after.postalCode = customer.postalCode; after.city = customer.city
            after.country = customer.country; after.repID = repID; after.classOverride = customer.classOverride
            try CustomerRecords.update(db, after, now: now)
            try Audit.record(db, actor: actor, entity: "customer", id: id, action: "edit",
                             detail: Audit.diff(before: before, after: after),
                             changes: Audit.changes(before: before, after: after))
            return id
        }
    }

    /// The customer with this number (any rep's), for the form's inline check.
    public func customerNumberTaken(_ number: String, except id: Int64?) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT name FROM customer WHERE number = ? AND id IS NOT ?", arguments: [number, id])
        }
    }
}

enum CustomerSaving {
    static func numberTaken(_ number: String, by name: String) -> String {
        Text.tr("store_error.number_taken", number, name)
    }

    /// The master data of a new customer, as the audit lists it.
    static func fields(of c: Customer, repCode: String?) -> [(String, String)] {
        [("number", c.number), ("name", c.name), ("street", c.street), ("postalCode", c.postalCode), ("city", c.city),
         ("country", c.country), ("rep", repCode ?? ""), ("classOverride", c.classOverride?.rawValue ?? "")]
            .filter { !$0.1.isEmpty }
    }
}
