import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// A test case with a private temporary directory for its databases, removed in tearDown.
class StoreTestCase: XCTestCase {
    private(set) var directory: URL!
    private var opened: [Store] = []
    let today = Day(year: 2026, month: 11, day: 23)!

    var dbPath: String { directory.appendingPathComponent("loyal.db").path }

    override func setUpWithError() throws {
        try super.setUpWithError()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loyal-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for store in opened { try? store.close() }
        opened.removeAll()
        try? FileManager.default.removeItem(at: directory)
        try super.tearDownWithError()
    }

    func makeStore(path: String? = nil) throws -> Store {
        let store = try Store(path: path ?? dbPath)
        opened.append(store)
        return store
    }

    // MARK: Import

    func options(_ change: (inout ImportOptions) -> Void = { _ in }) -> ImportOptions {
        var o = ImportOptions(today: today)
        change(&o)
        return o
    }

    @discardableResult
    func importText(_ store: Store, _ entity: ImportEntity, _ text: String, bom: Bool = false, name: String = "file.csv",
                    _ change: (inout ImportOptions) -> Void = { _ in }) throws -> ImportReport {
        let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        return try store.importCSV(entity, bytes: bytes, fileName: name, options: options(change))
    }

    /// The failure of an import that must fail; nil (and a test failure) when it succeeds.
    func importFailure(_ store: Store, _ entity: ImportEntity, _ text: String, name: String = "file.csv",
                       _ change: (inout ImportOptions) -> Void = { _ in },
                       file: StaticString = #filePath, line: UInt = #line) -> ImportFailure? {
        do {
            try importText(store, entity, text, name: name, change)
            XCTFail("import should have failed", file: file, line: line)
        } catch let failure as ImportFailure {
            return failure
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    // MARK: Export

    func exportText(_ store: Store, _ entity: ExportEntity, _ format: ExportFormat = .csv) throws -> String {
        var out = ""
        try store.export(entity, format: format) { out += $0 }
        return out
    }

    /// An entity's CSV export as one dictionary per row, keyed by column name.
    func exportRows(_ store: Store, _ entity: ExportEntity) throws -> [[String: String]] {
        var reader = CSVReader(bytes: Array(try exportText(store, entity).utf8))
        guard let header = try reader.next() else { return [] }
        var rows: [[String: String]] = []
        while let r = try reader.next() {
            XCTAssertEqual(r.fields.count, header.fields.count)
            rows.append(Dictionary(uniqueKeysWithValues: zip(header.fields, r.fields)))
        }
        return rows
    }

    /// Every exportable table as CSV: a fingerprint of the database's content.
    func snapshot(_ store: Store) throws -> [String] {
        try ExportEntity.allCases.map { try exportText(store, $0) }
    }

    func count(_ store: Store, _ table: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    // MARK: Fixtures

    /// Two customers and a rep created on the way, written as German Excel does
    /// (a quoted `;`, doubled quotes and a line break inside a quoted street).
    static let germanCustomers = """
        Kundennummer;Firma;Straße;PLZ;Ort;E-Mail;Betreuer;Kunde seit;Potenzial;Einwilligung E-Mail;Klasse
        K1;"Müller GmbH; Werk 2";Hauptstraße 5;10115;Berlin;info@mueller.example;AB;01.02.2020;1.234,56;ja;
        K2;"Weber ""Bau"" AG";"Am Markt 1
        Hinterhaus";50667;Köln;;AB;2021-03-15;;nein;b

        """
}
