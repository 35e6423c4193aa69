import XCTest
@testable import LoyalCore

final class ImportHeaderTests: XCTestCase {
    private func header(_ entity: ImportEntity, _ names: [String]) throws -> ImportHeader {
        try ImportHeader(entity: entity, header: CSVRecord(line: 1, fields: names), separator: ";")
    }

    func testGermanPurchaseHeaders() throws {
        let h = try header(.purchases, ["Kundennummer", "Datum", "Betrag"])
        XCTAssertEqual(h.columns, ["customer": 0, "date": 1, "amount": 2])
        XCTAssertEqual(h.headerNames, ["customer": "Kundennummer", "date": "Datum", "amount": "Betrag"])
        XCTAssertEqual(h.ignored, [])
        XCTAssertEqual(h.separator, ";")
    }

    func testMoreGermanPurchaseHeaders() throws {
        let h = try header(.purchases, ["Kd-Nr", "Rechnungsdatum", "Nettobetrag", "Art-Nr", "Menge", "Belegnummer", "Rabatt"])
        XCTAssertEqual(h.columns, ["customer": 0, "date": 1, "amount": 2, "product": 3, "quantity": 4,
                                   "reference": 5, "discount": 6])
    }

    func testNormalisation() {
        XCTAssertEqual(ImportField.normalize("E-Mail"), "email")
        XCTAssertEqual(ImportField.normalize("e_mail"), "email")
        XCTAssertEqual(ImportField.normalize(" E.Mail "), "email")
        XCTAssertEqual(ImportField.normalize("Straße"), "strasse")
        XCTAssertEqual(ImportField.normalize("STRASSE"), "strasse")
        XCTAssertEqual(ImportField.normalize("Kunden-Nr."), "kundennr")
        XCTAssertEqual(ImportField.normalize("Größe (€)"), "groesse€")
    }

    func testCustomerHeadersWithSpellingVariants() throws {
        let h = try header(.customers, ["Kundennummer", "Firma", "E-Mail", "Straße", "PLZ", "Ort", "Lieblingsfarbe", ""])
        XCTAssertEqual(h.columns, ["number": 0, "name": 1, "email": 2, "street": 3, "postal_code": 4, "city": 5])
        XCTAssertEqual(h.ignored, ["Lieblingsfarbe"])
        let h2 = try header(.customers, ["number", "name", "e_mail", "strasse"])
        XCTAssertEqual(h2.columns["email"], 2)
        XCTAssertEqual(h2.columns["street"], 3)
    }

    func testExactKeyWinsAndSecondColumnForAFieldIsIgnored() throws {
        // A person's "Name" is the whole name; a real last_name column takes the last name.
        let h = try header(.contacts, ["Name", "customer", "last_name", "Nachname"])
        XCTAssertEqual(h.columns["last_name"], 2)
        XCTAssertEqual(h.columns["name"], 0)
        XCTAssertEqual(h.ignored, ["Nachname"])
        let h2 = try header(.customers, ["number", "Kundennummer", "name"])
        XCTAssertEqual(h2.columns["number"], 0)
        XCTAssertEqual(h2.ignored, ["Kundennummer"])
    }

    func testMissingRequiredColumnListsAcceptedNames() {
        XCTAssertThrowsError(try header(.purchases, ["Kundennummer", "Betrag"])) { error in
            let problem = error as? ImportProblem
            XCTAssertEqual(problem?.line, 1)
            XCTAssertNil(problem?.column)
            XCTAssertEqual(problem?.message, "missing column \"date\" (accepted: date, Datum, Kaufdatum, Rechnungsdatum, "
                           + "Belegdatum, order date, invoice date, day)")
        }
        XCTAssertThrowsError(try header(.products, ["Preis"])) { error in
            XCTAssertEqual((error as? ImportProblem)?.message,
                           "missing column \"sku\" (accepted: sku, Artikelnummer, Art-Nr, Artikelnr, product_id, "
                           + "product number, item); \"name\" (accepted: name, Bezeichnung, Artikel, Produkt, product)")
        }
    }
}

final class ImportRowTests: XCTestCase {
    private let purchaseHeader = try! ImportHeader(entity: .purchases,
                                                   header: CSVRecord(line: 1, fields: ["Kundennummer", "Datum", "Betrag", "Menge"]),
                                                   separator: ";")

    private func purchaseRow(_ fields: [String], line: Int) -> (PurchaseImportRecord, [ImportProblem]) {
        var row = ImportRow(record: CSVRecord(line: line, fields: fields), header: purchaseHeader)
        let record = ImportParser.purchase(&row)
        return (record, row.problems)
    }

    func testBadDateMessage() {
        let (_, problems) = purchaseRow(["K1", "31.02.2024", "12,50", "1"], line: 7)
        XCTAssertEqual(problems, [ImportProblem(line: 7, column: "Datum",
                                                message: "\"31.02.2024\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)")])
        XCTAssertEqual(problems.first?.located(in: "k.csv"),
                       "k.csv:7: column \"Datum\": \"31.02.2024\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)")
    }

    func testEveryProblemOfARowIsReported() {
        let (_, problems) = purchaseRow(["", "2023-02-29", "12.345,678", "zwei"], line: 3)
        XCTAssertEqual(problems.map(\.description), [
            "3: column \"Kundennummer\": is empty",
            "3: column \"Datum\": \"2023-02-29\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)",
            "3: column \"Betrag\": \"12.345,678\" is not an amount (expected an amount such as 1234.56 or 1.234,56)",
            "3: column \"Menge\": \"zwei\" is not a whole number (expected digits such as 12 or 1.200)",
        ])
    }

    func testMissingValuesOfRequiredColumns() {
        let (_, problems) = purchaseRow(["K1", " ", ""], line: 4)
        XCTAssertEqual(problems.map(\.description), ["4: column \"Datum\": is empty", "4: column \"Betrag\": is empty"])
    }

    func testGoodRowValues() {
        let (record, problems) = purchaseRow([" K1 ", "29.02.2024", "1.234,56", "1.000"], line: 2)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(record.line, 2)
        XCTAssertEqual(record.customerNumber, "K1")
        XCTAssertEqual(record.purchase.day, Day(year: 2024, month: 2, day: 29))
        XCTAssertEqual(record.purchase.amount, Money(cents: 123_456))
        XCTAssertEqual(record.purchase.quantity, 1000)
        XCTAssertNil(record.productSKU)
    }

    func testWrongSeparatorGivesOneFieldHint() {
        let (_, problems) = purchaseRow(["K1,2024-01-01,5"], line: 2)
        XCTAssertEqual(problems.first?.description, "2: has 1 field, expected 4 separated by \";\"")
    }

    func testFlagsChannelsAndClasses() throws {
        let h = try ImportHeader(entity: .customers, header: CSVRecord(line: 1, fields: [
            "number", "name", "Einwilligung E-Mail", "Einwilligung Telefon", "Newsletter", "Kanal", "Klasse"]))
        var good = ImportRow(record: CSVRecord(line: 2, fields: ["K1", "A", "ja", "x", "nein", "Telefon", "b"]), header: h)
        let record = ImportParser.customer(&good)
        XCTAssertEqual(good.problems, [])
        XCTAssertEqual(record.consents, [.email: true, .phone: true, .newsletter: false])
        XCTAssertEqual(record.customer.preferredChannel, .phone)
        XCTAssertEqual(record.customer.classOverride, .b)
        var bad = ImportRow(record: CSVRecord(line: 3, fields: ["K2", "B", "vielleicht", "", "", "Fax", "D"]), header: h)
        _ = ImportParser.customer(&bad)
        XCTAssertEqual(bad.problems.map(\.description), [
            "3: column \"Kanal\": \"Fax\" is not a channel (expected one of visit, phone, email, letter, newsletter, sms, social)",
            "3: column \"Klasse\": \"D\" is not a class (expected A, B or C)",
            "3: column \"Einwilligung E-Mail\": \"vielleicht\" is not yes or no (expected yes/no, ja/nein, true/false, 1/0 or x)",
        ])
    }
}
