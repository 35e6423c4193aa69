/// A validated customer row. Only the columns the file has are applied to an
/// existing customer, so a file with just number and phone updates phones.
public struct CustomerImportRecord: Sendable {
    public var customer: Customer
    public var repCode: String?
    public var consents: [Channel: Bool]
    public var consentDay: Day?
    public var presentFields: Set<String>
    /// The row's values in columns no field took, as a JSON object ("" when none).
    public var extra: String = ""
    /// The person the row names (first and last name, birthday), the customer's contact.
    public var person: ContactPerson?
    /// The row had no company name: a new customer is a private one, named after the person.
    public var namedAfterPerson = false
}

public struct ProductImportRecord: Sendable {
    public var product: Product
}

public struct PurchaseImportRecord: Sendable {
    public var line: Int
    public var customerNumber: String
    public var productSKU: String?
    public var purchase: Purchase
}

public struct AbsenceImportRecord: Sendable {
    public var repCode: String
    public var from: Day
    public var to: Day
    public var reason: String
}

/// Turns CSV rows into domain values; every problem of a row is reported.
public enum ImportParser {
    /// `{"Lead Status":"Open","Create Date":"2024-01-15 10:22"}`: the non-empty cells of the
    /// columns no field took, in file order, so nothing an export carried is dropped.
    public static func extra(_ row: ImportRow) -> String {
        let cells = row.header.extraColumns.compactMap { column -> String? in
            guard column.index < row.record.fields.count else { return nil }
            let value = row.record.fields[column.index].trimmingSpaces
            return value.isEmpty ? nil : JSONText.string(column.header) + ":" + JSONText.string(String(value))
        }
        return cells.isEmpty ? "" : "{" + cells.joined(separator: ",") + "}"
    }

    /// The ISO code of the row's country cell ("Deutschland", "Austria", "CH"); DE when empty.
    static func country(_ row: inout ImportRow) -> String {
        let cell = row.text("country")
        if cell.isEmpty { return "DE" }
        if let code = CountryCodes.code(cell) { return code }
        row.appendProblem(ImportProblem(line: row.line, column: row.headerNames["country"] ?? "country",
                                        message: Text.tr("import_check.unknown_country", cell)))
        return cell
    }

    public static func absence(_ row: inout ImportRow) -> AbsenceImportRecord {
        let rep = row.require("rep")
        if row.text("from").isEmpty { _ = row.require("from") }
        let from = row.day("from") ?? Day(number: 0)
        let to = row.day("to") ?? from
        let reason = row.text("reason")
        if row.problems.isEmpty, let problem = Absence.problem(from: from, to: to, reason: reason) {
            row.appendProblem(ImportProblem(line: row.line, column: row.headerNames["to"] ?? "to", message: problem))
        }
        return AbsenceImportRecord(repCode: rep, from: from, to: to, reason: reason)
    }

    public static func customer(_ row: inout ImportRow) -> CustomerImportRecord {
        var person = customerPerson(&row)
        let present = Set(row.header.columns.keys)
        let named = person != nil && row.text("name").isEmpty
        var c = Customer(number: row.require("number"), name: named ? person!.fullName : row.has("name") ? row.require("name") : "")
        c.street = row.text("street"); c.postalCode = row.text("postal_code"); c.city = row.text("city")
        c.country = ImportParser.country(&row)
        c.phone = row.text("phone"); c.email = row.text("email"); c.website = row.text("website")
        // A private customer is the person: the row's e-mail and phone are the person's too.
        if named { person?.email = c.email; person?.phone = c.phone }
        c.industry = row.text("industry"); c.employees = row.integer("employees")
        if let n = c.employees, n < 0 {
            // The schema refuses it; say so with the line instead of failing the whole import on SQL.
            row.appendProblem(ImportProblem(line: row.line, column: row.headerNames["employees"] ?? "employees",
                                            message: Text.tr("import_check.bad_employees", row.text("employees"))))
            c.employees = nil
        }
        c.revenueBand = row.text("revenue_band"); c.since = row.day("since")
        c.preferences = row.text("preferences"); c.preferredChannel = row.channel("preferred_channel")
        c.bestCallTimes = row.text("best_call_times"); c.highSeason = row.text("high_season")
        c.busyHours = row.text("busy_hours"); c.potential = row.money("potential")
        c.classOverride = row.customerClass("class"); c.notes = row.text("notes")
        c.kind = row.customerKind("kind") ?? (named ? .consumer : .business)
        var consents: [Channel: Bool] = [:]
        for (key, channel) in [("consent_email", Channel.email), ("consent_phone", .phone),
                               ("consent_newsletter", .newsletter)] {
            if let v = row.flag(key) { consents[channel] = v }
        }
        let rep = row.text("rep")
        return CustomerImportRecord(customer: c, repCode: rep.isEmpty ? nil : rep, consents: consents,
                                    consentDay: row.day("consent_date"), presentFields: present, extra: extra(row),
                                    person: person, namedAfterPerson: named)
    }

    /// The contact person a customer row names, nil when it names none.
    static func customerPerson(_ row: inout ImportRow) -> ContactPerson? {
        let first = row.text("first_name"), last = row.text("last_name"), birthday = row.birthday("birthday")
        guard !first.isEmpty || !last.isEmpty else {
            if birthday != nil {
                row.appendProblem(ImportProblem(line: row.line, column: row.headerNames["birthday"] ?? "birthday",
                                                message: Text.tr("import_check.birthday_needs_name")))
            }
            return nil
        }
        var p = ContactPerson(customerID: 0, firstName: first, lastName: last)
        p.birthday = birthday
        return p
    }

    public static func product(_ row: inout ImportRow) -> ProductImportRecord {
        let p = Product(sku: row.require("sku"), name: row.require("name"), category: row.text("category"),
                        price: row.money("price") ?? .zero, margin: row.money("margin"))
        return ProductImportRecord(product: p)
    }

    public static func purchase(_ row: inout ImportRow) -> PurchaseImportRecord {
        let number = row.require("customer")
        if row.text("date").isEmpty { _ = row.require("date") }
        if row.text("amount").isEmpty { _ = row.require("amount") }
        let day = row.day("date")
        let amount = row.money("amount")
        let quantity = row.integer("quantity") ?? 1
        let sku = row.text("product")
        let p = Purchase(customerID: 0, day: day ?? Day(number: 0), amount: amount ?? .zero,
                         margin: row.money("margin"), discount: row.money("discount"),
                         quantity: quantity, reference: row.text("reference"))
        return PurchaseImportRecord(line: row.line, customerNumber: number, productSKU: sku.isEmpty ? nil : sku, purchase: p)
    }
}
