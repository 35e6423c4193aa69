import Foundation
import XCTest

/// The ten export layouts of ../shared/interop/crm-headers (copied to Tests/Fixtures/crm-headers:
/// the real header lines, encodings and separators) with rows made up here, imported as exported:
/// `loyal import FILE`, the layout detected from the header, every stored field checked.
final class CLIImportCRMLayoutsTests: CLITestCase {
    var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/crm-headers")
    }

    /// The fixture's header line (bytes as exported) with rows in the same separator, quoting,
    /// line ending and encoding: each row names its values by header, the rest stays empty.
    func exportFile(_ name: String, _ rows: [[String: String]]) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
        // The header line only: the fixture's own rows are CLIImportCRMExportsTests' business.
        if let end = bytes.firstIndex(of: 0x0A) { bytes = Array(bytes[...end]) }
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        let latin1 = name.contains("cp1252") || name.contains("8859")
        let headerText = latin1 ? String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
            : String(decoding: bytes, as: UTF8.self)
        let separator: Character = headerText.filter { $0 == ";" }.count > headerText.filter { $0 == "," }.count ? ";" : ","
        let quoteAll = headerText.hasPrefix("\"") || headerText.hasPrefix("\u{FEFF}\"")
        let headers = headerText.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: separator)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        let crlf = bytes.contains(0x0D) || name.hasPrefix("salesforce") || name.hasPrefix("kunden")
        var text = ""
        for row in rows {
            let cells = headers.map { h -> String in
                let v = row[h] ?? ""
                return quoteAll || v.contains(String(separator)) || v.contains("\n") ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
            }
            text += (crlf ? "\r\n" : "\n") + cells.joined(separator: String(separator))
        }
        text += crlf ? "\r\n" : "\n"
        let rowBytes: [UInt8] = latin1 ? text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(text.utf8)
        let url = home.appendingPathComponent(name)
        try Data(bytes + rowBytes).write(to: url)
        return url.path
    }

    func importFile(_ path: String, expect layout: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try loyal(["import", path])
        XCTAssertEqual(result.status, 0, "\(path): \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains("(--preset \(layout))"), "\(path): \(result.stderr)", file: file, line: line)
    }

    func customers() throws -> [String: [String: String]] {
        try table(["export", "customers"], key: "number")
    }

    func contacts() throws -> [String: [String: String]] {
        try table(["export", "contacts"], key: "last_name")
    }

    func table(_ args: [String], key: String) throws -> [String: [String: String]] {
        let out = try loyal(args).stdout
        var lines = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst().components(separatedBy: ",")
        var rows: [String: [String: String]] = [:]
        for line in lines {
            // The test rows hold no commas in the columns read here.
            let f = line.components(separatedBy: ",")
            // The export guards cells starting with + against spreadsheet formulas with a leading '.
            let row = Dictionary(uniqueKeysWithValues: zip(header, f).map { name, cell in
                let v = cell.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (name, v.hasPrefix("'+") ? String(v.dropFirst()) : v)
            })
            rows[row[key] ?? ""] = row
        }
        return rows
    }

    func testTheCompanyLayoutsImportAsExported() throws {
        try importFile(try exportFile("hubspot_companies_export.csv", [
            ["Record ID": "9001", "Company name": "Holzbau Berg GmbH", "Company owner": "Anna Berg", "Create Date": "2024-01-15 10:22",
             "Phone Number": "+49 30 1234", "City": "Berlin", "Country/Region": "Germany", "Industry": "Handwerk"],
        ]), expect: "hubspot-companies")
        try importFile(try exportFile("salesforce_Account.csv", [
            ["Id": "0015g00000AbCdE", "Name": "Metall Müller KG", "BillingStreet": "Ring 5", "BillingCity": "Wien",
             "BillingPostalCode": "1010", "BillingCountry": "Austria", "Phone": "+43 1 555", "CreatedDate": "2023-04-12T08:15:31.000Z",
             "IsDeleted": "false", "NumberOfEmployees": "12"],
        ]), expect: "salesforce-account")
        try importFile(try exportFile("pipedrive_organizations_export.csv", [
            ["Organization - ID": "77", "Organization - Name": "Blumen Rose OHG",
             "Organization - City/town/village/locality of Address": "Hamburg",
             "Organization - ZIP/Postal code of Address": "20095", "Organization - Country of Address": "Deutschland",
             "Organization - Owner": "Paul Kern", "Organization - Number of employees": "4"],
        ]), expect: "pipedrive-organizations")
        for name in ["kunden_de_utf8bom.csv", "kunden_de_cp1252.csv"] {
            let number = name.contains("utf8") ? "10001" : "10002"
            try importFile(try exportFile(name, [
                ["Kundennummer": number, "Anrede": "Herr", "Vorname": "Jens", "Nachname": "Böhme", "Firma": "Bäckerei Böhme \(number)",
                 "Straße": "Hauptstraße 1", "PLZ": "01067", "Ort": "Dresden", "Land": "Deutschland", "E-Mail": "jb@example.de",
                 "Telefon": "0351 1234", "Geburtstag": "03.04.1970", "Umsatz 2024 (€)": "12.345,67 €", "Notiz": "Stammkunde"],
            ]), expect: "excel-kunden")
        }
        let c = try customers()
        XCTAssertEqual(c["9001"]?["name"], "Holzbau Berg GmbH")
        XCTAssertEqual(c["9001"]?["city"], "Berlin")
        XCTAssertEqual(c["9001"]?["country"], "DE")
        XCTAssertEqual(c["9001"]?["phone"], "+49 30 1234")
        XCTAssertEqual(c["9001"]?["since"], "2024-01-15")
        XCTAssertEqual(c["0015g00000AbCdE"]?["name"], "Metall Müller KG")
        XCTAssertEqual(c["0015g00000AbCdE"]?["postal_code"], "1010")
        XCTAssertEqual(c["0015g00000AbCdE"]?["country"], "AT")
        XCTAssertEqual(c["0015g00000AbCdE"]?["since"], "2023-04-12")
        XCTAssertEqual(c["77"]?["name"], "Blumen Rose OHG")
        XCTAssertEqual(c["77"]?["postal_code"], "20095")
        for number in ["10001", "10002"] {
            XCTAssertEqual(c[number]?["name"], "Bäckerei Böhme \(number)", "the cp1252 file's umlauts too")
            XCTAssertEqual(c[number]?["street"], "Hauptstraße 1")
            XCTAssertEqual(c[number]?["postal_code"], "01067", "the leading zero stays")
            XCTAssertEqual(c[number]?["email"], "jb@example.de")
        }
    }

    func testThePeopleLayoutsImportAsExportedAndFindTheirCompanies() throws {
        try importFile(try exportFile("hubspot_companies_export.csv", [["Record ID": "9001", "Company name": "Holzbau Berg GmbH"]]),
                       expect: "hubspot-companies")
        try importFile(try exportFile("salesforce_Account.csv", [["Id": "001A", "Name": "Metall Müller KG"]]),
                       expect: "salesforce-account")
        try importFile(try exportFile("pipedrive_organizations_export.csv", [["Organization - ID": "77", "Organization - Name": "Blumen Rose OHG"]]),
                       expect: "pipedrive-organizations")
        try importFile(try exportFile("hubspot_contacts_export.csv", [
            ["Record ID": "501", "First Name": "Eva", "Last Name": "Berg", "Email": "eva@holzbau.de", "Phone Number": "030 999",
             "Primary Associated Company ID": "9001", "Associated Company": "Holzbau Berg GmbH", "Lead Status": "Open"],
        ]), expect: "hubspot-contacts")
        try importFile(try exportFile("hubspot_contacts_export_allprops.csv", [
            ["Record ID": "502", "First Name": "Tom", "Last Name": "Allprops", "Email": "tom@holzbau.de", "Associated Company IDs": "9001",
             "Date of birth": "1980-07-09", "Job Title": "Einkauf"],
        ]), expect: "hubspot-contacts")
        try importFile(try exportFile("salesforce_Contact.csv", [
            ["Id": "003A", "AccountId": "001A", "FirstName": "Jürgen", "LastName": "Schmitz", "Email": "js@metall.at",
             "Phone": "+43 1 777", "Title": "Geschäftsführer", "Birthdate": "1975-03-04"],
        ]), expect: "salesforce-contact")
        try importFile(try exportFile("salesforce_Contact_iso-8859-1.csv", [
            ["Id": "003B", "AccountId": "001A", "FirstName": "Bärbel", "LastName": "Weiß", "Email": "bw@metall.at"],
        ]), expect: "salesforce-contact")
        try importFile(try exportFile("pipedrive_people_export.csv", [
            ["Person - ID": "12", "Person - Name": "Rita Rose", "Person - First name": "Rita", "Person - Last name": "Rose",
             "Person - Organization": "Blumen Rose OHG", "Person - Organization ID": "77", "Person - Email - Work": "rita@rose.de",
             "Person - Phone - Work": "040 123", "Person - Job title": "Inhaberin"],
        ]), expect: "pipedrive-people")
        let p = try contacts()
        XCTAssertEqual(p["Berg"]?["customer"], "9001")
        XCTAssertEqual(p["Berg"]?["first_name"], "Eva")
        XCTAssertEqual(p["Berg"]?["email"], "eva@holzbau.de")
        XCTAssertEqual(p["Berg"]?["phone"], "030 999")
        XCTAssertEqual(p["Allprops"]?["birthday"], "1980-07-09")
        XCTAssertEqual(p["Allprops"]?["role"], "Einkauf")
        XCTAssertEqual(p["Schmitz"]?["customer"], "001A")
        XCTAssertEqual(p["Schmitz"]?["first_name"], "Jürgen")
        XCTAssertEqual(p["Schmitz"]?["birthday"], "1975-03-04")
        XCTAssertEqual(p["Weiß"]?["first_name"], "Bärbel", "ISO-8859-1 read right")
        XCTAssertEqual(p["Rose"]?["customer"], "77")
        XCTAssertEqual(p["Rose"]?["email"], "rita@rose.de")
    }

    func testMapOverridesAndUnknownLayoutsAskForTheEntity() throws {
        let file = try write("Kd.-Nr.;Bezeichnung;Stadt\nX1;Xaver GmbH;Passau\n", to: "eigen.csv")
        let unknown = try loyal(["import", file.path])
        XCTAssertEqual(unknown.status, 64, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("say what it holds"), unknown.stderr)
        let mapped = try loyal(["import", "customers", file.path, "--map", "Kd.-Nr.=number", "--map", "Bezeichnung=name"])
        XCTAssertEqual(mapped.status, 0, mapped.stderr)
        XCTAssertTrue(mapped.stderr.contains("columns: Kd.-Nr. → number, Bezeichnung → name, Stadt → city"), mapped.stderr)
        XCTAssertEqual(try customers()["X1"]?["name"], "Xaver GmbH")
        let bad = try loyal(["import", "customers", file.path, "--map", "Kd.-Nr.=nummer"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("\"Kd.-Nr.\" is mapped to \"nummer\", which is no field of customers"), bad.stderr)
    }

    func testASavedMappingImportsTheNextExportTheSameWay() throws {
        let first = try write("Kd.-Nr.;Bezeichnung;Stadt;Intern\nX1;Xaver GmbH;Passau;geheim\n", to: "eigen.csv")
        let mappingFile = home.appendingPathComponent("eigen.toml").path
        let saved = try loyal(["import", "customers", first.path, "--map", "Kd.-Nr.=number", "--map", "Bezeichnung=name",
                               "--save-mapping", mappingFile])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        XCTAssertEqual(try String(contentsOfFile: mappingFile, encoding: .utf8), """
            # Loyal import mapping: header = field; "-" keeps a column in the record's extra field.
            entity = "customers"

            [columns]
            "Kd.-Nr." = "number"
            "Bezeichnung" = "name"
            "Stadt" = "city"
            "Intern" = "-"

            """)
        let next = try write("Kd.-Nr.;Bezeichnung;Stadt;Intern\nX2;Yvonne AG;Linz;x\n", to: "eigen2.csv")
        let again = try loyal(["import", next.path, "--mapping", mappingFile])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try customers()["X2"]?["name"], "Yvonne AG")
        XCTAssertEqual(try customers()["X2"]?["city"], "Linz")
        _ = try write("entity = \"customers\"\nfoo = 1\n", to: "bad.toml")
        let bad = try loyal(["import", next.path, "--mapping", home.appendingPathComponent("bad.toml").path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasSuffix("bad.toml:2: key \"foo\": is not a mapping key (expected entity and [columns])\n"), bad.stderr)
    }
}
