import GRDB
import LoyalCore

/// Edits made by people in the UI: each is one transaction with an audit entry.
extension Store {
    /// Saves the soft facts (and class override, potential) of a customer.
    public func saveSoftFacts(_ customer: Customer, actor: String) throws {
        guard let id = customer.id else { throw StoreError.invalid(Text.tr("store_error.customer_without_id")) }
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(Text.tr("store_error.customer_id_no_longer", id))
            }
            var current = CustomerRecords.customer(row)
            let before = current
            current.preferences = customer.preferences
            current.preferredChannel = customer.preferredChannel
            current.bestCallTimes = customer.bestCallTimes
            current.highSeason = customer.highSeason
            current.busyHours = customer.busyHours
            current.potential = customer.potential
            current.classOverride = customer.classOverride
            current.notes = customer.notes
            current.kind = customer.kind
            try CustomerRecords.update(db, current, now: Timestamp.now())
            try Audit.record(db, actor: actor, entity: "customer", id: id, action: "edit soft facts",
                             detail: Audit.diff(before: before, after: current),
                             changes: Audit.changes(before: before, after: current))
        }
    }

    /// Inserts (id nil) or updates a contact person; returns its id.
    @discardableResult
    public func saveContact(_ contact: ContactPerson, actor: String) throws -> Int64 {
        try pool.write { db in
            if let id = contact.id {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contact_person WHERE id = ?", arguments: [id]) else {
                    throw StoreError.notFound(Text.tr("store_error.contact_id_no_longer", id))
                }
                let before = CustomerRecords.contact(row)
                try CustomerRecords.updateContact(db, contact)
                try ContactChannelRecords.follow(db, before: before, after: contact)
                try Audit.record(db, actor: actor, entity: "contact_person", id: id, action: "edit",
                                 detail: Audit.diff(before: before, after: contact),
                                 changes: Audit.changes(before: before, after: contact))
                return id
            }
            let id = try CustomerRecords.insertContact(db, contact)
            try Audit.record(db, actor: actor, entity: "contact_person", id: id, action: "add",
                             detail: contact.fullName)
            return id
        }
    }

    public func customer(id: Int64) throws -> Customer? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [id]).map(CustomerRecords.customer)
        }
    }
}
