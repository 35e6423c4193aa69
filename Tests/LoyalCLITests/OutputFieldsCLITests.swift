import Foundation
import LoyalCore
import XCTest

/// Every list and report is written from one field table (`loyal fields`): its CSV and JSON
/// carry the same fields with the same values, CSV is CSV, the channel is spelled one way,
/// and the README's field lists are the ones the code declares.
final class OutputFieldsCLITests: CLITestCase {
    /// The command that prints each output `loyal fields` names.
    static let commands: [String: [String]] = [
        "accounts": ["accounts", "--limit", "0"], "agenda": ["agenda"], "unplanned": ["agenda", "--unplanned"],
        "risk": ["report", "risk"], "lost": ["report", "lost"], "team": ["report", "team"], "value": ["report", "value"],
        "absences": ["absence", "list"], "campaign": ["campaign", "list"],
    ].merging(exports.map { ("export-" + $0, ["export", $0]) }) { a, _ in a }
    static let exports = ["customers", "contacts", "products", "purchases", "interactions", "feedback", "complaints", "calendar"]
    /// A list nested in each JSON row, and the prefix its fields carry in CSV.
    static let nested = ["signals": "signal_"]

    var outputs: [String] {
        get throws { try loyal(["fields"]).stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) } }
    }

    /// The demo company (it has one entry that does not fit, lost customers and newsletter recipients), and an absence.
    func makeDemo() throws {
        XCTAssertEqual(try loyal(["demo"]).status, 0)
        XCTAssertEqual(try loyal(["absence", "add", "--rep", "AB", "--from", "2026-12-01", "--to", "2026-12-03",
                                  "--reason", "Messe, Halle 3"]).status, 0)
    }

    func csv(_ arguments: [String]) throws -> (header: [String], rows: [[String]]) {
        let result = try loyal(arguments + ["--format", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("\r\n"), "CSV lines end in CRLF: \(arguments)")
        var reader = CSVReader(bytes: Array(result.stdout.utf8))
        let header = try XCTUnwrap(try reader.next(), "\(arguments)").fields
        var rows: [[String]] = []
        while let record = try reader.next() {
            XCTAssertEqual(record.fields.count, header.count, "\(arguments) line \(record.line)")
            rows.append(record.fields.map(CSVWriter.unguarded))
        }
        return (header, rows)
    }

    func json(_ name: String, _ arguments: [String]) throws -> [[String: Any]] {
        let result = try loyal(arguments + ["--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        // The value report wraps its rows in the fitted model.
        let rows = name == "value" ? (parsed as? [String: Any])?["customers"] : parsed
        return try XCTUnwrap(rows as? [[String: Any]], name)
    }

    /// A JSON value as its CSV cell says it: null empty, true 1, numbers compared as numbers.
    func same(_ value: Any, _ cell: String) -> Bool {
        switch value {
        case is NSNull: return cell.isEmpty
        case let s as String: return s == cell
        case let b as Bool where type(of: value) == Bool.self: return cell == (b ? "1" : "0")
        case let n as NSNumber:
            // true and false are 1 and 0 here, as CSV writes them.
            return Double(cell).map { abs($0 - n.doubleValue) < 1e-9 } ?? false
        case is [Any]: return true  // a list (the risk's factors) is text in CSV; its items are checked by ReportCommandTests
        default: return false
        }
    }

    func testEveryOutputsJSONAndCSVCarryTheSameFieldsAndValues() throws {
        try makeDemo()
        let names = try outputs
        XCTAssertEqual(Set(names), Set(Self.commands.keys), "every output has a command in this test")
        for name in names {
            let arguments = try XCTUnwrap(Self.commands[name])
            let declared = try loyal(["fields", name, "--keys"]).stdout.split(separator: "\n").map(String.init)
            let (header, lines) = try csv(arguments)
            XCTAssertEqual(header, declared, "\(name): the CSV header is the field table's keys")
            let objects = try json(name, arguments)
            XCTAssertFalse(objects.isEmpty, "\(name) lists something to compare")
            // One CSV line per JSON row, or per nested item (at least one line per row).
            var expanded: [(object: [String: Any], item: (key: String, fields: [String: Any])?)] = []
            for object in objects {
                let key = object.keys.first { Self.nested[$0] != nil }
                if let key, let items = object[key] as? [[String: Any]], !items.isEmpty {
                    expanded += items.map { (object, (key, $0)) }
                } else {
                    expanded.append((object, nil))
                }
            }
            XCTAssertEqual(lines.count, expanded.count, name)
            for (line, row) in zip(lines, expanded) {
                var keys: [String] = []
                for (key, value) in row.object {
                    if let prefix = Self.nested[key] {
                        let item = row.item?.fields ?? [:]
                        keys += item.keys.map { prefix + $0 }
                        for (k, v) in item {
                            let cell = line[header.firstIndex(of: prefix + k) ?? 0]
                            XCTAssertTrue(same(v, cell), "\(name) \(key).\(k): JSON \(v), CSV \(cell)")
                        }
                        continue
                    }
                    keys.append(key)
                    let cell = header.firstIndex(of: key).map { line[$0] } ?? "(no column)"
                    XCTAssertTrue(same(value, cell), "\(name) \(key): JSON \(value), CSV \(cell)")
                }
                let withoutItems = Set(header).subtracting(keys).allSatisfy { h in
                    Self.nested.values.contains { h.hasPrefix($0) } && row.item == nil
                }
                XCTAssertTrue(withoutItems, "\(name): JSON keys \(keys.sorted()) against CSV \(header)")
            }
        }
    }

    func testAgendaAsCSVIsCSVWithTheRowsOfTheJSON() throws {
        try makeDemo()
        let table = try loyal(["agenda", "--format", "csv"])
        XCTAssertFalse(table.stdout.contains("TODAY"), "not the table")
        let (header, rows) = try csv(["agenda"])
        XCTAssertEqual(header, ["group", "due", "time", "channel", "customer", "name", "class", "reason", "source", "contact",
                                "rep", "blocked", "note", "uid"])
        let objects = try json("agenda", ["agenda"])
        XCTAssertGreaterThan(rows.count, 100)
        XCTAssertEqual(rows.map { $0[header.firstIndex(of: "uid")!] }, objects.map { $0["uid"] as! String })
        // Reasons hold semicolons and commas: quoted, so they come back whole.
        XCTAssertTrue(rows.contains { $0[7].contains(";") }, "a reason with a semicolon")
    }

    func testTheChannelIsSpelledAsStoredInEveryOutputAndAsAWordInTables() throws {
        try makeDemo()
        let stored = Set(Channel.allCases.map(\.rawValue))
        var byUID: [String: String] = [:]
        for object in try json("agenda", ["agenda", "--days", "14", "--include-blocked"]) {
            byUID[object["uid"] as! String] = object["channel"] as? String
        }
        XCTAssertTrue(byUID.values.contains("phone") && byUID.values.contains("visit"), "\(Set(byUID.values))")
        XCTAssertTrue(Set(byUID.values).isSubset(of: stored))
        let agenda = try csv(["agenda", "--days", "14", "--include-blocked"])
        let (uid, channel) = (agenda.header.firstIndex(of: "uid")!, agenda.header.firstIndex(of: "channel")!)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: agenda.rows.map { ($0[uid], $0[channel]) }), byUID)
        // The calendar's export says the same of each entry.
        let export = try loyal(["export", "calendar", "--format", "csv"])
        var reader = CSVReader(bytes: Array(export.stdout.utf8))
        let header = try XCTUnwrap(try reader.next()).fields
        var compared = 0
        while let r = try reader.next() {
            let fields = Dictionary(uniqueKeysWithValues: zip(header, r.fields))
            guard let expected = byUID[fields["uid"]!] else { continue }
            XCTAssertEqual(fields["channel"], expected, fields["uid"]!)
            compared += 1
        }
        XCTAssertEqual(compared, byUID.count)
        let unplanned = try json("unplanned", ["agenda", "--unplanned"])
        XCTAssertTrue(unplanned.allSatisfy { stored.contains($0["channel"] as! String) }, "\(unplanned)")
        // People read a word: "Phone", "Visit", not the stored spelling.
        let table = try loyal(["agenda", "--days", "14"]).stdout
        XCTAssertTrue(table.contains("  Phone  ") && table.contains("  Visit  "), table)
        XCTAssertFalse(table.contains("  phone  ") || table.contains("  visit  "), table)
    }

    func testRiskIsAFractionForMachinesAndAPercentForPeople() throws {
        try makeDemo()
        let accounts = try json("accounts", ["accounts", "--limit", "3", "--sort", "risk"])
        let risk = try XCTUnwrap(accounts.first?["risk"] as? Double)
        XCTAssertTrue((0...1).contains(risk))
        let csvRisk = try csv(["accounts", "--limit", "3", "--sort", "risk"])
        XCTAssertEqual(csvRisk.rows[0][csvRisk.header.firstIndex(of: "risk")!], String(format: "%.4f", risk))
        let table = try loyal(["accounts", "--limit", "3", "--sort", "risk"]).stdout.split(separator: "\n")
        XCTAssertTrue(table[1].contains(String(format: "%.0f %%", risk * 100)), "\(table[1]) for \(risk)")
    }

    func testTheReadmeListsEachOutputsFieldsAsTheCodeDeclaresThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in try outputs {
            let fields = try loyal(["fields", name]).stdout
            let begin = "<!-- BEGIN fields-\(name): generated by scripts/update-readme -->\n"
            let section = readme.components(separatedBy: begin).dropFirst().first?
                .components(separatedBy: "<!-- END fields-\(name) -->").first
            XCTAssertEqual(section, fields, "README's fields of \(name) differ from `loyal fields \(name)`: run scripts/update-readme")
        }
    }
}
