import Foundation
import XCTest
@testable import LoyalCore

/// Each real export header (Tests/Fixtures/crm-headers) is recognised as its layout.
final class ImportPresetTests: XCTestCase {
    func header(_ name: String) throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/crm-headers/\(name)")
        var reader = CSVReader(bytes: [UInt8](try Data(contentsOf: url)))
        return try XCTUnwrap(try reader.next()).fields
    }

    func testEveryLayoutIsDetectedFromItsHeader() throws {
        let expected = [
            "hubspot_companies_export.csv": "hubspot-companies", "hubspot_contacts_export.csv": "hubspot-contacts",
            "hubspot_contacts_export_allprops.csv": "hubspot-contacts", "salesforce_Account.csv": "salesforce-account",
            "salesforce_Contact.csv": "salesforce-contact", "salesforce_Contact_iso-8859-1.csv": "salesforce-contact",
            "pipedrive_organizations_export.csv": "pipedrive-organizations", "pipedrive_people_export.csv": "pipedrive-people",
            "kunden_de_utf8bom.csv": "excel-kunden", "kunden_de_cp1252.csv": "excel-kunden",
        ]
        for (file, preset) in expected {
            XCTAssertEqual(ImportPreset.detect(try header(file))?.name, preset, file)
        }
        XCTAssertNil(ImportPreset.detect(["number", "name", "city"]))
    }

    func testEveryPresetMapsOnlyToFieldsOfItsEntity() {
        for preset in ImportPreset.all {
            let keys = Set(preset.entity.fields.map(\.key))
            for (header, field) in preset.map where field != "-" {
                XCTAssertTrue(keys.contains(field), "\(preset.name): \(header) → \(field)")
            }
        }
    }

    func testAMappingComesBeforeAliasesAndDashKeepsAColumnAsExtra() throws {
        let header = try ImportHeader(entity: .customers, header: CSVRecord(line: 1, fields: ["Kd.-Nr.", "Name", "owner"]),
                                      mapping: ["Kd.-Nr.": "number", "owner": "-"])
        XCTAssertEqual(header.columns, ["number": 0, "name": 1])
        XCTAssertEqual(header.ignored, ["owner"])
        XCTAssertEqual(header.extraColumns.map(\.index), [2])
        XCTAssertThrowsError(try ImportHeader(entity: .customers, header: CSVRecord(line: 1, fields: ["A"]), mapping: ["A": "nummer"]))
    }
}
