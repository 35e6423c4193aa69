import Foundation
import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Team tab (5) on a small team as of Monday 23.11.2026, figures worked out by hand:
///
/// | customer | rep  | revenue now / before | class (of 9.700 €)     | panel        | feedback                         |
/// |----------|------|----------------------|------------------------|--------------|----------------------------------|
/// | K1       | AB   | 6.000 / 4.000        | A (0 % before him)     |              | visit 10.11.: NPS 10, CSAT 5     |
/// | K2       | AB   | 1.500 / –            | B (82,5 %)             | 12.345,67 €  |                                  |
/// | K3       | CD   | 2.000 / 4.000        | A (61,9 %)             | 5.000,00 €   | call 12.11.: 3, 2; visit 01.07.: 9, 4 |
/// | K4       | none | 200 / –              | C (97,9 %)             |              |                                  |
///
/// AB: A1 B1 C0, 7.500 ▲ (from 4.000), 1 at risk, 12,3k at stake, visits 1 of 0 planned,
/// NPS 100 (nothing before), satisfaction 5,0. CD: A1, 2.000 ▼ (from 4.000), 1 at risk,
/// 5.000 at stake, calls 1 of 0, NPS −100 (100 before: ▼200), satisfaction 2,0 (4,0: ▼2,0).
/// No rep: C1, 200 + (new). Team: A2 B1 C1, 9.700 ▲ (from 8.000), 2 at risk, 17,3k;
/// NPS 0 (1 promoter, 1 detractor) against 100: ▼100; satisfaction 3,5 against 4,0: ▼0,5.
final class TeamTabTests: UITestCase {
    static let customers = "number,name,rep,city\nK1,Adler GmbH,AB,Berlin\nK2,Birke KG,AB,Bonn\nK3,Clemens AG,CD,Celle\nK4,Dorn OHG,,Dessau\n"
    static let purchases = """
        customer,date,amount
        K1,2025-03-10,4000
        K1,2026-03-10,6000
        K2,2026-06-01,1500
        K3,2025-05-05,4000
        K3,2026-05-05,2000
        K4,2026-04-04,200

        """
    static let feedback = "customer,date,channel,nps,csat\nK1,2026-11-10,visit,10,5\nK3,2026-11-12,call,3,2\nK3,2026-07-01,visit,9,4\n"

    func openTeam(width: Int = 120, height: Int = 40, extraCustomers: String = "") throws {
        try openImported([(.customers, Self.customers + extraCustomers), (.purchases, Self.purchases), (.feedback, Self.feedback)])
        try store.pool.write { db in
            try db.execute(sql: "UPDATE rep SET name = CASE code WHEN 'AB' THEN 'Anna Berg' WHEN 'CD' THEN 'Carl Dorn' ELSE name END")
            // The churn model's risks are not for working out by hand: the panel is planted
            // (what is at stake in cents above the priority's last five digits).
            for (number, priority) in [("K2", Int64(123_456_700_000)), ("K3", 50_000_000_000)] {
                try db.execute(sql: """
                    UPDATE customer_stats SET on_panel = 1, open_signals = 1, risk_priority = ?
                    WHERE customer_id = (SELECT id FROM customer WHERE number = ?)
                    """, arguments: [priority, number])
            }
        }
        try launch(width: width, height: height)
        press(.char("5"))
    }

    /// The words of the table line that starts with `label` (chart lines start with a space).
    func tokens(_ label: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        guard let row = (0..<term.height).map({ term.row($0) }).first(where: { $0.hasPrefix(label + " ") }) else {
            XCTFail("no line for \(label):\n\(screen)", file: file, line: line)
            return []
        }
        return row.split(separator: " ").map(String.init)
    }

    func chartLine(_ code: String) -> String? {
        (0..<term.height).map { term.row($0) }.first { $0.hasPrefix(" \(code) ") }
    }

    func testTheTableShowsEachRepsFiguresAndTheTeam() throws {
        try openTeam()
        XCTAssertTrue(titleRow.contains("Team · visits/calls 30 days · NPS/Sat 90 days vs 90 before · lost/won 12 months"), titleRow)
        XCTAssertEqual(headerRow.split(separator: " ").map(String.init),
                       ["Rep", "A", "B", "C", "Rev", "12m", "Risk", "Stake", "Open", "Overdue", "Visits", "Calls", "NPS", "Δ",
                        "Sat", "Δ", "Lost", "Won"])
        XCTAssertEqual(tokens("AB"), ["AB", "Anna", "Berg", "1", "1", "0", "7.500▲", "1", "12,3k", "0", "0", "1/0", "0/0",
                                      "100", "5,0", "0", "0"])
        XCTAssertEqual(tokens("CD"), ["CD", "Carl", "Dorn", "1", "0", "0", "2.000▼", "1", "5.000", "0", "0", "0/0", "1/0",
                                      "-100", "▼200", "2,0", "▼2,0", "0", "0"])
        XCTAssertEqual(tokens("none"), ["none", "(no", "rep)", "0", "0", "1", "200+", "0", "0", "0", "0", "0/0", "0/0",
                                        "–", "–", "0", "0"])
        XCTAssertEqual(tokens("Team"), ["Team", "2", "1", "1", "9.700▲", "2", "17,3k", "0", "0", "1/0", "1/0", "0", "▼100",
                                        "3,5", "▼0,5", "0", "0"])
        // The first rep is selected; the status bar offers Enter.
        XCTAssertTrue(selectedRowText?.hasPrefix("AB Anna Berg") == true, selectedRowText ?? screen)
        XCTAssertTrue(statusRow.contains("Enter accounts"), statusRow)
        XCTAssertTrue(titleRow.hasSuffix("1 of 4 "), titleRow)
    }

    func testTheBarsStackTheClassesAndCompareWhatIsAtStake() throws {
        try openTeam()
        assertScreenContains("Accounts by class █ A  ▓ B  ░ C")
        assertScreenContains("Value at stake (customers at risk)")
        let ab = try XCTUnwrap(chartLine("AB")), cd = try XCTUnwrap(chartLine("CD")), none = try XCTUnwrap(chartLine("none"))
        // The class bars are the left half of the line (60 columns at 120), the stake bars the right.
        func halves(_ line: String) -> (String, String) {
            (String(line.prefix(60)), String(line.dropFirst(60)).trimmingCharacters(in: .whitespaces))
        }
        let (abClasses, abStake) = halves(ab), (cdClasses, cdStake) = halves(cd), (noneClasses, noneStake) = halves(none)
        // Classes: AB has the most accounts (2), so his bar is full, half A and half B; CD's
        // one A and the unassigned one C are half as long.
        let full = abClasses.filter { "█▓░".contains($0) }.count
        XCTAssertGreaterThan(full, 20)
        XCTAssertEqual(abClasses.filter { $0 == "█" }.count, (full + 1) / 2, abClasses)
        XCTAssertEqual(abClasses.filter { $0 == "▓" }.count, full / 2, abClasses)
        XCTAssertEqual(cdClasses.filter { $0 == "█" }.count, Int((Double(full) / 2).rounded()), cdClasses)
        XCTAssertEqual(noneClasses.filter { $0 == "░" }.count, Int((Double(full) / 2).rounded()), noneClasses)
        XCTAssertTrue(abClasses.contains("1/1/0") && cdClasses.contains("1/0/0") && noneClasses.contains("0/0/1"))
        // The A segment is drawn as class A, the B one as class B.
        let row = try XCTUnwrap((0..<term.height).first { term.row($0) == ab })
        XCTAssertEqual(term.role(atRow: row, col: Array(ab).firstIndex(of: "█")!), .classA)
        XCTAssertEqual(term.role(atRow: row, col: Array(ab).firstIndex(of: "▓")!), .classB)
        // At stake: AB's 12.345,67 € is the longest bar; CD's 5.000 € is 40,5 % of it; none has nothing.
        XCTAssertTrue(abStake.hasSuffix("12,3k"), abStake)
        XCTAssertTrue(cdStake.hasSuffix("5.000"), cdStake)
        let eighths = { (s: String) in s.reduce(0) { n, c in n + (c == "█" ? 8 : (HorizontalBar.eighths.firstIndex(of: String(c)) ?? 0)) } }
        XCTAssertEqual(Double(eighths(cdStake)) / Double(eighths(abStake)), 5_000 / 12_345.67, accuracy: 0.02)
        XCTAssertEqual(noneStake.split(separator: " "), ["none", "0"])
    }

    func testEnterOpensThatRepsAccountsAndEscComesBack() throws {
        try openTeam()
        press(.char("j"))
        XCTAssertTrue(selectedRowText?.hasPrefix("CD Carl Dorn") == true, screen)
        press(.enter)
        XCTAssertTrue(titleRow.contains("Accounts · all classes · rep CD (Carl Dorn)"), titleRow)
        XCTAssertEqual(listRows.map { number(of: $0) }, ["K3"])
        XCTAssertEqual(totalsRow.trimmingCharacters(in: .whitespaces),
                       try totalsText(AccountQuery(filter: AccountFilter(repCode: "CD"))))
        XCTAssertTrue(term.row(0).contains("› Accounts"), term.row(0))
        press(.escape)
        XCTAssertTrue(selectedRowText?.hasPrefix("CD Carl Dorn") == true, screen)
        // The Accounts tab kept its own list: every account.
        press(.char("1"))
        XCTAssertTrue(titleRow.contains("all reps"), titleRow)
        press(.char("5"))
        // The team's line opens every account; the customers without a rep cannot be filtered.
        press(.char("G"))
        XCTAssertTrue(selectedRowText?.hasPrefix("Team") == true, screen)
        press(.enter)
        XCTAssertEqual(listRows.count, 4)
        press(.escape, .char("k"), .enter)
        XCTAssertTrue(statusRow.contains("accounts without one show under all reps"), statusRow)
        XCTAssertTrue(selectedRowText?.hasPrefix("none") == true, screen)
    }

    func testLayoutHoldsAt80x24() throws {
        // Twelve more reps with a customer each: more than the 8 that fit, so the table scrolls.
        let extra = (1...12).map { String(format: "R%02d,Firma %d,R%02d,Ort\n", $0, $0, $0) }.joined()
        try openTeam(width: 80, height: 24, extraCustomers: extra)
        let lines = (0..<24).map { term.row($0) }
        XCTAssertTrue(lines[1].hasPrefix(" Team · visits/calls 30 days"), lines[1])
        for column in ["Rep", "Rev 12m", "Risk", "Stake", "Overdue", "Visits", "Calls", "NPS"] {
            XCTAssertTrue(headerRow.contains(column), "\(column) is missing at 80 columns: \(headerRow)")
        }
        // 8 reps, the team, a gap, the bars' title, 8 bars: rows 3–10, 11, 12, 13, 14–21.
        XCTAssertTrue(lines[3].hasPrefix("AB "), lines[3])
        XCTAssertTrue(lines[11].hasPrefix("Team "), lines[11])
        XCTAssertTrue(lines[13].contains("Accounts by class") && lines[13].contains("Value at stake"), lines[13])
        XCTAssertTrue(lines[14].hasPrefix(" AB "), lines[14])
        XCTAssertTrue(lines[21].hasPrefix(" R06 "), lines[21])
        XCTAssertTrue(statusRow.contains("Enter accounts"), statusRow)
        // Down to the last rep: the table and the bars scroll together, the team stays.
        press(.char("j"), times: 13)
        XCTAssertTrue(selectedRowText?.hasPrefix("R12") == true, screen)
        XCTAssertTrue(term.row(11).hasPrefix("Team "), term.row(11))
        XCTAssertTrue(term.row(10).hasPrefix("none") || term.row(10).hasPrefix("R12"), term.row(10))
        XCTAssertNotNil(chartLine("R12"), screen)
        XCTAssertTrue(titleRow.hasSuffix("14 of 16 "), titleRow)
    }

    func testLayoutHoldsAt120x40AndEveryKeyRedrawsFast() throws {
        try openTeam(width: 120, height: 40)
        XCTAssertTrue(headerRow.hasPrefix("Rep"), headerRow)
        XCTAssertTrue(headerRow.contains("Won"), headerRow)
        XCTAssertNotNil(chartLine("none"))
        // Moving reads nothing from the store: the figures are in the screen. (A debug build
        // on a busy machine: the bound is loose; scripts/bench measures the release build.)
        let start = Date()
        for _ in 0..<50 { press(.char("j")); press(.char("k")) }
        XCTAssertLessThan(Date().timeIntervalSince(start) / 100, 0.05, "a key took longer than 50 ms")
    }

    func testARepsNameIsShownCleaned() throws {
        try openTeam()
        try store.pool.write { db in try db.execute(sql: "UPDATE rep SET name = 'Evil\u{1B}[31m\u{202E}Rep' WHERE code = 'AB'") }
        press(.char("1"), .char("5"))
        assertScreenContains("AB Evil^[[31m<U+202E>Rep")
        XCTAssertFalse(screen.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
    }

    func testHorizontalBarsAddUp() {
        XCTAssertEqual(HorizontalBar.bar(1, of: 2, width: 10), "█████")
        XCTAssertEqual(HorizontalBar.bar(13, of: 16, width: 2), "█▋")         // 13 of 16 eighths
        XCTAssertEqual(HorizontalBar.bar(1, of: 1_000_000, width: 10), "▏")   // small, not nothing
        XCTAssertEqual(HorizontalBar.bar(0, of: 10, width: 10), "")
        XCTAssertEqual(HorizontalBar.segments([1, 1, 1], of: 3, width: 10), [4, 3, 3])
        XCTAssertEqual(HorizontalBar.segments([5, 0, 5], of: 20, width: 10), [3, 0, 2])
        XCTAssertEqual(HorizontalBar.segments([0, 0, 0], of: 5, width: 10), [0, 0, 0])
    }
}
