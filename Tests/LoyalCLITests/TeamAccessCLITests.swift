import Foundation
import XCTest

/// Users and roles through the CLI (issue 18): every list command gives a rep only their own
/// customers, writes to another rep's customer and unknown users are refused with one line,
/// and `loyal users` / `loyal audit` do what they say.
final class TeamAccessCLITests: CLITestCase {
    private func json(_ result: Result) throws -> [[String: Any]] {
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], result.stdout)
    }

    private func `as`(_ user: String) -> [String: String?] { ["LOYAL_USER": user] }

    /// A demo company with boss (admin, added first while Loyal is still single-user), anna (rep AB), max (manager).
    private func makeTeam() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "200", "--seed", "3"]).status, 0)
        for args in [["users", "add", "boss", "--role", "admin"], ["users", "add", "anna", "--role", "rep", "--rep", "ab"],
                     ["users", "add", "max", "--role", "manager"]] {
            let r = try loyal(args, env: `as`("boss"))
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    func testARepSeesOnlyTheirOwnCustomersInEveryListCommand() throws {
        try makeTeam()
        let everyone = try json(try loyal(["accounts", "--format", "json", "--limit", "1000"], env: `as`("max")))
        let own = everyone.filter { $0["rep"] as? String == "AB" }
        XCTAssertGreaterThan(own.count, 5)
        XCTAssertLessThan(own.count, everyone.count)

        let accounts = try json(try loyal(["accounts", "--format", "json", "--limit", "1000"], env: `as`("anna")))
        XCTAssertEqual(accounts.compactMap { $0["number"] as? String }.sorted(), own.compactMap { $0["number"] as? String }.sorted())
        let stranger = try XCTUnwrap(everyone.first { $0["rep"] as? String != "AB" }?["name"] as? String)
        let search = try json(try loyal(["accounts", "--format", "json", "--search", stranger], env: `as`("anna")))
        XCTAssertTrue(search.allSatisfy { $0["rep"] as? String == "AB" }, "search finds none of another rep's customers")

        for command in [["report", "risk", "--all", "--format", "json"], ["agenda", "--format", "json", "--days", "60"]] {
            let rows = try json(try loyal(command, env: `as`("anna")))
            XCTAssertFalse(rows.isEmpty, command.joined(separator: " "))
            XCTAssertTrue(rows.allSatisfy { $0["rep"] as? String == "AB" }, command.joined(separator: " "))
        }
        let team = try json(try loyal(["report", "team", "--format", "json"], env: `as`("anna")))
        let teamLine = try XCTUnwrap(team.last)
        XCTAssertEqual(["accounts_a", "accounts_b", "accounts_c"].map { teamLine[$0] as? Int ?? -1 }.reduce(0, +), own.count)

        let export = try loyal(["export", "customers"], env: `as`("anna"))
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout.split(separator: "\r\n").count, own.count + 1)

        // A manager, and an admin, see all.
        let all = try json(try loyal(["accounts", "--format", "json", "--limit", "1000"], env: `as`("boss")))
        XCTAssertEqual(all.count, everyone.count)
    }

    func testARepCannotWriteFeedbackOnAnotherRepsCustomer() throws {
        try makeTeam()
        let everyone = try json(try loyal(["accounts", "--format", "json", "--limit", "1000"], env: `as`("max")))
        let other = try XCTUnwrap(everyone.first { $0["rep"] as? String != "AB" }?["number"] as? String)
        let mine = try XCTUnwrap(everyone.first { $0["rep"] as? String == "AB" }?["number"] as? String)
        let refused = try loyal(["feedback", "add", "--customer", other, "--nps", "9"], env: `as`("anna"))
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        XCTAssertEqual(try loyal(["feedback", "add", "--customer", mine, "--nps", "9"], env: `as`("anna")).status, 0)
        XCTAssertEqual(try loyal(["feedback", "add", "--customer", other, "--nps", "4"], env: `as`("max")).status, 0)

        let feedback = try loyal(["export", "feedback", "--format", "json"], env: `as`("boss"))
        let rows = try json(feedback).filter { ($0["day"] as? String ?? $0["date"] as? String) == "2026-11-23" }
        XCTAssertEqual(rows.count, 2, feedback.stdout.suffix(600).description)
    }

    func testAnUnknownUserIsRefusedWithOneClearLine() throws {
        try makeTeam()
        let r = try loyal(["accounts"], env: `as`("bob"))
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "Error: bob is not a user of this database; an admin adds them with `loyal users add bob --role rep`\n")
    }

    func testUsersCommandsAreForAnAdminAndTheAuditNamesTheUser() throws {
        try makeTeam()
        let list = try loyal(["users", "list"], env: `as`("max"))
        XCTAssertEqual(list.stdout, """
            USER  ROLE     REP
            anna  rep      AB
            boss  admin
            max   manager
            reps see: own

            """)
        let denied = try loyal(["users", "add", "eve", "--role", "admin"], env: `as`("max"))
        XCTAssertEqual(denied.status, 1)
        XCTAssertEqual(denied.stderr, "Error: max is a manager: only an admin may manage users\n")
        XCTAssertEqual(try loyal(["users", "set", "max", "--role", "rep", "--rep", "DG"], env: `as`("boss")).stdout,
                       "user max: rep of rep DG\n")
        XCTAssertEqual(try loyal(["users", "setting", "reps_see", "all"], env: `as`("boss")).stdout, "reps_see = all\n")
        XCTAssertEqual(try loyal(["users", "remove", "anna"], env: `as`("boss")).stdout, "user anna removed\n")
        XCTAssertEqual(try loyal(["users", "remove", "boss"], env: `as`("boss")).stderr,
                       "Error: removing boss would leave no admin; nothing was changed\n")

        let audit = try json(try loyal(["audit", "--user", "boss", "--format", "json"], env: `as`("boss")))
        XCTAssertEqual(audit.compactMap { $0["action"] as? String },
                       ["remove user", "set setting", "set user", "add user", "add user", "add user"], "newest first")
        let set = try XCTUnwrap(audit.first { $0["action"] as? String == "set user" })
        let changes = try XCTUnwrap(set["changes"] as? [String: [String: Any]])
        XCTAssertEqual(changes["role"]?["before"] as? String, "manager")
        XCTAssertEqual(changes["role"]?["after"] as? String, "rep")
        XCTAssertTrue(changes["rep"]?["before"] is NSNull, "max had no rep")
        XCTAssertEqual(changes["rep"]?["after"] as? String, "DG")
        let text = try loyal(["audit", "--user", "boss", "--limit", "2"], env: `as`("boss"))
        XCTAssertTrue(text.stdout.contains("set setting"), text.stdout)
        XCTAssertTrue(text.stdout.contains("reps_see: own → all"), text.stdout)
        XCTAssertTrue(text.stdout.hasSuffix("2 entries\n"), text.stdout)
    }
}
