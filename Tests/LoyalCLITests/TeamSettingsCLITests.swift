import Foundation
import XCTest

/// `loyal users setting` (issue 18): the team's capacity, holidays and thresholds live in the
/// database; only an admin changes them; every command plans with them, and a user whose
/// config sets one hears once that the team's value is used.
final class TeamSettingsCLITests: CLITestCase {
    private func `as`(_ user: String) -> [String: String?] { ["LOYAL_USER": user] }

    /// The most planned visits one rep has on one day in the next 60 days.
    private func busiestDay() throws -> Int {
        let r = try loyal(["agenda", "--format", "json", "--days", "60"], env: `as`("boss"))
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let visits = rows.filter { $0["channel"] as? String == "visit" && $0["source"] as? String == "plan" && $0["blocked"] is NSNull }
        XCTAssertGreaterThan(visits.count, 20)
        let perDay = Dictionary(grouping: visits) { "\($0["rep"] ?? "") \($0["due"] ?? "")" }
        return perDay.values.map(\.count).max() ?? 0
    }

    func testOnlyAnAdminChangesThemAndThePlanUsesTheDatabaseValue() throws {
        XCTAssertEqual(try loyal(["demo", "--customers", "200", "--seed", "3"]).status, 0)
        for args in [["users", "add", "boss", "--role", "admin"], ["users", "add", "anna", "--role", "rep", "--rep", "AB"],
                     ["users", "add", "max", "--role", "manager"]] {
            XCTAssertEqual(try loyal(args, env: `as`("boss")).status, 0)
        }
        // The user's config asks for 6 visits a day (and rep AB for 5).
        let config = try write("[calendar]\nvisits_per_day = 6\n[reps.AB]\nvisits_per_day = 5\n", to: "config.toml")
        func run(_ args: [String], _ user: String) throws -> Result {
            try loyal(args + ["--config", config.path], env: `as`(user))
        }
        XCTAssertEqual(try run(["refresh", "--full"], "boss").status, 0)
        XCTAssertGreaterThan(try busiestDay(), 1)

        for user in ["anna", "max"] {
            let r = try run(["users", "setting", "calendar.visits_per_day", "1"], user)
            XCTAssertEqual(r.status, 1, user)
            XCTAssertTrue(r.stderr.contains("only an admin may change team settings"), r.stderr)
        }
        let bad = try run(["users", "setting", "risk.red_from", "0"], "boss")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("risk.red_from must be a whole number from 1 to 100, not \"0\""), bad.stderr)

        let set = try run(["users", "setting", "calendar.visits_per_day", "1"], "boss")
        XCTAssertEqual(set.stdout, "calendar.visits_per_day = 1\n", set.stderr)
        let listed = try run(["users", "setting"], "anna")
        XCTAssertTrue(listed.stdout.contains("calendar.visits_per_day = 1\n"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("risk.red_from = (not set: each user's config applies)\n"), listed.stdout)

        // The next refresh replans everyone with one visit a day, and says once why the
        // config's 6 (and AB's 5) do not count.
        let refresh = try run(["refresh"], "max")
        XCTAssertEqual(refresh.status, 0, refresh.stderr)
        XCTAssertEqual(refresh.stderr, "note: the team's settings in the database replace calendar.visits_per_day, "
                       + "reps.AB.visits_per_day of your config file (an admin changes them: loyal users setting)\n")
        XCTAssertFalse(refresh.stdout.hasPrefix("nothing changed"), "the change marks everyone for the refresh")
        XCTAssertEqual(try busiestDay(), 1)

        // Without a config of their own a user hears nothing.
        XCTAssertEqual(try loyal(["agenda", "--days", "1"], env: `as`("anna")).stderr, "")
        let unset = try run(["users", "setting", "calendar.visits_per_day", "--unset"], "boss")
        XCTAssertEqual(unset.stdout, "calendar.visits_per_day = (not set: each user's config applies)\n")
    }
}
