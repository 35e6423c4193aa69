import GRDB
import Foundation
import XCTest

/// `loyal report risk|lost` on a small demo company, as a script would read it.
final class ReportCommandTests: CLITestCase {
    static let riskFields: Set<String> = ["number", "name", "class", "value", "risk", "band", "base", "factors", "stage", "rep",
                                          "assigned", "signals"]
    static let stages: Set<String> = ["at_risk", "plan_in_place", "saving", "recovered", "lost"]
    /// The default rules' weights (config defaults).
    static let weights: [String: Int] = [
        "revenue_drop": 30, "overdue": 25, "likely_inactive": 15, "open_complaint": 15, "repeated_complaints": 20,
        "low_nps": 15, "low_csat": 15, "high_effort": 10, "discount_creep": 15, "price_pressure": 15, "contact_left": 20,
        "address_changed": 10, "competitor_named": 20, "cancellation": 50, "single_category": 10,
    ]

    private func demo() throws {
        let demo = try loyal(["demo", "--customers", "200", "--seed", "3"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
    }

    private func riskJSON(_ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let result = try loyal(["report", "risk", "--format", "json"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], file: file, line: line)
    }

    private func kinds(_ row: [String: Any]) -> [String] {
        ((row["signals"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
    }

    func testRiskAsJSONHasEveryFieldAndIsRankedAsThePanel() throws {
        try demo()
        let rows = try riskJSON()
        let accounts = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try loyal(["accounts", "--limit", "0", "--format", "json"])
            .stdout.utf8)) as? [[String: Any]])
        let active = accounts.filter { $0["status"] as? String == "active" }.count
        // The panel: at most a quarter of the active customers, each at 50 % or more.
        XCTAssertGreaterThan(rows.count, 5)
        XCTAssertLessThanOrEqual(rows.count, active / 4)
        let alive = Dictionary(uniqueKeysWithValues: accounts.map { ($0["number"] as! String, ($0["p_alive"] as? Double) ?? 1) })
        let accountRisk = Dictionary(uniqueKeysWithValues: accounts.map { ($0["number"] as! String, $0["risk"] as? Double) })
        for row in rows {
            XCTAssertEqual(Set(row.keys), Self.riskFields)
            XCTAssertTrue(["A", "B", "C"].contains(row["class"] as? String))
            // The demo's refresh fits the value model: every customer has a value (0 without purchases).
            let value = try XCTUnwrap(row["value"] as? Double, "\(row)")
            XCTAssertGreaterThanOrEqual(value, 0)
            XCTAssertTrue(row["assigned"] is NSNull)
            XCTAssertNotNil(row["rep"] as? String)
            XCTAssertEqual(row["stage"] as? String, "at_risk")
            // One scale everywhere: the probability 0…1, as accounts gives it.
            let risk = try XCTUnwrap(row["risk"] as? Double)
            XCTAssertEqual(risk, accountRisk[row["number"] as! String]!)
            XCTAssertGreaterThanOrEqual(risk, 0.5)
            let percent = Int((risk * 100).rounded())
            XCTAssertEqual(row["band"] as? String, percent >= 70 ? "red" : percent >= 40 ? "amber" : "green")
            let base = try XCTUnwrap(row["base"] as? Double)
            XCTAssertTrue((0...1).contains(base))
            // The factors' points add up to the risk less the typical customer's (up to rounding).
            let factors = try XCTUnwrap(row["factors"] as? [[String: Any]])
            XCTAssertFalse(factors.isEmpty)
            let points = factors.map { $0["points"] as! Int }.reduce(0, +)
            XCTAssertEqual(Double(points), (risk - base) * 100, accuracy: Double(factors.count) + 0.5, "\(row)")
            let signals = try XCTUnwrap(row["signals"] as? [[String: Any]])
            XCTAssertFalse(signals.isEmpty)
            for s in signals {
                XCTAssertEqual(Set(s.keys), ["kind", "name", "evidence", "since"])
                XCTAssertNotNil(Self.weights[s["kind"] as? String ?? ""] ?? (s["kind"] as? String == "churn_risk" ? 0 : nil), "\(s)")
                XCTAssertFalse((s["evidence"] as? String ?? "").isEmpty)
                XCTAssertEqual(s["since"] as? String, "2026-11-23")
            }
            XCTAssertTrue(kinds(row).contains("churn_risk"), "each on the panel says why: \(row)")
        }
        // Ranked as the panel: by risk × the value if the customer stays (value ÷ P(alive)) in cents,
        // then risk, then class A first, then the newer customer first.
        let keys = rows.map { row -> (loss: Int64, risk: Int, cls: String, number: String) in
            let number = row["number"] as! String
            let risk = Int(((row["risk"] as! Double) * 100).rounded())
            let cents = ((row["value"] as! Double) * 100).rounded()
            let ifStays = Int64((cents / max(alive[number]!, 0.05)).rounded())
            return (Int64(risk) * ifStays, risk, row["class"] as! String, number)
        }
        for (a, b) in zip(keys, keys.dropFirst()) {
            // The value is printed to the cent: allow the rounding of value ÷ P(alive) a cent's worth.
            XCTAssertTrue(a.loss + Int64(a.risk) * 100 >= b.loss, "\(a) before \(b)")
        }
        // The other formats list the same customers in the same order.
        let csv = try loyal(["report", "risk", "--format", "csv"]).stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(csv.first, "number,name,class,value,risk,band,base,factors,stage,rep,assigned,signal_kind,signal_name,signal_evidence,signal_since")
        var numbers: [String] = []
        for line in csv.dropFirst() where !line.isEmpty {
            let number = String(line.prefix { $0 != "," })
            if numbers.last != number { numbers.append(number) }
        }
        XCTAssertEqual(numbers, rows.map { $0["number"] as! String })
        XCTAssertEqual(csv.dropFirst().filter { !$0.isEmpty }.count, rows.reduce(0) { $0 + kinds($1).count })
        XCTAssertEqual(try riskJSON(["--limit", "7"]).map { $0["number"] as! String }, rows.prefix(7).map { $0["number"] as! String })
    }

    func testRiskFiltersByClassKindAndRep() throws {
        try demo()
        // Everyone with open signals (--all), so every filter finds some.
        let all = try riskJSON(["--all"])
        let numbers = { (rows: [[String: Any]]) in rows.map { $0["number"] as! String } }

        let a = try riskJSON(["--class", "A", "--all"])
        XCTAssertFalse(a.isEmpty)
        XCTAssertTrue(a.allSatisfy { $0["class"] as? String == "A" })
        XCTAssertEqual(numbers(a), numbers(all.filter { $0["class"] as? String == "A" }))

        let overdue = try riskJSON(["--kind", "overdue", "--all"])
        XCTAssertFalse(overdue.isEmpty)
        XCTAssertTrue(overdue.allSatisfy { kinds($0).contains("overdue") })
        XCTAssertEqual(numbers(overdue), numbers(all.filter { kinds($0).contains("overdue") }))
        XCTAssertEqual(try riskJSON(["--kind", "no_such_kind", "--all"]).count, 0)

        let rep = try XCTUnwrap(all.first?["rep"] as? String)
        let ofRep = try riskJSON(["--rep", rep.lowercased(), "--all"])
        XCTAssertEqual(numbers(ofRep), numbers(all.filter { $0["rep"] as? String == rep }))
        XCTAssertEqual(numbers(try riskJSON(["--rep", rep, "--class", "C", "--kind", "overdue", "--all"])),
                       numbers(all.filter { $0["rep"] as? String == rep && $0["class"] as? String == "C" && kinds($0).contains("overdue") }))
    }

    func testLostAsCSVKeepsOurReasonsApartFromTheirs() throws {
        try demo()
        let result = try loyal(["report", "lost", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "number,name,class,lost_on,reason,reason_side,returned_on,revenue_brought,winback_class,winback_score,winback_outcome,rep")
        XCTAssertEqual(lines.last, "")
        let rows = lines.dropFirst().dropLast().map { line -> [String] in
            // Names may hold commas in quotes; the fields after the name never do.
            let tail = line.components(separatedBy: ",").suffix(10)
            return [String(line.prefix { $0 != "," })] + tail
        }
        XCTAssertGreaterThan(rows.count, 3)
        var sides: Set<String> = []
        for r in rows {
            let (reason, side) = (r[3], r[4])
            sides.insert(side)
            switch reason {
            case "price", "service", "product", "competitor": XCTAssertEqual(side, "company", "\(r)")
            case "moved", "job_change", "insolvency", "other": XCTAssertEqual(side, "customer", "\(r)")
            default: XCTFail("unexpected reason in \(r)")
            }
            XCTAssertNotNil(r[2].wholeMatch(of: #/\d{4}-\d\d-\d\d/#), "\(r)")
            XCTAssertNotNil(Double(r[6]), "\(r)")
        }
        XCTAssertEqual(sides, ["company", "customer"])
        // Lost customers first, most recently lost first; returnees after them.
        let lost = rows.filter { $0[5].isEmpty }, back = rows.filter { !$0[5].isEmpty }
        XCTAssertEqual(lost + back, rows)
        XCTAssertEqual(lost.map { $0[2] }, lost.map { $0[2] }.sorted(by: >))
        XCTAssertTrue(back.allSatisfy { $0[5] > $0[2] }, "a returnee came back after he was lost")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try loyal(["report", "lost", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(json.map { $0["number"] as! String }, rows.map { $0[0] })
    }

    func testTableOutputShowsAHostileNameSafely() throws {
        try demo()
        _ = try write("number,name,rep\nX1,Böse GmbH,AB\n", to: "hostile.csv")
        _ = try write("customer,date,cancellation\nX1,2026-11-20,ja\n", to: "feedback.csv")
        XCTAssertEqual(try loyal(["import", "customers", "hostile.csv"]).status, 0)
        XCTAssertEqual(try loyal(["import", "feedback", "feedback.csv"]).status, 0)
        // Imports refuse escape codes since issue 11; written directly, as another program
        // could, because output must stay safe all the same.
        let db = try DatabaseQueue(path: defaultDB)
        try db.write { try $0.execute(sql: "UPDATE customer SET name = ? WHERE number = 'X1'",
                                      arguments: ["B\u{1B}[2JBöse\u{1B}]0;pwn\u{07} GmbH"]) }
        try db.close()
        let table = try loyal(["report", "risk", "--kind", "cancellation", "--all"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertFalse(table.stdout.contains("\u{1B}"), table.stdout)
        XCTAssertFalse(table.stdout.contains("\u{07}"), table.stdout)
        let line = try XCTUnwrap(table.stdout.split(separator: "\n").first { $0.hasPrefix("X1 ") })
        XCTAssertTrue(line.contains("B^[[2JBöse^[]0;pwn^G GmbH"), String(line))
        XCTAssertTrue(table.stdout.contains("cancellation noted on 20.11.2026"), table.stdout)
        XCTAssertNotNil(line.firstMatch(of: #/\d+ % (red|amber|green)/#), String(line))
        // JSON keeps the name exactly, escaped.
        let json = try riskJSON(["--kind", "cancellation", "--all"])
        XCTAssertEqual(json.first { $0["number"] as? String == "X1" }?["name"] as? String, "B\u{1B}[2JBöse\u{1B}]0;pwn\u{07} GmbH")
    }
}

/// `loyal report value` as a script reads it: every field in the README.
final class ValueReportFieldsTests: CLITestCase {
    func testTheReadmeDocumentsEveryFieldOfTheValueReport() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "60", "--seed", "3"]).status, 0)
        let result = try loyal(["report", "value", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let customers = try XCTUnwrap(json["customers"] as? [[String: Any]])
        XCTAssertGreaterThan(customers.count, 40)
        var fields = Set(customers[0].keys)
        for model in ["bgnbd", "gamma_gamma"] {
            fields.formUnion(try XCTUnwrap(json[model] as? [String: Any], model).keys)
        }
        XCTAssertEqual(Set(customers.flatMap(\.keys)), Set(customers[0].keys), "every customer has the same fields")

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "### `loyal report value").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        for field in fields.sorted() {
            XCTAssertTrue(section.contains("`\(field)`"), "README: value report field \(field)")
        }
        let csvHeader = try loyal(["report", "value", "--format", "csv"]).stdout.components(separatedBy: "\r\n").first ?? ""
        XCTAssertEqual(Set(csvHeader.split(separator: ",").map(String.init)), Set(customers[0].keys))
    }
}
