import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Team settings kept in the database (issue 18): capacity, holidays and risk thresholds
/// replace the user's config values; only an admin changes them; a change marks every
/// customer for the next refresh; the plan is levelled with the team's capacity.
final class TeamSettingsStoreTests: CalendarStoreTestCase {
    /// Ten A customers of rep AB in one postal region, each last visited Tue 15.09.2026, so
    /// every visit is due Mon 14.12.2026 (+90) with a window of Mon 30.11. … Mon 28.12.2026
    /// (the same hand-counted set as CalendarStoreLevellingTests), and users boss (admin),
    /// max (manager) and anna (rep AB).
    private func teamStore() throws -> Store {
        let store = try makeStore()
        var csv = "number,name,rep,class,postal_code,consent_phone,consent_date\n"
        for i in 1...10 { csv += "L\(i),Kunde \(i) GmbH,AB,A,80331,ja,2024-01-10\n" }
        try importText(store, .customers, csv)
        for i in 1...10 {
            let customer = try id(store, "L\(i)")
            try store.recordVisit(VisitReport(customerID: customer, day: day("2026-09-15"), kind: .visit), actor: "t", today: today)
            try store.recordVisit(VisitReport(customerID: customer, day: day("2026-11-20"), kind: .call), actor: "t", today: today)
        }
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "max", role: .manager))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        return store
    }

    private func open(as user: String) throws -> Store {
        let store = try Store(path: dbPath, user: UserIdentity(login: user))
        addTeardownBlock { try? store.close() }
        return store
    }

    private func visitsPerDay(_ store: Store) throws -> [String: Int] {
        let days = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT due FROM main.calendar_entry WHERE channel = 'visit' AND status = 'open' AND due < '2027-01-01'")
        }
        XCTAssertEqual(days.count, 10, "every visit is planned")
        return Dictionary(grouping: days, by: { $0 }).mapValues(\.count)
    }

    func testOnlyAnAdminChangesATeamSettingAndValuesAreChecked() throws {
        _ = try teamStore()
        for user in ["max", "anna"] {
            XCTAssertThrowsError(try open(as: user).setTeamSetting(.visitsPerDay, "2"), user) {
                XCTAssertTrue(StoreError.message(for: $0).hasPrefix("\(user) is a "), StoreError.message(for: $0))
                XCTAssertTrue(StoreError.message(for: $0).hasSuffix("only an admin may change team settings"))
            }
        }
        let boss = try open(as: "boss")
        XCTAssertThrowsError(try boss.setTeamSetting(.visitsPerDay, "51")) {
            XCTAssertEqual(StoreError.message(for: $0), "calendar.visits_per_day must be a whole number from 0 to 50, not \"51\"")
        }
        XCTAssertThrowsError(try boss.setTeamSetting(.holidayState, "XX"))
        XCTAssertThrowsError(try boss.setTeamSetting(.panelThreshold, "1.5"))
        XCTAssertNil(try boss.teamSetting(.visitsPerDay), "nothing stored: each user's config applies")

        try boss.setTeamSetting(.visitsPerDay, " 2 ")
        try boss.setTeamSetting(.holidayState, "by")
        try boss.setTeamSetting(.panelThreshold, "0.25")
        XCTAssertEqual(try open(as: "anna").storedTeamSettings(),
                       [.visitsPerDay: "2", .holidayState: "BY", .panelThreshold: "0.25"])
        let audit = try boss.auditPage(AuditFilter(user: "boss")).filter { $0.action == "set setting" }
        XCTAssertEqual(audit.count, 3)

        try boss.setTeamSetting(.visitsPerDay, nil)
        XCTAssertNil(try boss.teamSetting(.visitsPerDay))
    }

    func testTheTeamValueReplacesTheUsersConfigAndARepsOwnFigure() throws {
        _ = try teamStore()
        var mine = Settings()
        mine.workDays.visitsPerDay = 6
        mine.workDays.reps["AB"] = RepWorkSettings(state: "NW", visitsPerDay: 5)
        mine.retention.risk.redFrom = 70
        let boss = try open(as: "boss")
        // Nothing stored: the user's config is what counts.
        let untouched = try boss.applyingTeamSettings(to: mine)
        XCTAssertEqual(untouched.settings.workDays.rep("AB")?.visitsPerDay, 5)
        XCTAssertTrue(untouched.replaced.isEmpty)

        try boss.setTeamSetting(.visitsPerDay, "2")
        try boss.setTeamSetting(.redFrom, "70")
        let applied = try open(as: "anna").applyingTeamSettings(to: mine)
        XCTAssertEqual(applied.settings.workDays.visitsPerDay, 2)
        XCTAssertNil(applied.settings.workDays.rep("AB")?.visitsPerDay, "the team's capacity holds for every rep")
        XCTAssertEqual(applied.settings.workDays.rep("AB")?.state, "NW", "the state is not a team value yet")
        XCTAssertEqual(applied.settings.retention.risk.redFrom, 70)
        XCTAssertEqual(applied.replaced.map(\.setting), [.visitsPerDay], "only where the values differ")
        XCTAssertEqual(applied.replaced.first?.mine, "6")
        XCTAssertEqual(applied.replaced.first?.team, "2")
    }

    func testAChangedFigureMarksEveryoneForTheRefreshAndThePlanUsesIt() throws {
        let store = try teamStore()
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try visitsPerDay(store).values.max(), 4, "the default capacity: 4 visits a day")
        func marked() throws -> [Int64] {
            try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT customer_id FROM refresh_change") }
        }
        XCTAssertEqual(try marked(), [])

        let boss = try open(as: "boss")
        try boss.setTeamSetting(.repsSee, "all")
        XCTAssertEqual(try marked(), [], "what reps see changes no figure")
        try boss.setTeamSetting(.visitsPerDay, "2")
        XCTAssertEqual(try marked(), [ChangeTracking.everyone])

        // Planned with the team's 2 visits a day although the user's config says 4: the ten
        // visits due Mon 14.12. fill 14.12. and the working days around it, two each.
        let teamSettings = try store.applyingTeamSettings(to: settings).settings
        try store.refreshAll(asOf: today, settings: teamSettings)
        let perDay = try visitsPerDay(store)
        XCTAssertEqual(perDay.values.max(), 2)
        XCTAssertEqual(perDay["2026-12-14"], 2)
        XCTAssertEqual(perDay.count, 5)
        XCTAssertEqual(try marked(), [])
    }
}
