import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// An import reads and checks its file before it takes the write lock (issue 11): a visit
/// saved meanwhile by another Loyal does not wait for the parsing.
final class StoreImportLockTests: StoreTestCase {
    private func purchases(_ rows: Int) -> String {
        var text = "customer,date,amount,reference\n"
        for i in 0..<rows { text += "K\(i % 2 + 1),2026-0\(i % 9 + 1)-1\(i % 10),\(i % 500 + 1).25,R\(i)\n" }
        return text
    }

    func testAnotherLoyalWritesWhileTheFileIsBeingChecked() throws {
        let store = try makeStore()
        try importText(store, .customers, "number,name\nK1,Alpha\nK2,Beta\n")
        // Another Loyal, which gives up quickly if it has to wait.
        let other = try Store(path: dbPath, access: .write, busyTimeout: 0.2)
        defer { try? other.close() }
        var writesDuringTheImport: [String] = []
        let report = try store.importCSV(.purchases, bytes: Array(purchases(3_000).utf8), fileName: "p.csv",
                                         options: options()) { done, total in
            do {
                try other.setMeta("written during the import", "\(done)/\(total)")
                writesDuringTheImport.append("ok")
            } catch {
                writesDuringTheImport.append(StoreError.message(for: error))
            }
        }
        XCTAssertEqual(report.inserted, 3_000)
        XCTAssertFalse(writesDuringTheImport.isEmpty, "the import reported its progress")
        XCTAssertEqual(Set(writesDuringTheImport), ["ok"], "never blocked by the import's parsing")
        XCTAssertEqual(try count(store, "purchase"), 3_000)
    }

    func testADryRunTakesNoWriteLock() throws {
        let store = try Store(path: dbPath, busyTimeout: 0.2)
        defer { try? store.close() }
        try importText(store, .customers, "number,name\nK1,Alpha\nK2,Beta\n")
        var config = Configuration()
        config.busyMode = .timeout(5)
        let holder = try DatabaseQueue(path: dbPath, configuration: config)
        defer { try? holder.close() }
        // Another Loyal is in the middle of a long save.
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE; UPDATE meta SET value = value")
            defer { try? db.execute(sql: "ROLLBACK") }
            let report = try importText(store, .purchases, purchases(500)) { $0.dryRun = true }
            XCTAssertEqual(report.rows, 500)
            XCTAssertThrowsError(try importText(store, .purchases, purchases(500))) { error in
                XCTAssertEqual(error as? StoreError, .busy(seconds: 0.2), "a real import waits for the lock")
            }
        }
    }
}
