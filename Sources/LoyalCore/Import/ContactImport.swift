/// Contact persons from a CSV file: another CRM's people export or a plain list. A person
/// finds its customer by number (the export's company id), else by company name; a person
/// with neither is a private customer of its own (see `ContactImportRecord.isPrivate`).
extension ImportFields {
    public static let contacts: [ImportField] = [
        ImportField("customer", .text,
                    aliases: ["Kundennummer", "Kunden-Nr", "Kundennr", "KdNr", "Kd-Nr", "customer_id", "customer number",
                              "customer_number", "number", "Nummer", "company id"],
                    help: "customer number, or the export's company id (as the company import stored it)"),
        ImportField("company", .text,
                    aliases: ["Firma", "Firmenname", "company name", "Unternehmen", "organization", "Organisation",
                              "account name"],
                    help: "company name: finds the customer when the number does not (case, spaces, umlauts, ß/ss and "
                        + "legal forms aside); --create-customers creates a missing one"),
        ImportField("name", .text, aliases: ["full name", "Vollständiger Name", "Ansprechpartner"],
                    help: "the whole name, split into first and last name where the file has no such columns "
                        + "(\"Dr. Anna Schulz\", \"Schulz, Anna\"; a title is kept in extra as name_title)"),
        ImportField("first_name", .text, aliases: ["Vorname", "firstname", "given name"], help: "first name"),
        ImportField("last_name", .text, aliases: ["Nachname", "lastname", "surname", "family name"], help: "last name"),
        ImportField("role", .text, aliases: ["Funktion", "Position", "Rolle", "title", "job title"], help: "role"),
        ImportField("email", .text, aliases: ["E-Mail", "Mail", "E-Mail geschäftlich", "work email", "business email"],
                    help: "e-mail (work); a cell may hold several, separated by , ; or line breaks", severalPerCell: true),
        ImportField("email_home", .text, aliases: ["E-Mail privat", "private email", "home email", "personal email"],
                    help: "private e-mail(s)", severalPerCell: true),
        ImportField("email_other", .text, aliases: ["weitere E-Mail", "E-Mail 2", "other email", "second email"],
                    help: "further e-mail(s)", severalPerCell: true),
        ImportField("phone", .text, aliases: ["Telefon", "Tel", "Telefon geschäftlich", "work phone", "business phone",
                                              "telephone"],
                    help: "phone (work); several as for e-mail", severalPerCell: true),
        ImportField("mobile", .text, aliases: ["Mobil", "Handy", "Mobiltelefon", "Mobilnummer", "mobile phone",
                                               "cell phone"], help: "mobile phone(s)", severalPerCell: true),
        ImportField("phone_home", .text, aliases: ["Telefon privat", "home phone", "private phone"],
                    help: "private phone(s)", severalPerCell: true),
        ImportField("phone_other", .text, aliases: ["weitere Telefonnummer", "Telefon 2", "other phone"],
                    help: "further phone(s)", severalPerCell: true),
        ImportField("fax", .text, aliases: ["Telefax", "fax number"], help: "fax", severalPerCell: true),
        ImportField("birthday", .birthday, aliases: ["Geburtstag", "Geburtsdatum", "date of birth", "dob"], help: "birthday"),
        ImportField("partner_name", .text, aliases: ["Partner", "Ehepartner", "Partnername"], help: "partner's name"),
        ImportField("partner_birthday", .birthday, aliases: ["Geburtstag Partner", "Partner Geburtstag"],
                    help: "partner's birthday"),
        ImportField("left_on", .day, aliases: ["ausgeschieden", "ausgeschieden am", "Austritt", "left"],
                    help: "day the person left the company"),
        ImportField("primary", .flag, aliases: ["Hauptansprechpartner", "Hauptkontakt", "main contact"],
                    help: "main contact person"),
        ImportField("notes", .text, aliases: ["Notizen", "Bemerkung"], help: "notes"),
    ]
}

public struct ContactImportRecord: Sendable {
    /// The customer number or the export's company id; "" when the row has none.
    public var customerNumber: String
    /// The company's name, to find or create the customer by; "" when the row has none.
    public var companyName: String
    public var contact: ContactPerson
    /// Every e-mail and phone of the row with its kind, the person's own two included.
    public var channels: [ContactChannel] = []
    /// The row's values in columns no field took, as a JSON object ("" when none).
    public var extra: String = ""

    /// Neither a number nor a company: the person is a private customer (B2C) of its own.
    public var isPrivate: Bool { customerNumber.isEmpty && companyName.isEmpty }
}

extension ImportParser {
    public static func contact(_ row: inout ImportRow) -> ContactImportRecord {
        let name = personName(&row)
        var p = ContactPerson(customerID: 0, firstName: name.first, lastName: name.last)
        let reach = ContactChannelCells.read(row)
        p.email = reach.email; p.phone = reach.phone
        p.role = row.text("role")
        p.birthday = row.birthday("birthday"); p.partnerName = row.text("partner_name")
        p.partnerBirthday = row.birthday("partner_birthday"); p.leftOn = row.day("left_on")
        p.isPrimary = row.flag("primary") ?? false; p.notes = row.text("notes")
        var extra = extra(row)
        // A title split off the whole name is kept with the other columns no field took.
        if !name.title.isEmpty {
            let title = JSONText.string("name_title") + ":" + JSONText.string(name.title)
            extra = extra.isEmpty ? "{" + title + "}" : String(extra.dropLast()) + "," + title + "}"
        }
        // HubSpot lists several associated companies as `9001;9002`: the first is the person's.
        let customer = row.text("customer").split(separator: ";").first.map { String($0.trimmingSpaces) } ?? ""
        return ContactImportRecord(customerNumber: customer, companyName: row.text("company"), contact: p,
                                   channels: reach.all, extra: extra)
    }

    /// First and last name from their columns, else from the whole name: "Vorname;Name"
    /// files mean the last name by "Name", exports with only "Name" the whole one.
    static func personName(_ row: inout ImportRow) -> PersonName {
        let first = row.text("first_name"), last = row.text("last_name"), whole = row.text("name")
        var name = PersonName(first: first, last: last)
        if last.isEmpty, !whole.isEmpty {
            let split = PersonName(splitting: whole)
            if first.isEmpty { name = split }
            else if split.first.isEmpty || split.first == first { name = PersonName(first: first, last: split.last, title: split.title) }
            else { name = PersonName(first: first, last: whole) }
        }
        if name.last.isEmpty && name.first.isEmpty {
            let key = row.has("last_name") || !row.has("name") ? "last_name" : "name"
            row.appendProblem(ImportProblem(line: row.line, column: row.headerNames[key] ?? key, message: Text.tr("import_check.is_empty")))
        }
        return name
    }
}
