import Foundation
import LoyalCore
import XCTest

/// `loyal agenda` and `loyal export calendar` on the demo company (150 customers,
/// seed 11) as of Monday 23.11.2026.
final class CalendarCLITests: CLITestCase {
    static let agendaFields: Set = ["group", "due", "time", "customer", "name", "class", "channel", "reason", "source",
                                    "contact", "rep", "blocked", "note", "uid"]
    static let today = "2026-11-23"

    override func setUpWithError() throws {
        try super.setUpWithError()
        let demo = try loyal(["demo", "--customers", "150", "--seed", "11"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
    }

    func agenda(_ args: [String] = []) throws -> [[String: Any]] {
        let r = try loyal(["agenda", "--format", "json"] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], r.stdout)
    }

    func strings(_ list: [[String: Any]], _ key: String) -> [String] { list.map { ($0[key] as? String) ?? "null" } }

    func testAgendaJSONGroupsOverdueThenTodayThenDays() throws {
        let list = try agenda()
        XCTAssertGreaterThan(list.count, 20)
        for entry in list {
            XCTAssertEqual(Set(entry.keys), Self.agendaFields)
            XCTAssertTrue(entry["blocked"] is NSNull, "blocked entries only with --include-blocked")
            for key in ["due", "customer", "name", "class", "channel", "reason", "source", "note", "uid"] {
                XCTAssertTrue(entry[key] is String, "\(key) in \(entry)")
            }
            XCTAssertTrue(["A", "B", "C"].contains(entry["class"] as? String))
            XCTAssertTrue((entry["uid"] as? String)?.hasSuffix("@loyal") ?? false)
        }
        // Groups in order: overdue, today, then each day of the week ahead; within a group by day.
        let groups = strings(list, "group"), dues = strings(list, "due")
        let rank = { (g: String) in g == "overdue" ? 0 : g == "today" ? 1 : 2 }
        XCTAssertEqual(groups.map(rank), groups.map(rank).sorted())
        XCTAssertEqual(dues, dues.sorted())
        // What was planned and not done rolls forward onto today or later, with its mark.
        XCTAssertEqual(groups.filter { $0 == "overdue" }.count, 0)
        let rolled = list.filter { (($0["note"] as? String) ?? "").contains("overdue since") }
        XCTAssertGreaterThan(rolled.count, 0)
        XCTAssertTrue(strings(rolled, "due").allSatisfy { $0 >= Self.today })
        for (g, due) in zip(groups, dues) {
            switch g {
            case "overdue": XCTAssertLessThan(due, Self.today)
            case "today": XCTAssertEqual(due, Self.today)
            default: XCTAssertEqual(g, due); XCTAssertGreaterThan(due, Self.today); XCTAssertLessThanOrEqual(due, "2026-11-29")
            }
        }
        XCTAssertEqual(Set(strings(list, "uid")).count, list.count, "no entry twice")
        // --include-blocked adds the blocked ones, with their reason.
        let all = try agenda(["--include-blocked"])
        let blocked = all.filter { !($0["blocked"] is NSNull) }
        XCTAssertGreaterThan(blocked.count, 0)
        XCTAssertEqual(all.count, list.count + blocked.count)
        XCTAssertTrue(strings(blocked, "blocked").allSatisfy { $0.contains("consent") }, "\(strings(blocked, "blocked"))")
        // The table: headings in the same order, and the count.
        let table = try loyal(["agenda"]).stdout
        XCTAssertNil(table.range(of: "OVERDUE"), "no overdue line when nothing is overdue")
        XCTAssertNotNil(table.range(of: "TODAY"))
        XCTAssertTrue(table.hasSuffix("\(list.count) open entries\n"), String(table.suffix(80)))
    }

    func testReadmeDocumentsEveryAgendaField() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "### `loyal agenda").dropFirst().first)
        for field in Self.agendaFields.sorted() {
            XCTAssertTrue(section.contains("| `\(field)` |"), "README: agenda field \(field)")
        }
    }

    func testAgendaRepFilterAndDays() throws {
        let all = try agenda(["--days", "7"])
        let ab = try agenda(["--rep", "AB"])
        XCTAssertGreaterThan(ab.count, 0)
        XCTAssertEqual(Set(strings(ab, "rep")), ["AB"])
        XCTAssertEqual(strings(ab, "uid"), strings(all.filter { ($0["rep"] as? String) == "AB" }, "uid"))
        XCTAssertEqual(strings(try agenda(["--rep", "ab"]), "uid"), strings(ab, "uid"), "rep codes ignore case")
        XCTAssertEqual(try agenda(["--rep", "NOBODY"]).count, 0)
        let one = try agenda(["--days", "1"])
        XCTAssertTrue(Set(strings(one, "group")).isSubset(of: ["overdue", "today"]))
        XCTAssertEqual(strings(one, "uid"), strings(all.filter { ["overdue", "today"].contains($0["group"] as? String) }, "uid"))
        let fortnight = try agenda(["--days", "14"])
        XCTAssertGreaterThan(fortnight.count, all.count)
        XCTAssertEqual(Array(strings(fortnight, "uid").prefix(all.count)), strings(all, "uid"))
    }

    func testCalendarExportsAsCSVAndJSON() throws {
        let csv = try loyal(["export", "calendar"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "uid,customer,rep,due,time,channel,reason,source,status,status_reason,done_on,blocked,note")
        let json = try loyal(["export", "calendar", "--format", "json"])
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, lines.count - 1)
        XCTAssertEqual(Set(rows.compactMap { $0["uid"] as? String }).count, rows.count)
        XCTAssertEqual(try loyal(["export", "customers", "--format", "ics"]).status, 64, "ics is for the calendar only")
    }
}
