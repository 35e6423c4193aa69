import GRDB
import LoyalCore

/// Rows of `customer`, `consent` and `contact_person` to domain values and back.
enum CustomerRecords {
    static let columns = """
        number, name, street, postal_code, city, country, phone, email, website, industry, employees,
        revenue_band, rep_id, since, preferences, preferred_channel, best_call_times, high_season, busy_hours,
        potential_cents, class_override, notes, status, lost_on, lost_reason, returned_on, search_key, sort_name, sort_city, kind
        """

    static func arguments(_ c: Customer) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = [
            c.number, c.name, c.street, c.postalCode, c.city, c.country, c.phone, c.email, c.website, c.industry,
            c.employees, c.revenueBand, c.repID, c.since.sql, c.preferences, c.preferredChannel?.rawValue,
            c.bestCallTimes, c.highSeason, c.busyHours, c.potential.sql, c.classOverride?.rawValue, c.notes,
            c.status.rawValue, c.lostOn.sql, c.lostReason?.rawValue, c.returnedOn.sql,
        ]
        for key in searchKeys(number: c.number, name: c.name, city: c.city) { values.append(key) }
        values.append(c.kind.rawValue)
        return StatementArguments(values)
    }

    /// search_key, sort_name and sort_city: what a customer is found and sorted by.
    static func searchKeys(number: String, name: String, city: String) -> [String] {
        [SearchKey.forCustomer(number: number, name: name, city: city), SearchKey.fold(name), SearchKey.fold(city)]
    }

    /// Inserts and returns the id (the given one, if set).
    @discardableResult
    static func insert(_ db: Database, _ c: Customer, now: String) throws -> Int64 {
        var args: StatementArguments = [c.id]
        args += arguments(c)
        args += [now, now, c.repID]
        let placeholders = Array(repeating: "?", count: 33).joined(separator: ", ")
        // The rep sort key written with the row, so its trigger (RepSortMigration) has nothing to
        // fix: a second write per imported customer would cost a third of the insert.
        try db.cachedStatement(sql: """
            INSERT INTO customer (id, \(columns), created_at, updated_at, rep_sort)
            VALUES (\(placeholders), ifnull((SELECT sort_name FROM rep WHERE id = ?), ''))
            """).execute(arguments: args)
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO customer_stats (customer_id, as_of) VALUES (?, '1970-01-01')")
            .execute(arguments: [id])
        return id
    }

    static func update(_ db: Database, _ c: Customer, now: String) throws {
        guard let id = c.id else { throw StoreError.invalid(Text.tr("store_error.customer_no_id", c.number)) }
        let sets = columns.split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespacesAndNewlines)) = ?" }
        // A changed postal address is remembered (the customer may be moving away).
        try db.execute(sql: """
            UPDATE customer SET address_changed_on = ? WHERE id = ? AND (street <> ? OR postal_code <> ? OR city <> ?)
                AND (street <> '' OR city <> '')
            """, arguments: [String(now.prefix(10)), id, c.street, c.postalCode, c.city])
        var args = arguments(c)
        args += [now, id]
        try db.cachedStatement(sql: "UPDATE customer SET \(sets.joined(separator: ", ")), updated_at = ? WHERE id = ?")
            .execute(arguments: args)
        // The effective class follows a changed override at once.
        try db.execute(sql: """
            UPDATE customer_stats SET class = coalesce(:override, computed_class),
                class_rank = (CASE coalesce(:override, computed_class) WHEN 'A' THEN 0 WHEN 'B' THEN 1 ELSE 2 END)
                             * 1000000000000000 - min(max(revenue_12m_cents, 0), 999999999999999)
            WHERE customer_id = :id
            """, arguments: ["override": c.classOverride?.rawValue, "id": id])
    }

    static func customer(_ row: Row) -> Customer {
        var c = Customer(id: row["id"], number: row["number"], name: row["name"])
        c.street = row["street"]; c.postalCode = row["postal_code"]; c.city = row["city"]; c.country = row["country"]
        c.phone = row["phone"]; c.email = row["email"]; c.website = row["website"]; c.industry = row["industry"]
        c.employees = row["employees"]; c.revenueBand = row["revenue_band"]; c.repID = row["rep_id"]
        c.since = row.day("since"); c.preferences = row["preferences"]
        c.preferredChannel = (row["preferred_channel"] as String?).flatMap(Channel.init(rawValue:))
        c.bestCallTimes = row["best_call_times"]; c.highSeason = row["high_season"]; c.busyHours = row["busy_hours"]
        c.potential = row.money("potential_cents")
        c.classOverride = (row["class_override"] as String?).flatMap(CustomerClass.init(rawValue:))
        c.notes = row["notes"]
        c.status = CustomerStatus(rawValue: row["status"]) ?? .active
        c.lostOn = row.day("lost_on")
        c.lostReason = (row["lost_reason"] as String?).flatMap(LostReason.init(rawValue:))
        c.returnedOn = row.day("returned_on")
        c.kind = (row["kind"] as String?).flatMap(CustomerKind.init(rawValue:)) ?? .business
        return c
    }

    static func contactColumns() -> String {
        "customer_id, first_name, last_name, role, email, phone, birthday, partner_name, partner_birthday, left_on, is_primary, notes"
    }

    static func contactArguments(_ p: ContactPerson) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            p.customerID, p.firstName, p.lastName, p.role, p.email, p.phone, p.birthday?.description,
            p.partnerName, p.partnerBirthday?.description, p.leftOn.sql, p.isPrimary, p.notes,
        ]
        return StatementArguments(values)
    }

    /// One main contact per customer: making `p` the main one makes the one before an
    /// ordinary contact, in the same transaction (interface, imports, vCards alike).
    static func demoteOtherMainContact(_ db: Database, _ p: ContactPerson) throws {
        guard p.isPrimary else { return }
        try db.cachedStatement(sql: "UPDATE contact_person SET is_primary = 0 WHERE customer_id = ? AND is_primary = 1 AND id IS NOT ?")
            .execute(arguments: [p.customerID, p.id])
    }

    @discardableResult
    static func insertContact(_ db: Database, _ p: ContactPerson) throws -> Int64 {
        try demoteOtherMainContact(db, p)
        var args: StatementArguments = [p.id]
        args += contactArguments(p)
        try db.cachedStatement(sql: "INSERT INTO contact_person (id, \(contactColumns())) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .execute(arguments: args)
        return db.lastInsertedRowID
    }

    static func updateContact(_ db: Database, _ p: ContactPerson) throws {
        guard let id = p.id else { throw StoreError.invalid(Text.tr("store_error.contact_no_id")) }
        try demoteOtherMainContact(db, p)
        let sets = contactColumns().split(separator: ",").map { "\($0.trimmingCharacters(in: .whitespaces)) = ?" }
        var args = contactArguments(p)
        args += [id]
        try db.execute(sql: "UPDATE contact_person SET \(sets.joined(separator: ", ")) WHERE id = ?", arguments: args)
    }

    static func contact(_ row: Row) -> ContactPerson {
        var p = ContactPerson(id: row["id"], customerID: row["customer_id"], firstName: row["first_name"],
                              lastName: row["last_name"])
        p.role = row["role"]; p.email = row["email"]; p.phone = row["phone"]
        p.birthday = row.birthday("birthday"); p.partnerName = row["partner_name"]
        p.partnerBirthday = row.birthday("partner_birthday"); p.leftOn = row.day("left_on")
        p.isPrimary = row["is_primary"]; p.notes = row["notes"]
        return p
    }

    static func upsertConsent(_ db: Database, _ c: Consent) throws {
        try db.cachedStatement(sql: """
            INSERT INTO consent (customer_id, channel, granted, given_on, source) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (customer_id, channel) DO UPDATE SET granted = excluded.granted,
                given_on = excluded.given_on, source = excluded.source
            """).execute(arguments: [c.customerID, c.channel.rawValue, c.granted, c.on.iso, c.source])
    }

    /// An imported consent. An answer the customer already gave keeps its day and source:
    /// re-importing an export (which carries the answers, not their days) is no new
    /// consent. A changed answer, or a file that names another day (`dated`), is recorded.
    static func importConsent(_ db: Database, _ c: Consent, dated: Bool) throws {
        try db.cachedStatement(sql: """
            INSERT INTO consent (customer_id, channel, granted, given_on, source) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (customer_id, channel) DO UPDATE SET granted = excluded.granted,
                given_on = excluded.given_on, source = excluded.source
            WHERE consent.granted <> excluded.granted OR (? AND consent.given_on <> excluded.given_on)
            """).execute(arguments: [c.customerID, c.channel.rawValue, c.granted, c.on.iso, c.source, dated])
    }

    static func consent(_ row: Row) -> Consent? {
        guard let channel = Channel(rawValue: row["channel"]), let on = row.day("given_on") else { return nil }
        return Consent(customerID: row["customer_id"], channel: channel, granted: row["granted"], on: on,
                       source: row["source"])
    }
}
