import XCTest
import LoyalCore
@testable import LoyalStore

/// `--skip-bad`: the good rows come in, the bad ones come back with line and reason.
final class StoreImportSkipBadTests: StoreTestCase {
    func testGoodRowsAreImportedAndEachBadRowIsHandedBackWithItsReasons() throws {
        let store = try makeStore()
        let text = """
            number,name,city,country,employees
            S1,Gut AG,Köln,Deutschland,5
            S2,,Bonn,DE,x
            S3,Auch Gut,Ulm,Austria,
            S1,Doppelt,Trier,DE,
            S4,Fern,Rom,Atlantis,

            """
        let report = try importText(store, .customers, text) { $0.skipBad = true }
        XCTAssertEqual(report.rows, 5)
        XCTAssertEqual(report.inserted, 2)
        XCTAssertEqual(report.headerFields, ["number", "name", "city", "country", "employees"])
        XCTAssertEqual(report.rejects.map(\.line), [3, 5, 6])
        XCTAssertEqual(report.rejects[0].fields, ["S2", "", "Bonn", "DE", "x"])
        XCTAssertEqual(report.rejects[0].reasons.count, 2, "every reason of the row: \(report.rejects[0].reasons)")
        XCTAssertTrue(report.rejects[0].reasons.contains("column \"name\": is empty"), "\(report.rejects[0].reasons)")
        XCTAssertEqual(report.rejects[1].reasons, ["column \"number\": \"S1\" appears again (first on line 2)"])
        XCTAssertTrue(report.rejects[2].reasons[0].hasPrefix("column \"country\": \"Atlantis\" is not a country"))
        let stored = try exportRows(store, .customers).map { "\($0["number"]!) \($0["name"]!) \($0["country"]!)" }
        XCTAssertEqual(stored, ["S1 Gut AG DE", "S3 Auch Gut AT"])
    }

    func testWithoutItOneBadRowImportsNothing() throws {
        let store = try makeStore()
        let failure = importFailure(store, .customers, "number,name\nS1,Gut\nS2,\n")
        XCTAssertEqual(failure?.problems.map(\.line), [3])
        XCTAssertEqual(try exportRows(store, .customers).count, 0)
    }

    func testABrokenFileStillImportsNothing() throws {
        // An unclosed quote swallows every row after it: nothing can be trusted, so nothing is imported.
        let store = try makeStore()
        let failure = importFailure(store, .customers, "number,name\nS1,Gut\nS2,\"offen\nS3,Drei\n") { $0.skipBad = true }
        XCTAssertEqual(failure?.problems.first?.line, 3)
        XCTAssertEqual(try exportRows(store, .customers).count, 0)
    }
}
