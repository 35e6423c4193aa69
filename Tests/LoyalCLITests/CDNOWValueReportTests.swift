import Foundation
import XCTest

/// The customer-value models checked against the published results on the CDNOW
/// sample (Fader, Hardie & Lee 2005): imported through the normal CSV import and
/// fitted by `loyal report value`, as a user would do it.
final class CDNOWValueReportTests: CLITestCase {
    var cdnow: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/cdnow/cdnow_sample_transactions.csv").path
    }

    func testTheFitReproducesThePublishedParameters() throws {
        let imported = try loyal(["import", "purchases", cdnow, "--create-customers"], env: ["LOYAL_TODAY": "1998-07-01"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("6919 rows, 6919 written, 2357 customers created"), imported.stdout)

        let result = try loyal(["report", "value", "--as-of", "1997-09-30", "--time-unit", "week", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let bgnbd = try XCTUnwrap(json["bgnbd"] as? [String: Any])
        let gg = try XCTUnwrap(json["gamma_gamma"] as? [String: Any])
        func value(_ d: [String: Any], _ key: String) -> Double { (d[key] as? NSNumber)?.doubleValue ?? .nan }
        // Published: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (BG/NBD paper, weeks).
        XCTAssertEqual(value(bgnbd, "r"), 0.243, accuracy: 0.0005)
        XCTAssertEqual(value(bgnbd, "alpha"), 4.414, accuracy: 0.0005)
        XCTAssertEqual(value(bgnbd, "a"), 0.793, accuracy: 0.0005)
        XCTAssertEqual(value(bgnbd, "b"), 2.426, accuracy: 0.0005)
        XCTAssertEqual(value(bgnbd, "log_likelihood"), -9582.4, accuracy: 0.05)
        XCTAssertEqual(bgnbd["customers"] as? Int, 2357)
        // Published: p = 6.25, q = 3.74, γ = 15.44 on 946 customers with repeat purchases (Gamma-Gamma note).
        XCTAssertEqual(value(gg, "p"), 6.25, accuracy: 0.005)
        XCTAssertEqual(value(gg, "q"), 3.74, accuracy: 0.005)
        XCTAssertEqual(value(gg, "gamma"), 15.44, accuracy: 0.005)
        XCTAssertEqual(gg["customers"] as? Int, 946)

        let customers = try XCTUnwrap(json["customers"] as? [[String: Any]])
        XCTAssertEqual(customers.count, 2357, "every customer with a purchase up to the as-of day")
        // Customer 1 bought on 1997-01-01, 1997-01-18 and 1997-08-02 before 1997-09-30:
        // x = 2 repeat purchases, t_x = 213 days = 30.43 weeks, T = 272 days = 38.86 weeks.
        let first = try XCTUnwrap(customers.first { $0["number"] as? String == "1" })
        XCTAssertEqual(first["frequency"] as? Int, 2)
        XCTAssertEqual(value(first, "recency"), 213.0 / 7, accuracy: 0.0001)
        XCTAssertEqual(value(first, "T"), 272.0 / 7, accuracy: 0.0001)
        // A one-time buyer is "alive" for BG/NBD (the trap DESIGN.md warns about): P(alive) = 1.
        let oneTime = try XCTUnwrap(customers.first { $0["frequency"] as? Int == 0 })
        XCTAssertEqual(value(oneTime, "p_alive"), 1, accuracy: 1e-12)
    }

    func testOnlyPurchasesUpToTheAsOfDayCount() throws {
        XCTAssertEqual(try loyal(["import", "purchases", cdnow, "--create-customers"]).status, 0)
        let early = try loyal(["report", "value", "--as-of", "1997-01-31", "--time-unit", "week", "--format", "csv"])
        XCTAssertEqual(early.status, 0, early.stderr)
        let lines = early.stdout.split(separator: "\r\n")
        XCTAssertEqual(lines.first, "number,frequency,recency,T,expected_purchases,p_alive,expected_spend,value,class")
        // The sample's customers made their first purchase in the first quarter of 1997;
        // by 31 January only those of January can appear.
        XCTAssertLessThan(lines.count - 1, 2357)
        XCTAssertGreaterThan(lines.count - 1, 500)
    }
}
