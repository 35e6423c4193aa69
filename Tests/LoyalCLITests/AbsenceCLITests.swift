import Foundation
import XCTest

/// `loyal absence add|list|remove` and `loyal import absences` on a small database (today 23.11.2026).
final class AbsenceCLITests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let file = try write("number,name,rep\nK1,Alpha,MK\nK2,Beta,AB\n", to: "customers.csv")
        let r = try loyal(["import", "customers", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testAddListRemove() throws {
        let add = try loyal(["absence", "add", "--rep", "mk", "--from", "21.12.2026", "--to", "2027-01-01", "--reason", "Urlaub"])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(add.stdout, "absence 1: MK away 21.12.2026 to 01.01.2027 (Urlaub)\n")
        XCTAssertEqual(try loyal(["absence", "add", "--rep", "AB", "--from", "2026-11-02"]).status, 0)
        // Over before today: only with --all.
        let csv = try loyal(["absence", "list", "--format", "csv"])
        XCTAssertEqual(csv.stdout, "id,rep,from,to,days,reason\r\n1,MK,2026-12-21,2027-01-01,12,Urlaub\r\n")
        let all = try loyal(["absence", "list", "--all", "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(json.map { $0["rep"] as? String }, ["AB", "MK"])
        let table = try loyal(["absence", "list", "--rep", "MK"]).stdout
        XCTAssertTrue(table.contains("21.12.2026") && table.contains("12") && table.hasSuffix("1 absence\n"), table)
        XCTAssertEqual(try loyal(["absence", "remove", "1"]).stdout, "absence 1 removed\n")
        XCTAssertEqual(try loyal(["absence", "list", "--all", "--format", "csv"]).stdout, "id,rep,from,to,days,reason\r\n2,AB,2026-11-02,2026-11-02,1,\r\n")
    }

    func testErrorsAreOneLineAndExitNonZero() throws {
        let unknown = try loyal(["absence", "add", "--rep", "ZZ", "--from", "2026-12-01"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "Error: no rep with code ZZ (known: AB, MK)\n")
        let reversed = try loyal(["absence", "add", "--rep", "MK", "--from", "2026-12-05", "--to", "2026-12-01"])
        XCTAssertEqual(reversed.status, 1)
        XCTAssertEqual(reversed.stderr, "Error: the last day (2026-12-01) is before the first (2026-12-05)\n")
        let missing = try loyal(["absence", "remove", "42"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "Error: no absence with id 42\n")
        let badDay = try loyal(["absence", "add", "--rep", "MK", "--from", "soon"])
        XCTAssertNotEqual(badDay.status, 0)
        XCTAssertTrue(badDay.stderr.contains("--from \"soon\" is not a date"), badDay.stderr)
    }

    func testImportAbsences() throws {
        let file = try write("Mitarbeiter;von;bis;Grund\nMK;14.12.2026;18.12.2026;Messe\n", to: "abwesenheit.csv")
        let r = try loyal(["import", "absences", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try loyal(["absence", "list", "--format", "csv"]).stdout, "id,rep,from,to,days,reason\r\n1,MK,2026-12-14,2026-12-18,5,Messe\r\n")
    }
}
