import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// The plan asks the real working days and capacities: the rep's state's holidays, his
/// absences and his own visits per day from the settings (as of Mon 23.11.2026).
extension CalendarStoreLevellingTests {
    func testARepsOwnCapacityAndAbsenceShapeHisDays() throws {
        // Ten A customers of AB, each visit due Mon 14.12.2026, window Mon 30.11. … Mon 28.12.
        // AB visits 2 a day and is away Mon 14.12. … Fri 18.12.
        settings.workDays.reps["AB"] = RepWorkSettings(visitsPerDay: 2)
        let store = try levellingStore(count: 10, lastVisit: "2026-09-15")
        try store.addAbsence(repCode: "AB", from: day("2026-12-14"), to: day("2026-12-18"), reason: "Messe", actor: "t")
        try store.refreshCalendar(today: today, settings: settings)
        let visits = try openVisits(store).filter { $0.due < "2027-01-01" }
        XCTAssertEqual(visits.count, 10)
        XCTAssertEqual(Dictionary(grouping: visits, by: \.due).mapValues(\.count).values.max(), 2)
        XCTAssertTrue(visits.allSatisfy { !($0.due >= "2026-12-14" && $0.due <= "2026-12-18") }, "\(visits.map(\.due))")
        XCTAssertTrue(visits.allSatisfy { $0.due >= "2026-11-30" && $0.due <= "2026-12-28" })
    }

    func testHolidaysOfTheRepsStateAreNotWorkingDays() throws {
        // Visits due Wed 06.01.2027 (+90 from Thu 08.10.2026): Epiphany is a holiday in
        // Bavaria, not in Berlin. The team is in Berlin, rep AB lives in Bavaria.
        settings.workDays.state = "BE"
        settings.workDays.reps["AB"] = RepWorkSettings(state: "BY")
        let store = try levellingStore(count: 6, lastVisit: "2026-10-08")
        let visits = try openVisits(store).filter { $0.due >= "2026-12-15" && $0.due < "2027-02-01" }
        XCTAssertEqual(visits.count, 6)
        XCTAssertFalse(visits.contains { $0.due == "2027-01-06" }, "\(visits.map(\.due))")
        XCTAssertTrue(visits.allSatisfy { Day(iso: $0.due)!.weekday <= 5 && $0.due != "2027-01-01" })

        settings.workDays.reps = [:]
        try store.refreshCalendar(today: today, settings: settings)
        let berlin = try openVisits(store).filter { $0.due >= "2026-12-15" && $0.due < "2027-02-01" }
        XCTAssertEqual(berlin.filter { $0.due == "2027-01-06" }.count, 4, "in Berlin the due day is a working day")
    }
}
