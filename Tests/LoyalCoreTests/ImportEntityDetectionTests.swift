import XCTest
@testable import LoyalCore

/// `loyal import FILE` on a plain file: the entity is read from the header names Loyal accepts.
final class ImportEntityDetectionTests: XCTestCase {
    func detect(_ fields: [String], mapping: [String: String] = [:]) -> ImportEntityDetection {
        ImportEntityDetection.detect(CSVRecord(line: 1, fields: fields), mapping: mapping)
    }

    func testPlainGermanAndEnglishHeadersNameTheirEntity() {
        XCTAssertEqual(detect(["Kundennummer", "Firma", "PLZ", "Ort"]), .entity(.customers))
        XCTAssertEqual(detect(["number", "name", "city"]), .entity(.customers))
        XCTAssertEqual(detect(["customer", "date", "amount"]), .entity(.purchases))
        XCTAssertEqual(detect(["Kundennummer", "Rechnungsdatum", "Nettobetrag", "Artikelnummer"]), .entity(.purchases))
        XCTAssertEqual(detect(["Kunde", "Datum", "Notiz"]), .entity(.feedback))
        XCTAssertEqual(detect(["Kundennummer", "Besuchsdatum", "NPS", "Zufriedenheit"]), .entity(.feedback))
        XCTAssertEqual(detect(["Kundennummer", "Vorname", "Nachname", "E-Mail", "Telefon"]), .entity(.contacts))
        XCTAssertEqual(detect(["Firma", "Vorname", "Nachname", "Geburtstag"]), .entity(.contacts))
        XCTAssertEqual(detect(["Name", "Firma", "E-Mail", "Mobil"]), .entity(.contacts))
        XCTAssertEqual(detect(["Artikelnummer", "Bezeichnung", "Preis"]), .entity(.products))
        XCTAssertEqual(detect(["Vertreter", "von", "bis", "Grund"]), .entity(.absences))
    }

    func testATieOrTooLittleIsNoGuess() {
        // A number and a name: a customer list, or people of customers by number.
        XCTAssertEqual(detect(["Kundennummer", "Name"]), .ambiguous([.customers, .contacts]))
        XCTAssertEqual(detect(["Lieblingsfarbe", "Schuhgröße"]), .unknown)
        XCTAssertEqual(detect(["Kundennummer", "Lieblingsfarbe"]), .unknown, "one column says too little")
        XCTAssertEqual(detect(["Kundennummer", "PLZ", "Ort"]), .unknown, "customers without names: an update to name")
    }

    func testAMappingIsReadAsTheImportWillReadIt() {
        XCTAssertEqual(detect(["Kd.-Nr.", "Bezeichnung", "Stadt"]), .unknown)
        XCTAssertEqual(detect(["Kd.-Nr.", "Bezeichnung", "Stadt"], mapping: ["Kd.-Nr.": "number", "Bezeichnung": "name"]),
                       .entity(.customers))
    }
}
