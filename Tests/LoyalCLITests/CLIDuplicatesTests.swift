import Foundation
import XCTest

/// `loyal duplicates` finds the planted near-duplicates; `loyal merge` and `--undo` as a user runs them.
final class CLIDuplicatesTests: CLITestCase {
    func testPlantedDuplicatesAreFoundMergedAndUnmerged() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "60", "--seed", "3"]).status, 0)
        _ = try write("""
            number,name,postal_code,city,email,phone
            P1,Bäckerei Groß GmbH,01067,Dresden,info@gross.de,+49 351 12345
            P2,BAECKEREI  GROSS gmbh,01067,Dresden,,0351-12345
            P3,Straßenbau Weiß KG,04109,Leipzig,,
            P4,STRASSENBAU WEISS KG,04109,Leipzig,,

            """, to: "planted.csv")
        _ = try write("customer,date,amount,reference\nP2,2026-02-10,200,R2\nP4,2026-03-10,300,R3\n", to: "p.csv")
        XCTAssertEqual(try loyal(["import", "customers", "planted.csv"]).status, 0)
        XCTAssertEqual(try loyal(["import", "purchases", "p.csv"]).status, 0)
        let result = try loyal(["duplicates", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let pairs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        func pair(_ a: String, _ b: String) -> [String: Any]? {
            pairs.first { ($0["a"] as? [String: Any])?["label"] as? String == a && ($0["b"] as? [String: Any])?["label"] as? String == b }
        }
        XCTAssertEqual(pair("P1", "P2")?["reasons"] as? [String], ["same name", "same phone"])
        XCTAssertEqual(pair("P1", "P2")?["score"] as? Int, 100)
        XCTAssertEqual(pair("P3", "P4")?["reasons"] as? [String], ["same name"], "ß and ss, case and spaces fold")

        let merged = try loyal(["merge", "P1", "P2"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stdout.hasPrefix("merged P2 into P1: moved"), merged.stdout)
        let accounts = try loyal(["accounts", "--limit", "0", "--format", "csv"]).stdout
        XCTAssertFalse(accounts.contains("\nP2,"), "P2 is gone")
        XCTAssertTrue(try loyal(["export", "purchases"]).stdout.contains("P1,2026-02-10,200.00"), "its purchase is P1's")

        let undone = try loyal(["merge", "--undo"])
        XCTAssertEqual(undone.stdout, "undid the merge of P2 into P1\n", undone.stderr)
        XCTAssertTrue(try loyal(["export", "purchases"]).stdout.contains("P2,2026-02-10,200.00"))
        XCTAssertEqual(try loyal(["merge", "--undo"]).status, 1, "nothing left to undo")
        XCTAssertEqual(try loyal(["merge", "P1", "NOPE"]).stderr, "Error: no customer has the number NOPE\n")
    }
}
