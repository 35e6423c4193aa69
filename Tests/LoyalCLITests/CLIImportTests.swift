import Foundation
import XCTest

/// `loyal import`: bad files change nothing and say why, line by line.
final class CLIImportTests: CLITestCase {
    private func snapshot() throws -> [String] {
        try ["customers", "contacts", "products", "purchases"].map { try loyal(["export", $0]).stdout }
    }

    func testBadPurchasesFileImportsNothing() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "20", "--seed", "5"]).status, 0)
        let before = try snapshot()
        _ = try write("customer,date,amount\nK100001,2026-01-05,10.00\nK100002,31.02.2024,5.00\nK100003,2026-01-07,abc\n",
                      to: "bad.csv")
        let result = try loyal(["import", "purchases", "bad.csv"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n"), [
            "bad.csv:3: column \"date\": \"31.02.2024\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)",
            "bad.csv:4: column \"amount\": \"abc\" is not an amount (expected an amount such as 1234.56 or 1.234,56)",
            "bad.csv: nothing was imported: 2 problems",
        ])
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try snapshot(), before)
    }

    func testGoodFileThenTheSameFileAgain() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "20", "--seed", "5"]).status, 0)
        let file = try write("Kundennummer;Datum;Betrag;Belegnummer\nK100001;05.01.2026;1.234,56;X-1\n", to: "good.csv")
        let result = try loyal(["import", "purchases", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "\(file.path): imported purchases: 1 rows, 1 written")
        XCTAssertTrue(lines.last?.hasPrefix("refreshed 20 customers as of 2026-11-23: ") ?? false, result.stdout)
        XCTAssertTrue(lines.last?.hasSuffix(" on the early-warning panel") ?? false, result.stdout)
        XCTAssertTrue(try loyal(["export", "purchases"]).stdout.contains("\r\nK100001,2026-01-05,1234.56,,,,1,X-1\r\n"))

        let again = try loyal(["import", "purchases", file.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("importing it again would count its purchases twice"), again.stderr)
        XCTAssertEqual(try loyal(["import", "purchases", "--again", file.path]).status, 0)
    }

    func testDryRunAndUnknownCustomers() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "5", "--seed", "5"]).status, 0)
        let before = try snapshot()
        let file = try write("customer,date,amount\nNEU-1,2026-01-05,10.00\n", to: "new.csv")
        let refused = try loyal(["import", "purchases", file.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(file.path):2: column \"customer\": no customer has the number \"NEU-1\""),
                      refused.stderr)
        let dry = try loyal(["import", "purchases", "--create-customers", "--dry-run", file.path])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        // The first rows as the fields read them, then the verdict.
        XCTAssertEqual(dry.stdout, "row 1 (line 2): customer=NEU-1, date=2026-01-05, amount=10.00\n"
                       + "\(file.path): OK, 1 rows would be imported (dry run: nothing written)\n")
        XCTAssertEqual(try snapshot(), before)
        let created = try loyal(["import", "purchases", "--create-customers", file.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("1 customers created"), created.stdout)
        XCTAssertTrue(try loyal(["export", "customers"]).stdout.contains("\r\nNEU-1,NEU-1,"))
    }

    func testColumnsTable() throws {
        let result = try loyal(["import", "purchases", "--columns"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "| field | accepted header names | meaning |")
        XCTAssertTrue(lines.contains { $0.hasPrefix("| date (required) | `date`, `Datum`, ") })
    }
}
