import XCTest
@testable import LoyalCore

/// Reading the soft facts "high season" and "busy hours" as people type them.
final class PlanningQuietTimeTests: XCTestCase {
    func months(_ text: String) -> [Int]? { HighSeason(parsing: text)?.months }

    func testHighSeasonMonths() {
        XCTAssertEqual(months("11-12"), [11, 12])
        XCTAssertEqual(months("11–02"), [1, 2, 11, 12], "across the new year")
        XCTAssertEqual(months("12"), [12])
        XCTAssertEqual(months("6-8, 12"), [6, 7, 8, 12])
        XCTAssertEqual(months("Nov–Feb"), [1, 2, 11, 12])
        XCTAssertEqual(months("Juni bis August"), [6, 7, 8])
        XCTAssertEqual(months("März"), [3])
        XCTAssertEqual(months(""), [])
        XCTAssertEqual(HighSeason(parsing: " ")?.isEmpty, true)
        XCTAssertNil(HighSeason(parsing: "Sommer"))
        XCTAssertNil(HighSeason(parsing: "13"))
        XCTAssertNil(HighSeason(parsing: "1-2-3"))
        XCTAssertEqual(HighSeason(parsing: "11-02")?.text, "11-02")
    }

    func testHighSeasonContainsDays() {
        let s = HighSeason(parsing: "11-02")!
        XCTAssertTrue(s.contains(d("2026-12-31")))
        XCTAssertTrue(s.contains(d("2027-01-01")))
        XCTAssertTrue(s.contains(d("2027-02-28")))
        XCTAssertFalse(s.contains(d("2027-03-01")))
        XCTAssertFalse(s.contains(d("2026-10-31")))
        XCTAssertFalse(HighSeason.none.contains(d("2026-10-31")))
    }

    let monToFri = [1, 2, 3, 4, 5]

    func testBusyHoursOnWorkdays() throws {
        let b = try XCTUnwrap(BusyHours(parsing: "Mo–Fr 11–14 Uhr"))
        for wd in monToFri { XCTAssertEqual(b.ranges[wd], [660..<840]) }
        XCTAssertEqual(b.ranges[6], [])
        XCTAssertEqual(b.ranges[7], [])
        XCTAssertFalse(b.isBusyAllDay(1))
        XCTAssertTrue(b.hasBusyHours(3))
        XCTAssertEqual(b.busyRange(at: TimeOfDay(hour: 13, minute: 59)!, weekday: 2), 660..<840)
        XCTAssertNil(b.busyRange(at: TimeOfDay(hour: 14)!, weekday: 2), "14:00 is free again")
        XCTAssertNil(b.busyRange(at: TimeOfDay(hour: 12)!, weekday: 6))
    }

    func testBusyAllDay() throws {
        let sat = try XCTUnwrap(BusyHours(parsing: "Sa ganztags"))
        XCTAssertTrue(sat.isBusyAllDay(6))
        XCTAssertFalse(sat.isBusyAllDay(5))
        XCTAssertEqual(sat.text, "Sa ganztags")
        let both = try XCTUnwrap(BusyHours(parsing: "Mo–Fr 11–14 Uhr, Sa ganztags"))
        XCTAssertEqual(both.ranges[5], [660..<840])
        XCTAssertTrue(both.isBusyAllDay(6))
        XCTAssertFalse(both.hasBusyHours(7))
        // A day without hours is busy all day.
        XCTAssertTrue(try XCTUnwrap(BusyHours(parsing: "Mo, Sa")).isBusyAllDay(1))
        XCTAssertTrue(try XCTUnwrap(BusyHours(parsing: "Samstag den ganzen Tag")).isBusyAllDay(6))
    }

    func testBusyHoursVariants() throws {
        let b = try XCTUnwrap(BusyHours(parsing: "Mo, Mi 8–9:30 Uhr; Fr ab 12 Uhr"))
        XCTAssertEqual(b.ranges[1], [480..<570])
        XCTAssertEqual(b.ranges[2], [])
        XCTAssertEqual(b.ranges[3], [480..<570])
        XCTAssertEqual(b.ranges[5], [720..<1440])
        XCTAssertFalse(b.isBusyAllDay(5))
        let early = try XCTUnwrap(BusyHours(parsing: "werktags bis 10 Uhr"))
        for wd in monToFri { XCTAssertEqual(early.ranges[wd], [0..<600]) }
        let english = try XCTUnwrap(BusyHours(parsing: "Mon-Fri 11-14h"))
        XCTAssertEqual(english.ranges[4], [660..<840])
        // Hours without days: every day. A second range joins the days before it.
        let daily = try XCTUnwrap(BusyHours(parsing: "11–14 Uhr"))
        XCTAssertEqual(daily.ranges[7], [660..<840])
        let twice = try XCTUnwrap(BusyHours(parsing: "Di 8–9, 16–17 Uhr"))
        XCTAssertEqual(twice.ranges[2], [480..<540, 960..<1020])
        XCTAssertEqual(twice.ranges[1], [])
        // Across the weekend.
        XCTAssertEqual(try XCTUnwrap(BusyHours(parsing: "Fr–Mo")).ranges.map(\.isEmpty),
                       [true, false, true, true, true, false, false, false])
    }

    func testBusyHoursItCannotRead() {
        XCTAssertNil(BusyHours(parsing: "nach Absprache"))
        XCTAssertNil(BusyHours(parsing: "Mo 14–11 Uhr"), "an hour range must go forward")
        XCTAssertNil(BusyHours(parsing: "Mo 25 Uhr"))
        XCTAssertNil(BusyHours(parsing: "Mo 12 Uhr"), "a time alone is no range")
        XCTAssertEqual(BusyHours(parsing: "")?.isEmpty, true)
    }

    func testTimeOfDay() {
        XCTAssertEqual(TimeOfDay(parsing: "9:30")?.minutes, 570)
        XCTAssertEqual(TimeOfDay(parsing: "09.30")?.description, "09:30")
        XCTAssertEqual(TimeOfDay(parsing: "14")?.description, "14:00")
        XCTAssertNil(TimeOfDay(parsing: "24:00"))
        XCTAssertNil(TimeOfDay(parsing: "9:5"))
    }
}
