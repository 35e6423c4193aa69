import GRDB
import LoyalCore

enum PurchaseImport {
    static let upsertSQL = """
        INSERT INTO purchase (customer_id, day, amount_cents, margin_cents, discount_cents, product_id,
                              quantity, reference, import_batch_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (customer_id, reference, ifnull(product_id, 0)) WHERE reference <> '' DO UPDATE SET
            day = excluded.day, amount_cents = excluded.amount_cents, margin_cents = excluded.margin_cents,
            discount_cents = excluded.discount_cents, quantity = excluded.quantity,
            import_batch_id = excluded.import_batch_id
        """
}

// First pass: each row is parsed and checked against the keys of one read; nothing is written.
extension ImportSession {
    mutating func checkCustomer(_ row: inout ImportRow) {
        let record = ImportParser.customer(&row)
        if let previous = seenKeys[record.customer.number], !record.customer.number.isEmpty {
            row.addProblem(column: "number", Text.tr("import_check.appears_again", record.customer.number, previous))
        } else {
            seenKeys[record.customer.number] = row.line
        }
        if !row.has("name"), !record.namedAfterPerson, !record.customer.number.isEmpty,
           customerIDs[record.customer.number] == nil {
            row.addProblem(column: "name", Text.tr("import_check.needs_name"))
        }
        guard collect(row) else { return }
        if customerIDs[record.customer.number] == nil { report.inserted += 1 } else { report.updated += 1 }
        // As the write will store it: a row naming only its person names a new customer, not a known one.
        var stored = record.presentFields
        if record.namedAfterPerson {
            if customerIDs[record.customer.number] == nil { stored.insert("name") } else { stored.remove("name") }
        }
        duplicates?.customer(record.customer, fields: stored)
        if let person = record.person {
            duplicates?.contact(person, customer: record.customer.number,
                                fields: record.namedAfterPerson ? record.presentFields : [])
        }
        pending.append(.customer(record, line: row.line))
    }

    mutating func checkProduct(_ row: inout ImportRow) {
        let record = ImportParser.product(&row)
        if let previous = seenKeys[record.product.sku], !record.product.sku.isEmpty {
            row.addProblem(column: "sku", Text.tr("import_check.appears_again", record.product.sku, previous))
        } else {
            seenKeys[record.product.sku] = row.line
        }
        guard collect(row) else { return }
        if productIDs[record.product.sku] == nil { report.inserted += 1 } else { report.updated += 1 }
        pending.append(.product(record, fields: Set(row.header.columns.keys)))
    }

    mutating func checkPurchase(_ row: inout ImportRow) {
        let record = ImportParser.purchase(&row)
        for problem in missingKeys(record) { row.addProblem(column: problem.column, problem.message) }
        if !record.purchase.reference.isEmpty {
            let key = "\(record.customerNumber)\u{1F}\(record.purchase.reference)\u{1F}\(record.productSKU ?? "")"
            if let previous = seenKeys[key] {
                row.addProblem(column: "reference", Text.tr("import_check.reference_again", record.purchase.reference, previous))
            } else {
                seenKeys[key] = row.line
            }
        }
        guard collect(row) else { return }
        report.inserted += 1
        pending.append(.purchase(record))
    }

    /// A purchase's customer and product must exist unless the options create them.
    func missingKeys(_ record: PurchaseImportRecord) -> [(column: String, message: String)] {
        var missing: [(column: String, message: String)] = []
        if customerIDs[record.customerNumber] == nil, !record.customerNumber.isEmpty, !options.createCustomers {
            missing.append(("customer", Text.tr("import_check.no_customer_import_first", record.customerNumber)))
        }
        if let sku = record.productSKU, productIDs[sku] == nil, !options.createProducts {
            missing.append(("product", Text.tr("import_check.no_product_import_first", sku)))
        }
        return missing
    }

    mutating func checkFeedback(_ row: inout ImportRow) {
        let record = ImportParser.feedback(&row, today: options.today)
        if customerIDs[record.customerNumber] == nil, !record.customerNumber.isEmpty {
            row.addProblem(column: "customer", Text.tr("import_check.no_customer", record.customerNumber))
        }
        guard collect(row) else { return }
        report.inserted += 1
        pending.append(.feedback(record, line: row.line))
    }
}

// Second pass: the checked rows are written in one transaction. A key that went away
// since the first pass (another Loyal changed the file meanwhile) is a problem of its line.
extension ImportSession {
    mutating func customerID(_ number: String, line: Int) -> Int64? {
        guard let id = customerIDs[number] else {
            add(ImportProblem(line: line, column: "customer", message: Text.tr("import_check.no_customer_any_more", number)))
            return nil
        }
        return id
    }

    mutating func writeCustomer(_ db: Database, _ record: CustomerImportRecord, line: Int) throws {
        guard !failing else { return }
        var incoming = record.customer
        if let code = record.repCode { incoming.repID = try repID(db, code) }
        let id: Int64
        if let existingID = customerIDs[incoming.number],
           let row = try Row.fetchOne(db, sql: "SELECT * FROM customer WHERE id = ?", arguments: [existingID]) {
            var merged = CustomerRecords.customer(row)
            var fields = record.presentFields
            // A known customer keeps its name and kind when a row names only its person.
            if record.namedAfterPerson { fields.subtract(["name", "kind"]) }
            merged.apply(incoming, fields: fields)
            try CustomerRecords.update(db, merged, now: now)
            id = existingID
            report.updated += 1
        } else {
            if !record.presentFields.contains("name") && !record.namedAfterPerson {
                add(ImportProblem(line: line, column: "name", message: Text.tr("import_check.needs_name")))
                return
            }
            id = try CustomerRecords.insert(db, incoming, now: now)
            customerIDs[incoming.number] = id
            report.inserted += 1
        }
        if !record.extra.isEmpty {
            try db.execute(sql: "UPDATE customer SET extra = ? WHERE id = ?", arguments: [record.extra, id])
        }
        if let person = record.person {
            var p = person
            p.customerID = id
            // The row's e-mail and phone are the person's only when the customer is the person.
            let own = !record.namedAfterPerson ? []
                : ContactChannelCells.columns.filter { $0.kind == .work && record.presentFields.contains($0.key) }
            let channels = own.map { ContactChannel($0.medium, .work, $0.medium == .email ? p.email : p.phone) }
            _ = try storePerson(db, p, fields: record.presentFields.intersection(["birthday"]), channels: channels,
                                covering: Set(own.map { ContactChannelRecords.coverKey($0.medium, .work) }))
        }
        for (channel, granted) in record.consents {
            try CustomerRecords.importConsent(db, Consent(customerID: id, channel: channel, granted: granted,
                                                          on: record.consentDay ?? options.today,
                                                          source: "import \(fileName)"),
                                              dated: record.consentDay != nil)
        }
    }

    mutating func repID(_ db: Database, _ code: String) throws -> Int64 {
        if let id = repIDs[code] { return id }
        let id = try CommerceRecords.insertRep(db, Rep(code: code, name: code))
        repIDs[code] = id
        report.createdReps.append(code)
        return id
    }

    mutating func writeProduct(_ db: Database, _ record: ProductImportRecord, fields: Set<String>) throws {
        guard !failing else { return }
        var product = record.product
        if let id = productIDs[product.sku] {
            report.updated += 1
            if let existing = try Row.fetchOne(db, sql: "SELECT * FROM product WHERE id = ?", arguments: [id]) {
                // Only the columns the file has replace what is stored.
                var merged = CommerceRecords.product(existing)
                merged.id = nil
                merged.name = product.name
                if fields.contains("category") { merged.category = product.category }
                if fields.contains("price") { merged.price = product.price }
                if fields.contains("margin") { merged.margin = product.margin }
                product = merged
            }
        } else {
            report.inserted += 1
        }
        try CommerceRecords.upsertProduct(db, product)
        productIDs[record.product.sku] = try Int64.fetchOne(db, sql: "SELECT id FROM product WHERE sku = ?",
                                                            arguments: [record.product.sku])
    }

    mutating func writePurchase(_ db: Database, _ record: PurchaseImportRecord, statement: Statement) throws {
        for problem in missingKeys(record) {
            add(ImportProblem(line: record.line, column: problem.column, message: Text.tr("import_check.any_more", problem.message)))
        }
        guard !failing else { return }
        var customerID = customerIDs[record.customerNumber]
        var productID = record.productSKU.flatMap { productIDs[$0] }
        if customerID == nil {
            customerID = try CustomerRecords.insert(db, Customer(number: record.customerNumber, name: record.customerNumber),
                                                    now: now)
            customerIDs[record.customerNumber] = customerID
            report.createdCustomers += 1
        }
        if productID == nil, let sku = record.productSKU {
            try CommerceRecords.upsertProduct(db, Product(sku: sku, name: sku, category: "", price: .zero))
            productID = db.lastInsertedRowID
            productIDs[sku] = productID
            report.createdProducts += 1
        }
        let p = record.purchase
        let values: [(any DatabaseValueConvertible)?] = [
            customerID, p.day.iso, p.amount.cents, p.margin.sql, p.discount.sql, productID, p.quantity, p.reference, batchID,
        ]
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
        if db.changesCount > 0 { report.inserted += 1 }
        touchedCustomers.insert(customerID!)
    }

    mutating func writeFeedback(_ db: Database, _ record: FeedbackImportRecord, line: Int) throws {
        guard let customerID = customerID(record.customerNumber, line: line), !failing else { return }
        var visit = record.report
        visit.customerID = customerID
        _ = try Store.recordVisit(db, visit, actor: "import")
        report.inserted += 1
    }
}

extension ImportRow {
    mutating func addProblem(column key: String, _ message: String) {
        appendProblem(ImportProblem(line: line, column: header.headerNames[key] ?? key, message: message))
    }
}

extension Customer {
    /// Copies the fields an import file has onto an existing customer.
    mutating func apply(_ other: Customer, fields: Set<String>) {
        if fields.contains("name") { name = other.name }
        if fields.contains("street") { street = other.street }
        if fields.contains("postal_code") { postalCode = other.postalCode }
        if fields.contains("city") { city = other.city }
        if fields.contains("country") { country = other.country }
        if fields.contains("phone") { phone = other.phone }
        if fields.contains("email") { email = other.email }
        if fields.contains("website") { website = other.website }
        if fields.contains("industry") { industry = other.industry }
        if fields.contains("employees") { employees = other.employees }
        if fields.contains("revenue_band") { revenueBand = other.revenueBand }
        if fields.contains("rep") { repID = other.repID }
        if fields.contains("since") { since = other.since }
        if fields.contains("preferences") { preferences = other.preferences }
        if fields.contains("preferred_channel") { preferredChannel = other.preferredChannel }
        if fields.contains("best_call_times") { bestCallTimes = other.bestCallTimes }
        if fields.contains("high_season") { highSeason = other.highSeason }
        if fields.contains("busy_hours") { busyHours = other.busyHours }
        if fields.contains("potential") { potential = other.potential }
        if fields.contains("class") { classOverride = other.classOverride }
        if fields.contains("kind") { kind = other.kind }
        if fields.contains("notes") { notes = other.notes }
    }
}

extension ContactPerson {
    /// Copies the fields an import file has onto an existing contact person.
    mutating func apply(_ other: ContactPerson, fields: Set<String>) {
        // E-mail and phone follow the person's channels (`ContactChannelRecords.store`).
        if fields.contains("role") { role = other.role }
        if fields.contains("birthday") { birthday = other.birthday }
        if fields.contains("partner_name") { partnerName = other.partnerName }
        if fields.contains("partner_birthday") { partnerBirthday = other.partnerBirthday }
        if fields.contains("left_on") { leftOn = other.leftOn }
        if fields.contains("primary") { isPrimary = other.isPrimary }
        if fields.contains("notes") { notes = other.notes }
    }
}
