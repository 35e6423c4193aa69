import Foundation
import XCTest

/// Merging two planted duplicates in a real terminal: `m`, the candidate, one field
/// switched, Enter, then `u`; the command line sees each step in the database.
final class TmuxMergeTests: TmuxTestCase {
    func testMergeTwoAccountsInTheInterfaceAndUndoIt() throws {
        let binary = try XCTUnwrap(Self.binary, "build loyal first")
        let db = home.appendingPathComponent("merge.db").path
        _ = try write("""
            number,name,postal_code,city,email,phone
            P1,Bäckerei Groß GmbH,01067,Dresden,info@gross.de,+49 351 12345
            P2,BAECKEREI  GROSS gmbh,01067,Dresden,,0351-12345

            """, to: "planted.csv")
        _ = try write("customer,date,amount,reference\nP1,2026-10-01,900,R1\nP2,2026-02-10,200,R2\n", to: "p.csv")
        for args in [["import", "customers", "planted.csv"], ["import", "purchases", "p.csv"]] {
            let result = try loyal(args + ["--db", db], in: home)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let command = "env TERM=xterm-256color LOYAL_TODAY=2026-11-23 LANG=C.UTF-8 LC_TIME=de_DE.UTF-8 LC_MONETARY=de_DE.UTF-8 HOME=\(shellQuote(home.path)) "
            + "\(shellQuote(binary.path)) --db \(shellQuote(db)); echo LOYAL-EXITED; sleep 5"
        try tmuxRun(["new-session", "-d", "-s", "loyal", "-x", "100", "-y", "30", command])
        try waitFor("the accounts list") { lines in lines.contains { $0.hasPrefix(" 2 accounts") } }

        try tmuxRun(["send-keys", "-t", "loyal", "m"])
        let picker = try waitFor("the likely duplicates") { lines in lines.contains { $0.contains("Likely duplicates of P1") } }
        XCTAssertTrue(picker.contains { $0.contains("P2  BAECKEREI  GROSS gmbh  100  same name, same phone") },
                      picker.joined(separator: "\n"))
        try tmuxRun(["send-keys", "-t", "loyal", "Enter"])
        try waitFor("the merge dialog") { lines in lines.contains { $0.hasPrefix(" Merge P2 BAECKEREI  GROSS gmbh into P1") } }
        // The name stays P1's; the phone becomes P2's.
        try tmuxRun(["send-keys", "-t", "loyal", "j", "Space"])
        try waitFor("the phone switched") { lines in
            lines.contains { $0.contains("Phone") && $0.contains("○ +49 351 12345") && $0.contains("● 0351-12345") }
        }
        try tmuxRun(["send-keys", "-t", "loyal", "Enter"])
        try waitFor("the merged list") { lines in
            lines.contains { $0.hasPrefix(" Merged P2 into P1 (u undoes") } && lines.contains { $0.hasPrefix(" 1 accounts") }
        }
        var accounts = try loyal(["accounts", "--db", db, "--limit", "0", "--format", "csv"], in: home).stdout
        XCTAssertFalse(accounts.contains("\nP2,"), accounts)
        XCTAssertTrue(try loyal(["export", "customers", "--db", db], in: home).stdout.contains("P1,Bäckerei Groß GmbH"))

        try tmuxRun(["send-keys", "-t", "loyal", "u"])
        try waitFor("the undo") { lines in
            lines.contains { $0.hasPrefix(" Undone: the merge of P2 into P1") } && lines.contains { $0.hasPrefix(" 2 accounts") }
        }
        accounts = try loyal(["accounts", "--db", db, "--limit", "0", "--format", "csv"], in: home).stdout
        XCTAssertTrue(accounts.contains("\nP2,"), accounts)
        try tmuxRun(["send-keys", "-t", "loyal", "q"])
        try waitFor("Loyal to exit") { lines in lines.contains { $0.contains("LOYAL-EXITED") } }
    }
}
