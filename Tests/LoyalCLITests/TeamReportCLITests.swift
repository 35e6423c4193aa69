import Foundation
import XCTest

/// `loyal report team` on a demo company: table, CSV and JSON carry the same fields and
/// the same figures, the team's line is the sum of the others, and each rep's accounts
/// are the ones `loyal accounts --rep` lists. (The figures themselves are worked out by
/// hand in TeamOverviewTests.)
final class TeamReportCLITests: CLITestCase {
    static let fields = ["row", "rep", "name", "accounts_a", "accounts_b", "accounts_c", "revenue_12m", "revenue_previous_12m",
                         "revenue_trend", "at_risk", "at_stake", "plan_open", "plan_overdue", "visits_done", "visits_planned",
                         "calls_done", "calls_planned", "nps", "nps_previous", "nps_change", "nps_answers", "satisfaction",
                         "satisfaction_previous", "satisfaction_change", "satisfaction_answers", "lost", "won_back"]

    func testTheThreeFormatsCarryTheSameFieldsAndFigures() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "300", "--seed", "5"]).status, 0)
        let json = try loyal(["report", "team", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertGreaterThan(rows.count, 2)
        for row in rows { XCTAssertEqual(Set(row.keys), Set(Self.fields)) }
        XCTAssertEqual(rows.map { $0["row"] as? String }.last, "team")
        XCTAssertTrue(rows.dropLast().allSatisfy { $0["row"] as? String == "rep" }, "the demo gives every customer a rep")

        // CSV: the same header in the same order, the same values line by line.
        let csv = try loyal(["report", "team", "--format", "csv"]).stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(csv.first, Self.fields.joined(separator: ","))
        XCTAssertEqual(csv.count - 1, rows.count)
        for (line, row) in zip(csv.dropFirst(), rows) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(cells.count, Self.fields.count, line)
            for (field, cell) in zip(Self.fields, cells) {
                XCTAssertEqual(cell, Self.csvText(row[field], field), "\(field) in \(line)")
            }
        }

        // The table: a column per field but `row` (its REP and NAME say it), the same figures.
        let table = try loyal(["report", "team"]).stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
        XCTAssertEqual(table.first?.split(separator: " ").first, "REP")
        XCTAssertEqual(table.count, rows.count + 2, "header, rows, the line naming the windows")
        XCTAssertTrue(table.last?.hasPrefix("as of 2026-11-23; visits and calls 2026-10-24 to 2026-11-22") == true, table.last ?? "")
        for (line, row) in zip(table.dropFirst(), rows) {
            let name = row["name"] as! String
            let tokens = line.replacing(name, with: "").split(separator: " ").map(String.init).filter { $0 != "€" }
            XCTAssertEqual(tokens, Self.tableTokens(row), line)
        }

        // The team's line adds up the reps' counts and sums to the cent.
        let team = rows.last!, reps = rows.dropLast()
        for field in Self.fields where !["row", "rep", "name", "revenue_trend"].contains(field) && !field.hasPrefix("nps")
            && !field.hasPrefix("satisfaction") {
            let sum = reps.reduce(0.0) { $0 + (($1[field] as? NSNumber)?.doubleValue ?? 0) }
            XCTAssertEqual((team[field] as? NSNumber)?.doubleValue ?? -1, sum, accuracy: 0.001, field)
        }
        for field in ["nps_answers", "satisfaction_answers"] {
            XCTAssertEqual(team[field] as? Int, reps.reduce(0) { $0 + ($1[field] as? Int ?? 0) })
        }

        // Each rep's accounts are those `loyal accounts --rep` lists.
        for row in reps.prefix(3) {
            let code = row["rep"] as! String
            let accounts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try loyal(
                ["accounts", "--rep", code, "--limit", "0", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
            for (cls, field) in [("A", "accounts_a"), ("B", "accounts_b"), ("C", "accounts_c")] {
                XCTAssertEqual(accounts.filter { $0["class"] as? String == cls }.count, row[field] as? Int, "\(code) \(cls)")
            }
        }
    }

    func testAnEmptyDatabaseHasATeamOfNobody() throws {
        XCTAssertEqual(try loyal(["import", "customers", try write("number,name\nK1,Alpha\n", to: "c.csv").path]).status, 0)
        let json = try loyal(["report", "team", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["row"] as? String }, ["unassigned", "team"])
        XCTAssertTrue(rows[0]["rep"] is NSNull)
        XCTAssertEqual(rows[1]["accounts_c"] as? Int, 1)
        XCTAssertTrue(rows[1]["nps"] is NSNull)
    }

    /// A JSON value as the CSV writes it: null empty, money with cents, satisfaction in tenths.
    static func csvText(_ value: Any?, _ field: String) -> String {
        switch value {
        case let s as String: return s
        case let n as NSNumber:
            if ["revenue_12m", "revenue_previous_12m", "at_stake"].contains(field) { return String(format: "%.2f", n.doubleValue) }
            if field.hasPrefix("satisfaction") && field != "satisfaction_answers" { return String(format: "%.1f", n.doubleValue) }
            return "\(n.intValue)"
        default: return ""
        }
    }

    /// What the table shows of a row, word by word (names taken out, € signs dropped).
    static func tableTokens(_ row: [String: Any]) -> [String] {
        func int(_ f: String) -> String { (row[f] as? NSNumber).map { "\($0.intValue)" } ?? "–" }
        func euros(_ f: String) -> String {
            let cents = Int64((((row[f] as? NSNumber)?.doubleValue ?? 0) * 100).rounded())
            var digits = String((cents.magnitude + 50) / 100), grouped = ""
            while digits.count > 3 { grouped = "." + digits.suffix(3) + grouped; digits.removeLast(3) }
            return (cents < 0 ? "-" : "") + digits + grouped
        }
        func tenths(_ f: String, signed: Bool = false) -> String {
            guard let d = (row[f] as? NSNumber)?.doubleValue else { return "–" }
            return (signed && d > 0 ? "+" : "") + String(format: "%.1f", d).replacing(".", with: ",")
        }
        return [(row["rep"] as? String) ?? "–", int("accounts_a"), int("accounts_b"), int("accounts_c"), euros("revenue_12m"),
                euros("revenue_previous_12m"), row["revenue_trend"] as! String, int("at_risk"), euros("at_stake"),
                int("plan_open"), int("plan_overdue"), int("visits_done"), int("visits_planned"), int("calls_done"),
                int("calls_planned"), int("nps"), int("nps_previous"), int("nps_change"), int("nps_answers"),
                tenths("satisfaction"), tenths("satisfaction_previous"), tenths("satisfaction_change", signed: true),
                int("satisfaction_answers"), int("lost"), int("won_back")]
    }
}
