import XCTest
@testable import LoyalCore

/// Dates checked by hand against a printed calendar (and the states' holiday laws).
final class GermanHolidaysTests: XCTestCase {
    private func d(_ iso: String) -> Day { Day(iso: iso)! }

    private func names(_ year: Int, _ state: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: GermanHolidays.holidays(in: year, state: state).map { ($0.day.iso, $0.name) })
    }

    func testEasterSundays() {
        XCTAssertEqual(GermanHolidays.easterSunday(2024).iso, "2024-03-31")
        XCTAssertEqual(GermanHolidays.easterSunday(2025).iso, "2025-04-20")
        XCTAssertEqual(GermanHolidays.easterSunday(2026).iso, "2026-04-05")
        XCTAssertEqual(GermanHolidays.easterSunday(2027).iso, "2027-03-28")
        // The algorithm's corner cases: the latest and an early Easter.
        XCTAssertEqual(GermanHolidays.easterSunday(2038).iso, "2038-04-25")
        XCTAssertEqual(GermanHolidays.easterSunday(2008).iso, "2008-03-23")
    }

    func testNationwideHolidays2026() {
        let n = names(2026, "")
        XCTAssertEqual(n.keys.sorted(), ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                                         "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"])
        XCTAssertEqual(n["2026-04-06"], "Ostermontag")
        XCTAssertEqual(n["2026-05-14"], "Christi Himmelfahrt")
        XCTAssertEqual(n["2026-05-25"], "Pfingstmontag")
    }

    func testBavaria2026() {
        let n = names(2026, "BY")
        XCTAssertEqual(n["2026-06-04"], "Fronleichnam")
        XCTAssertEqual(n["2026-01-06"], "Heilige Drei Könige")
        XCTAssertEqual(n["2026-11-01"], "Allerheiligen")
        XCTAssertEqual(n["2026-04-06"], "Ostermontag", "a state's list holds the nationwide holidays too")
        XCTAssertNil(n["2026-08-15"], "Mariä Himmelfahrt is SL only")
        XCTAssertNil(n["2026-10-31"])
        XCTAssertEqual(n.count, 12)
    }

    func testStateSpecificDays() {
        XCTAssertEqual(names(2026, "SN")["2026-11-18"], "Buß- und Bettag")
        XCTAssertEqual(names(2025, "SN")["2025-11-19"], "Buß- und Bettag")
        // 23.11.2022 was a Wednesday: the holiday is the Wednesday before.
        XCTAssertEqual(names(2022, "SN")["2022-11-16"], "Buß- und Bettag")
        XCTAssertEqual(names(2026, "SL")["2026-08-15"], "Mariä Himmelfahrt")
        XCTAssertEqual(names(2026, "TH")["2026-09-20"], "Weltkindertag")
        XCTAssertEqual(names(2026, "BE")["2026-03-08"], "Frauentag")
        XCTAssertEqual(names(2026, "MV")["2026-03-08"], "Frauentag")
        XCTAssertNil(names(2022, "MV")["2022-03-08"], "MV since 2023")
        XCTAssertEqual(names(2026, "BB")["2026-04-05"], "Ostersonntag")
        XCTAssertEqual(names(2026, "BB")["2026-05-24"], "Pfingstsonntag")
        XCTAssertEqual(names(2026, "NI")["2026-10-31"], "Reformationstag")
        XCTAssertNil(names(2016, "NI")["2016-10-31"], "NI since 2018")
        XCTAssertEqual(names(2017, "BY")["2017-10-31"], "Reformationstag", "nationwide in 2017")
        XCTAssertEqual(names(2026, "NW")["2026-06-04"], "Fronleichnam")
        XCTAssertNil(names(2026, "HH")["2026-06-04"])
    }

    func testEveryStateHasTheNineNationwideHolidays() {
        let nationwide = GermanHolidays.dayNumbers(years: 2026...2026)
        XCTAssertEqual(nationwide.count, 9)
        for state in GermanHolidays.states {
            XCTAssertTrue(nationwide.isSubset(of: GermanHolidays.dayNumbers(years: 2026...2026, state: state)), state)
        }
    }

    func testWorkCalendarPerRepState() {
        let cal = WorkCalendar.german(years: 2026...2026, teamState: "", repStates: [7: "BY"],
                                      absences: [8: [d("2026-06-08")...d("2026-06-12")]])
        // Corpus Christi 2026 is a Thursday: off for the Bavarian rep, a working day for the others.
        XCTAssertFalse(cal.isWorkingDay(d("2026-06-04"), rep: 7))
        XCTAssertTrue(cal.isWorkingDay(d("2026-06-04"), rep: 8))
        XCTAssertFalse(cal.isWorkingDay(d("2026-04-06"), rep: 8), "Easter Monday everywhere")
        XCTAssertEqual(cal.workingDay(onOrAfter: d("2026-06-04"), rep: 7).iso, "2026-06-05")
        XCTAssertEqual(cal.workingDay(onOrAfter: d("2026-06-08"), rep: 8).iso, "2026-06-15", "away all week")
        XCTAssertEqual(cal.workingDay(onOrBefore: d("2026-12-27")).iso, "2026-12-24")
    }
}
