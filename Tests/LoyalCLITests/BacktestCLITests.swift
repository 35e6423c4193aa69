import Foundation
import XCTest

/// `loyal backtest` as a manager runs it: on the CDNOW sample against the figures
/// and an AUC computed here independently, and on the demo company against the panel's promise.
final class BacktestCLITests: CLITestCase {
    var cdnow: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/cdnow/cdnow_sample_transactions.csv")
    }

    func backtest(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let result = try loyal(["backtest", "--format", "json"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], file: file, line: line)
    }

    /// AUC by counting pairs: each customer who left against each who stayed, ties half.
    func pairwiseAUC(_ scored: [(Double, Bool)]) -> Double {
        let left = scored.filter(\.1).map(\.0), stayed = scored.filter { !$0.1 }.map(\.0)
        var wins = 0.0
        for l in left { for s in stayed { wins += l > s ? 1 : l == s ? 0.5 : 0 } }
        return wins / Double(left.count * stayed.count)
    }

    func testCDNOWCutAtSeptember1997BeatsBothReferences() throws {
        let lines = try String(contentsOf: cdnow, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(try loyal(["import", "purchases", cdnow.path, "--create-customers"],
                                 env: ["LOYAL_TODAY": "1998-07-01"]).status, 0)
        let before = try loyal(["accounts", "--limit", "0", "--format", "csv"], env: ["LOYAL_TODAY": "1998-07-01"]).stdout

        let json = try backtest(["--as-of", "1997-09-30", "--horizon-days", "273"])
        XCTAssertEqual(json["customers"] as? Int, 2357)
        // 1,673 of the 2,357 made no purchase in the 39 weeks after the cut.
        XCTAssertEqual(json["positives"] as? Int, 1673)
        let auc = try XCTUnwrap(json["auc"] as? Double)
        let references = try XCTUnwrap(json["references"] as? [String: [String: Any]])
        let recency = try XCTUnwrap(references["days_since_last_purchase"]?["auc"] as? Double)
        let expected = try XCTUnwrap(references["expected_purchases"]?["auc"] as? Double)
        // The references: weeks since the last purchase 0.771, expected purchases 0.773.
        XCTAssertEqual(recency, 0.771, accuracy: 0.002)
        XCTAssertEqual(expected, 0.773, accuracy: 0.002)
        XCTAssertGreaterThanOrEqual(auc, 0.78)
        XCTAssertGreaterThan(auc, max(recency, expected))
        XCTAssertNotNil(json["top_decile_lift"] as? Double)
        let calibration = try XCTUnwrap(json["calibration"] as? [[String: Any]])
        XCTAssertEqual(calibration.count, 10)
        XCTAssertEqual(calibration.map { $0["customers"] as! Int }.reduce(0, +), 2357)
        // The database was only read.
        XCTAssertEqual(try loyal(["accounts", "--limit", "0", "--format", "csv"], env: ["LOYAL_TODAY": "1998-07-01"]).stdout, before)

        // Independently: a database holding only the purchases up to the cut, refreshed as of it,
        // each customer's risk from `accounts`, against who bought in the 273 days after.
        let header = lines[0]
        let cut = lines.dropFirst().filter { $0.split(separator: ",")[1] <= "1997-09-30" }
        let boughtAgain = Set(lines.dropFirst().compactMap { line -> String? in
            let f = line.split(separator: ",")
            return f[1] > "1997-09-30" && f[1] <= "1998-06-30" ? String(f[0]) : nil
        })
        let file = try write(([header] + cut).joined(separator: "\n") + "\n", to: "cut.csv")
        let db = home.appendingPathComponent("cut.db").path
        XCTAssertEqual(try loyal(["import", "purchases", file.path, "--create-customers", "--db", db],
                                 env: ["LOYAL_TODAY": "1997-09-30"]).status, 0)
        let accounts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try loyal(
            ["accounts", "--limit", "0", "--format", "json", "--db", db], env: ["LOYAL_TODAY": "1997-09-30"]).stdout.utf8))
            as? [[String: Any]])
        XCTAssertEqual(accounts.count, 2357)
        let independent = pairwiseAUC(accounts.map { ($0["risk"] as! Double, !boughtAgain.contains($0["number"] as! String)) })
        XCTAssertEqual(auc, independent, accuracy: 0.01)
    }

    func testOnTheDemoThePanelIsAQuarterAtMostAndTwiceAsPreciseAsChance() throws {
        for (customers, seed) in [(1500, 1), (600, 7)] {
            let db = home.appendingPathComponent("demo-\(seed).db").path
            let demo = try loyal(["demo", "--customers", String(customers), "--seed", String(seed), "--db", db])
            XCTAssertEqual(demo.status, 0, demo.stderr)
            let accounts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try loyal(
                ["accounts", "--limit", "0", "--format", "json", "--db", db]).stdout.utf8)) as? [[String: Any]])
            let active = accounts.filter { $0["status"] as? String == "active" }.count
            let panel = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try loyal(
                ["report", "risk", "--format", "json", "--db", db]).stdout.utf8)) as? [[String: Any]])
            XCTAssertGreaterThan(panel.count, 0)
            XCTAssertLessThanOrEqual(Double(panel.count), 0.25 * Double(active), "seed \(seed)")
            XCTAssertTrue(panel.allSatisfy { !(($0["signals"] as? [Any]) ?? []).isEmpty }, "each with evidence")

            let json = try backtest(["--as-of", "2026-05-25", "--horizon-days", "180", "--db", db])
            let base = try XCTUnwrap(json["base_rate"] as? Double)
            let shown = try XCTUnwrap(json["panel"] as? [String: Any])
            let precision = try XCTUnwrap(shown["precision"] as? Double)
            XCTAssertGreaterThan(shown["customers"] as? Int ?? 0, 0)
            XCTAssertGreaterThanOrEqual(precision, 2 * base, "seed \(seed): panel precision \(precision), base rate \(base)")
        }
    }
}
