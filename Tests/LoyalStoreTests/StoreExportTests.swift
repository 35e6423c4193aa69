import Foundation
import XCTest
@testable import LoyalCore
@testable import LoyalStore

final class StoreExportTests: StoreTestCase {
    private let hostile = """
        number,name,phone,city,notes
        K1,"=HYPERLINK(""http://evil.example"",""klick"")",+49 30 1234,-Berlin,@SUM(A1)

        """

    /// K1 with formulas through the import, and K2 with a line break and control characters
    /// in its name, which imports refuse since issue 11: written directly, as a database
    /// from before that rule may hold it, to show that exports stay safe all the same.
    private func storeWithHostileCustomers() throws -> Store {
        let store = try makeStore()
        try importText(store, .customers, hostile)
        var k2 = Customer(number: "K2", name: "Zeile 1\nZeile 2\t\"zitiert\" \\ \u{01}\u{7F}")
        k2.city = "Köln"; k2.notes = "a,b;c"
        try store.pool.write { db in _ = try CustomerRecords.insert(db, k2, now: Timestamp.now()) }
        return store
    }

    private func json(_ store: Store, _ entity: ExportEntity) throws -> [[String: Any]] {
        let text = try exportText(store, entity, .json)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func testFormulaCellsAreInertInCSV() throws {
        let store = try storeWithHostileCustomers()
        let text = try exportText(store, .customers)
        XCTAssertTrue(text.contains("K1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klick\"\")\","), text)
        let k1 = try XCTUnwrap(exportRows(store, .customers).first)
        XCTAssertEqual(k1["name"], "'=HYPERLINK(\"http://evil.example\",\"klick\")")
        XCTAssertEqual(k1["phone"], "'+49 30 1234")
        XCTAssertEqual(k1["city"], "'-Berlin")
        XCTAssertEqual(k1["notes"], "'@SUM(A1)")
        // No cell of the whole file starts a formula.
        var reader = CSVReader(bytes: Array(text.utf8))
        while let record = try reader.next() {
            for field in record.fields {
                XCTAssertFalse(field.hasPrefix("=") || field.hasPrefix("+") || field.hasPrefix("@"), field)
            }
        }
    }

    func testJSONKeepsValuesAndEscapesControlCharacters() throws {
        let store = try storeWithHostileCustomers()
        let text = try exportText(store, .customers, .json)
        XCTAssertTrue(text.contains("\\u0001\\u007f"))
        XCTAssertTrue(text.contains("Zeile 1\\nZeile 2\\t\\\"zitiert\\\" \\\\ "))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let rows = try json(store, .customers)
        XCTAssertEqual(rows.count, 2)
        // JSON is not a spreadsheet: no guard there.
        XCTAssertEqual(rows[0]["name"] as? String, "=HYPERLINK(\"http://evil.example\",\"klick\")")
        XCTAssertEqual(rows[0]["phone"] as? String, "+49 30 1234")
        XCTAssertEqual(rows[1]["name"] as? String, "Zeile 1\nZeile 2\t\"zitiert\" \\ \u{01}\u{7F}")
        XCTAssertEqual(rows[1]["notes"] as? String, "a,b;c")
        XCTAssertTrue(rows[1]["employees"] is NSNull)
        XCTAssertEqual(rows[0]["country"] as? String, "DE")
    }

    func testJSONTypes() throws {
        let store = try makeStore()
        try importText(store, .customers, Self.germanCustomers)
        try importText(store, .purchases, "customer,date,amount,quantity\nK1,2026-01-05,-12.50,2\n")
        let customer = try XCTUnwrap(json(store, .customers).first)
        XCTAssertEqual((customer["potential"] as? NSNumber)?.doubleValue, 1234.56)
        XCTAssertEqual((customer["consent_email"] as? NSNumber)?.intValue, 1)
        XCTAssertEqual(customer["since"] as? String, "2020-02-01")
        XCTAssertTrue(customer["class"] is NSNull)
        let purchase = try XCTUnwrap(json(store, .purchases).first)
        XCTAssertEqual((purchase["amount"] as? NSNumber)?.doubleValue, -12.5)
        XCTAssertEqual((purchase["quantity"] as? NSNumber)?.intValue, 2)
        XCTAssertEqual(purchase["date"] as? String, "2026-01-05")
        XCTAssertTrue(purchase["product"] is NSNull)
        let empty = try makeStore(path: directory.appendingPathComponent("empty.db").path)
        XCTAssertEqual(try exportText(empty, .purchases, .json), "[\n]\n")
        XCTAssertEqual(try exportText(empty, .purchases), "customer,date,amount,margin,discount,product,quantity,reference\r\n")
    }

    func testEveryEntityOfTheDemoExportsAsValidJSONAndCSV() throws {
        let store = try makeStore()
        try store.createDemo(DemoSettings(seed: 7, customers: 40, asOf: today))
        let counts = try store.counts()
        let expected: [ExportEntity: Int] = [.customers: counts.customers, .contacts: counts.contacts,
                                             .products: counts.products, .purchases: counts.purchases,
                                             .interactions: counts.interactions, .feedback: counts.feedback,
                                             .complaints: counts.complaints,
                                             // The demo is planned into the calendar only by refreshAll.
                                             .calendar: 0]
        for entity in ExportEntity.allCases {
            XCTAssertEqual(try json(store, entity).count, expected[entity], "\(entity) JSON")
            XCTAssertEqual(try exportRows(store, entity).count, expected[entity], "\(entity) CSV")
        }
        XCTAssertEqual(counts.customers, 40)
        XCTAssertEqual(counts.products, 34)
        XCTAssertGreaterThan(counts.purchases, 40)
    }

    func testExportImportsBackUnchanged() throws {
        let source = try makeStore()
        try source.createDemo(DemoSettings(seed: 7, customers: 40, asOf: today))
        let target = try makeStore(path: directory.appendingPathComponent("copy.db").path)
        for (entity, exportEntity) in [(ImportEntity.customers, ExportEntity.customers), (.products, .products),
                                       (.contacts, .contacts), (.purchases, .purchases)] {
            let text = try exportText(source, exportEntity)
            try importText(target, entity, text, name: "\(entity).csv")
        }
        // Lifecycle and statistics columns are not imported; everything else must match.
        let derived: Set<String> = ["status", "lost_on", "lost_reason", "returned_on", "computed_class", "revenue_12m",
                                    "revenue_previous_12m", "last_purchase"]
        func importable(_ rows: [[String: String]]) -> [[String: String]] {
            rows.map { $0.filter { !derived.contains($0.key) } }
        }
        let customers = try exportRows(source, .customers)
        XCTAssertTrue(customers.contains { $0["phone"]?.hasPrefix("'+49 ") == true })
        XCTAssertEqual(importable(try exportRows(target, .customers)), importable(customers))
        for entity in [ExportEntity.products, .contacts, .purchases] {
            XCTAssertEqual(try exportText(target, entity), try exportText(source, entity), "\(entity)")
        }
        XCTAssertTrue(try exportText(source, .contacts).contains("'--"), "no birthday without a year in the sample")
    }
}
