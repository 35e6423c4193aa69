import Foundation
import XCTest

/// `loyal plan --explain` and `--tours` on the demo company (150 customers, seed 11) as of Mon 23.11.2026.
final class PlanCLITests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try loyal(["demo", "--customers", "150", "--seed", "11"]).status, 0)
    }

    func agenda() throws -> [[String: Any]] {
        let r = try loyal(["agenda", "--days", "91", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
    }

    func german(_ iso: String) -> String { iso.split(separator: "-").reversed().joined(separator: ".") }

    func testExplainNamesRuleWindowAndPriorityOfEachEntry() throws {
        let visit = try XCTUnwrap(try agenda().first {
            ($0["class"] as? String) == "A" && ($0["channel"] as? String) == "visit" && ($0["source"] as? String) == "plan"
        })
        let number = visit["customer"] as! String
        let r = try loyal(["plan", "--explain", number])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("\(number) "), lines[0])
        XCTAssertTrue(lines[0].contains("class A, rep \(visit["rep"] as! String)"), lines[0])
        // The visit's block: its day as the agenda has it, the rule with its window, its place in the queue.
        let head = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("\(german(visit["due"] as! String))  visit  \(visit["reason"] as! String)") },
                                 r.stdout)
        let note = visit["note"] as! String
        if note.contains("overdue since") {
            XCTAssertTrue(lines[head + 1].hasPrefix("  rule: missed contact, rolled forward; window next free capacity within 10 working days"), lines[head + 1])
        } else {
            XCTAssertTrue(lines[head + 1].hasPrefix("  rule: an A customer's regular visit; window ±10 working days"), lines[head + 1])
        }
        XCTAssertTrue(lines[head + 2].hasPrefix("  priority: "), lines[head + 2])
        XCTAssertTrue(lines[head + 2].contains(" in the rep's queue (expected loss "), lines[head + 2])
        XCTAssertFalse(lines[head + 3].isEmpty)
        // An unknown number is an error, not an empty plan.
        let unknown = try loyal(["plan", "--explain", "NOPE"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("no customer has the number NOPE"), unknown.stderr)
    }

    func testToursShowEachRepsVisitDaysAndTheirRegions() throws {
        let visits = try agenda().filter { ($0["channel"] as? String) == "visit" }
        let r = try loyal(["plan", "--tours", "--days", "91"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        // REP, weekday, day, visits, regions…: as many visits as the agenda has, per rep and day.
        XCTAssertEqual(rows.map { Int($0[3])! }.reduce(0, +), visits.count)
        var perRepDay: [String: Int] = [:]
        for v in visits { perRepDay["\(v["rep"] as! String) \(german(v["due"] as! String))", default: 0] += 1 }
        for row in rows { XCTAssertEqual(perRepDay["\(row[0]) \(row[2])"], Int(row[3]), "\(row)") }
        XCTAssertTrue(rows.allSatisfy { Int($0[3])! <= 4 }, "no more than four visits a day")
        let last = try XCTUnwrap(r.stdout.split(separator: "\n").last)
        let mean = try XCTUnwrap(Double(last.split(separator: " ").last!))
        XCTAssertTrue(last.hasPrefix("\(rows.count) visit days, mean postal regions per visit day "), String(last))
        XCTAssertLessThanOrEqual(mean, 2)
    }
}
