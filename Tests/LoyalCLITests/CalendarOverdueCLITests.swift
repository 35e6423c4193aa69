import Foundation
import XCTest

/// The agenda a week after the plan was made (demo as of Mon 23.11.2026, 150 customers,
/// seed 11; a rep opens it on Tue 01.12.2026 before any refresh): what was not done is one
/// overdue line, and a refresh rolls it forward onto working days with its mark.
final class CalendarOverdueCLITests: CLITestCase {
    let later: [String: String?] = ["LOYAL_TODAY": "2026-12-01"]

    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try loyal(["demo", "--customers", "150", "--seed", "11"]).status, 0)
    }

    func json(_ args: [String]) throws -> [[String: Any]] {
        let r = try loyal(args + ["--format", "json"], env: later)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    func testOverdueIsOneLineUntilAskedAndRollsForwardOnRefresh() throws {
        let overdue = try json(["agenda"]).filter { ($0["group"] as? String) == "overdue" }
        XCTAssertGreaterThan(overdue.count, 10)
        let oldest = try XCTUnwrap(overdue.compactMap { $0["due"] as? String }.min())
        let german = oldest.split(separator: "-").reversed().joined(separator: ".")
        let table = try loyal(["agenda"], env: later).stdout.split(separator: "\n").map(String.init)
        let lines = table.filter { $0.hasPrefix("OVERDUE") }
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains("\(overdue.count) open (oldest since \(german))"), lines[0])
        XCTAssertTrue(table[2].hasPrefix("TODAY"), "today right below the one overdue line: \(table.prefix(3))")
        // --overdue lists them all.
        let listed = try loyal(["agenda", "--overdue"], env: later).stdout
        for e in overdue { XCTAssertTrue(listed.contains(e["reason"] as! String)) }

        XCTAssertEqual(try loyal(["refresh"], env: later).status, 0)
        let after = try json(["agenda", "--days", "91"])
        XCTAssertEqual(after.filter { ($0["group"] as? String) == "overdue" }.count, 0)
        // Each missed contact is on a working day from today on, marked; a missed birthday is gone
        // (its day was the point of it), and what found no room is listed as not fitting.
        let byUID = Dictionary(uniqueKeysWithValues: after.map { ($0["uid"] as! String, $0) })
        let unplanned = Set(try json(["agenda", "--unplanned"]).map { $0["uid"] as! String })
        var rolled = 0
        for e in overdue where !(e["source"] as! String).hasSuffix("birthday") {
            let uid = e["uid"] as! String
            // A call after a purchase more than 30 days (`after_purchase_lookback_days`) back is
            // no longer a thank-you: the refresh drops it, as it drops a missed birthday.
            if e["source"] as! String == "post_purchase", let bought = uid.split(separator: "-").last?.prefix(8),
               String(bought) < "20261101" { continue }
            if unplanned.contains(uid) { continue }
            let now = try XCTUnwrap(byUID[uid], "\(e)")
            XCTAssertGreaterThanOrEqual(now["due"] as! String, "2026-12-01")
            // A first contact ("no e-mail yet") sits on a grid counted from today, never overdue.
            if (now["note"] as! String).contains("overdue since") { rolled += 1 }
        }
        XCTAssertGreaterThan(rolled, 10)
        XCTAssertFalse(try loyal(["agenda"], env: later).stdout.contains("OVERDUE"))
    }

    func testUnplannedListsWhatDoesNotFit() throws {
        // The refresh says how much does not fit and `--unplanned` lists as many.
        let refresh = try loyal(["refresh"], env: later)
        XCTAssertEqual(refresh.status, 0, refresh.stderr)
        let unplanned = try json(["agenda", "--unplanned"])
        if unplanned.isEmpty {
            XCTAssertFalse(refresh.stdout.contains("does not fit"), refresh.stdout)
        } else {
            XCTAssertTrue(refresh.stdout.contains("does not fit: \(unplanned.count) ("), refresh.stdout)
        }
        let table = try loyal(["agenda", "--unplanned"], env: later).stdout
        XCTAssertTrue(table.hasSuffix("\n") && table.contains("does not fit: \(unplanned.count)"), table)
    }
}
