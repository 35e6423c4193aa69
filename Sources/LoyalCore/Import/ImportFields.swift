/// The accepted header names per import; the README's table is printed from here
/// (`loyal import --columns ENTITY`) so documentation cannot drift from the code.
public enum ImportFields {
    static let customerNumber = ImportField("customer", .text, required: true,
        aliases: ["Kundennummer", "Kunden-Nr", "Kundennr", "KdNr", "Kd-Nr", "customer_id", "customer number",
                  "customer_number", "number", "Nummer", "Kunde"],
        help: "customer number")

    public static let customers: [ImportField] = [
        ImportField("number", .text, required: true,
                    aliases: ["Kundennummer", "Kunden-Nr", "Kundennr", "KdNr", "Kd-Nr", "customer", "customer_id",
                              "customer number", "id", "Nummer"], help: "customer number, unique"),
        // Not required as a column: a file of numbers and phones updates phones. A new customer needs one.
        ImportField("name", .text,
                    aliases: ["Firma", "Firmenname", "Name", "Kunde", "company", "company name"],
                    help: "company name (required for new customers, unless the row names a person)"),
        // A customer list that names a person per row (German Excel lists do): the person is the
        // customer's contact, and a row without a company name is a private customer (B2C).
        ImportField("first_name", .text, aliases: ["Vorname", "first name"],
                    help: "contact person's first name; a row with a person and no company name is a private customer"),
        ImportField("last_name", .text, aliases: ["Nachname", "last name", "surname"], help: "contact person's last name"),
        ImportField("birthday", .birthday, aliases: ["Geburtstag", "Geburtsdatum", "date of birth"],
                    help: "contact person's birthday"),
        ImportField("street", .text, aliases: ["Straße", "Strasse", "Str", "Adresse", "address"], help: "street and number"),
        ImportField("postal_code", .text, aliases: ["PLZ", "Postleitzahl", "zip", "postcode", "postal code"], help: "postal code"),
        ImportField("city", .text, aliases: ["Ort", "Stadt", "town"], help: "city"),
        ImportField("country", .text, aliases: ["Land"], help: "country code, default DE"),
        ImportField("phone", .text, aliases: ["Telefon", "Tel", "Telefonnummer", "telephone"], help: "phone"),
        ImportField("email", .text, aliases: ["E-Mail", "Mail", "E-Mail-Adresse"], help: "e-mail"),
        ImportField("website", .text, aliases: ["Web", "Homepage", "Internet", "URL"], help: "web site"),
        ImportField("industry", .text, aliases: ["Branche"], help: "industry"),
        ImportField("employees", .integer, aliases: ["Mitarbeiter", "Mitarbeiterzahl", "Anzahl Mitarbeiter", "size"],
                    help: "number of employees"),
        ImportField("revenue_band", .text, aliases: ["Umsatzklasse", "Umsatzgröße"], help: "the customer's own revenue band"),
        ImportField("rep", .text, aliases: ["Betreuer", "Vertreter", "Außendienst", "Verkäufer", "Kundenbetreuer",
                                            "sales rep", "owner", "account manager"], help: "rep code"),
        ImportField("since", .day, aliases: ["Kunde seit", "Erstkontakt", "customer since"], help: "customer since"),
        ImportField("preferences", .text, aliases: ["Vorlieben", "Präferenzen"], help: "soft facts: preferences"),
        ImportField("preferred_channel", .channel, aliases: ["bevorzugter Kanal", "Kanal"], help: "preferred channel"),
        ImportField("best_call_times", .text, aliases: ["Erreichbarkeit", "beste Anrufzeit", "Anrufzeiten"],
                    help: "best times to call"),
        ImportField("high_season", .text, aliases: ["Hochsaison", "Saison"], help: "busy months, e.g. 11-12"),
        ImportField("busy_hours", .text, aliases: ["Stoßzeiten"], help: "busy hours, e.g. Mo-Fr 11-14"),
        ImportField("potential", .money, aliases: ["Potenzial", "Potential"], help: "yearly potential"),
        ImportField("kind", .customerKind, aliases: ["Kundenart", "Typ", "Kundentyp", "customer type"],
                    help: "business (default) or consumer: B2B/B2C, Firma/Privat"),
        ImportField("class", .customerClass, aliases: ["Klasse", "ABC", "Kundenklasse"], help: "manual A/B/C override"),
        ImportField("notes", .text, aliases: ["Notizen", "Bemerkung", "Bemerkungen", "Notiz"], help: "notes"),
        ImportField("consent_email", .flag, aliases: ["Einwilligung E-Mail", "E-Mail erlaubt", "email opt-in"],
                    help: "consent to e-mail"),
        ImportField("consent_phone", .flag, aliases: ["Einwilligung Telefon", "Anruf erlaubt", "phone opt-in"],
                    help: "consent to calls"),
        ImportField("consent_newsletter", .flag, aliases: ["Einwilligung Newsletter", "Newsletter"],
                    help: "consent to the newsletter"),
        ImportField("consent_date", .day, aliases: ["Einwilligung am", "Einwilligungsdatum", "opt-in date"],
                    help: "date consent was given (default: import day)"),
    ]

    /// Reps away (vacation, sickness, trade fairs), as a holiday planner or HR system exports them.
    public static let absences: [ImportField] = [
        ImportField("rep", .text, required: true, aliases: ["Mitarbeiter", "Vertreter", "Außendienst", "Betreuer", "rep code",
                                                            "employee"], help: "rep code"),
        ImportField("from", .day, required: true, aliases: ["von", "ab", "Beginn", "start", "first day"], help: "first day away"),
        ImportField("to", .day, aliases: ["bis", "Ende", "end", "last day"], help: "last day away (default: the first)"),
        ImportField("reason", .text, aliases: ["Grund", "Abwesenheitsgrund", "Art", "note"], help: "vacation, sickness, trade fair …"),
    ]

    public static let products: [ImportField] = [
        ImportField("sku", .text, required: true, aliases: ["Artikelnummer", "Art-Nr", "Artikelnr", "product_id",
                                                            "product number", "item"], help: "product number, unique"),
        ImportField("name", .text, required: true, aliases: ["Bezeichnung", "Artikel", "Produkt", "product"], help: "name"),
        ImportField("category", .text, aliases: ["Kategorie", "Warengruppe", "Produktgruppe", "group"], help: "category"),
        ImportField("price", .money, aliases: ["Preis", "Listenpreis", "VK", "list price"], help: "list price"),
        ImportField("margin", .money, aliases: ["Marge", "Deckungsbeitrag", "DB"], help: "contribution margin per unit"),
    ]

    public static let purchases: [ImportField] = [
        customerNumber,
        ImportField("date", .day, required: true, aliases: ["Datum", "Kaufdatum", "Rechnungsdatum", "Belegdatum",
                                                            "order date", "invoice date", "day"], help: "date of purchase"),
        ImportField("amount", .money, required: true, aliases: ["Betrag", "Umsatz", "Nettobetrag", "Netto", "Summe",
                                                                 "revenue", "total", "net"], help: "net amount"),
        ImportField("margin", .money, aliases: ["Deckungsbeitrag", "Marge", "DB", "contribution margin"],
                    help: "contribution margin"),
        ImportField("discount", .money, aliases: ["Rabatt", "Nachlass"], help: "discount granted"),
        ImportField("product", .text, aliases: ["Artikelnummer", "Art-Nr", "sku", "product_id"], help: "product number"),
        ImportField("quantity", .integer, aliases: ["Menge", "Anzahl", "qty"], help: "quantity (default 1)"),
        ImportField("reference", .text, aliases: ["Belegnummer", "Rechnungsnummer", "Auftragsnummer", "Beleg",
                                                  "order", "invoice", "order number", "invoice number"],
                    help: "order or invoice number; re-importing the same reference updates instead of doubling"),
    ]
}
