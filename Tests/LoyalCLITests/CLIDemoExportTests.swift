import Foundation
import XCTest

/// `loyal demo` → `loyal accounts` → `loyal export`, as a script would use them.
final class CLIDemoExportTests: CLITestCase {
    static let accountFields = ["number", "name", "city", "class", "class_overridden", "value", "p_alive", "potential", "revenue_12m",
                                "revenue_previous_12m", "trend", "last_purchase", "risk", "rep", "status", "returnee"]
    static let customerFields = ["number", "name", "street", "postal_code", "city", "country", "phone", "email", "website",
                                 "industry", "employees", "revenue_band", "rep", "since", "preferences", "preferred_channel",
                                 "best_call_times", "high_season", "busy_hours", "potential", "class", "kind", "notes", "status",
                                 "lost_on", "lost_reason", "returned_on", "consent_email", "consent_phone",
                                 "consent_newsletter", "computed_class", "revenue_12m", "revenue_previous_12m", "last_purchase"]

    func testDemoThenAccountsThenExports() throws {
        let demo = try loyal(["demo", "--customers", "300", "--seed", "7"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertTrue(demo.stdout.contains("Demo company created in \(defaultDB) (seed 7, as of 2026-11-23"), demo.stdout)
        let counts = try XCTUnwrap(demoCounts(demo.stdout))
        XCTAssertEqual(counts.customers, 300)
        XCTAssertEqual(counts.a + counts.b + counts.c, 300)
        XCTAssertGreaterThan(counts.a, 0)
        XCTAssertGreaterThan(counts.purchases, 300)
        XCTAssertEqual(try mode(defaultDB), 0o600)

        // accounts --class A as JSON: every documented field, only A, largest revenue first.
        let accounts = try loyal(["accounts", "--class", "A", "--format", "json", "--limit", "0"])
        XCTAssertEqual(accounts.status, 0, accounts.stderr)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.count, counts.a)
        var previous = Double.infinity
        for account in list {
            XCTAssertEqual(Set(account.keys), Set(Self.accountFields))
            XCTAssertEqual(account["class"] as? String, "A")
            XCTAssertTrue(account["class_overridden"] is Bool)
            XCTAssertTrue(account["returnee"] is Bool)
            XCTAssertTrue(["active", "lost"].contains(account["status"] as? String))
            XCTAssertTrue(["up", "flat", "down", "new", "none"].contains(account["trend"] as? String))
            let revenue = try XCTUnwrap((account["revenue_12m"] as? NSNumber)?.doubleValue)
            XCTAssertLessThanOrEqual(revenue, previous)
            XCTAssertGreaterThan(revenue, 0)
            previous = revenue
        }
        // The default limit is 50.
        let limited = try loyal(["accounts", "--format", "json"])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [Any])?.count, 50)
        let csv = try loyal(["accounts", "--class", "b", "--format", "csv", "--limit", "0"])
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").first, Self.accountFields.joined(separator: ","))
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, counts.b + 1)

        // export purchases to a file: a header and one line per purchase.
        let file = home.appendingPathComponent("purchases.csv").path
        let export = try loyal(["export", "purchases", "--format", "csv", "-o", file])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, "")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "customer,date,amount,margin,discount,product,quantity,reference")
        XCTAssertEqual(lines.last, "")
        XCTAssertEqual(lines.count - 2, counts.purchases)
        XCTAssertFalse(text.contains("\n\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])

        // export customers as JSON.
        let customers = try loyal(["export", "customers", "--format", "json"])
        XCTAssertEqual(customers.status, 0, customers.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(customers.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 300)
        XCTAssertEqual(rows.compactMap { $0["number"] as? String }, (1...300).map { "K\(100_000 + $0)" })
        for row in rows { XCTAssertEqual(Set(row.keys), Set(Self.customerFields)) }

        // A second demo into the same database is refused.
        let again = try loyal(["demo", "--customers", "5"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("already holds customers"), again.stderr)
    }

    func testSameSeedGivesIdenticalPurchases() throws {
        var exports: [String] = []
        for (name, seed) in [("one.db", "7"), ("two.db", "7"), ("three.db", "8")] {
            let db = home.appendingPathComponent(name).path
            let demo = try loyal(["demo", "--customers", "300", "--seed", seed, "--db", db])
            XCTAssertEqual(demo.status, 0, demo.stderr)
            let export = try loyal(["export", "purchases", "--db", db])
            XCTAssertEqual(export.status, 0, export.stderr)
            exports.append(export.stdout)
        }
        XCTAssertGreaterThan(exports[0].count, 1000)
        XCTAssertEqual(exports[0], exports[1])
        XCTAssertNotEqual(exports[0], exports[2])
    }

    func testTableOutput() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "30", "--seed", "3"]).status, 0)
        let table = try loyal(["accounts", "--limit", "5", "--sort", "number"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines[0].hasPrefix("NUMBER"))
        XCTAssertTrue(lines[1].hasPrefix("K100001 "))
        XCTAssertTrue(lines[6].hasPrefix("5 of 30 accounts shown; revenue 12 months "), String(lines[6]))
        XCTAssertTrue(lines[6].hasSuffix(" €"))
    }
}
