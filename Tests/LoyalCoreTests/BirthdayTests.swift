import XCTest
@testable import LoyalCore

final class BirthdayTests: XCTestCase {
    func testParsingWithoutYear() throws {
        let b = try XCTUnwrap(Birthday(parsing: "--05-17"))
        XCTAssertNil(b.year)
        XCTAssertEqual(b.month, 5)
        XCTAssertEqual(b.day, 17)
        XCTAssertEqual(b.description, "--05-17")
        let german = try XCTUnwrap(Birthday(parsing: "17.5."))
        XCTAssertEqual(german, b)
    }

    func testParsingWithYear() throws {
        let iso = try XCTUnwrap(Birthday(parsing: "1970-05-17"))
        XCTAssertEqual(iso.year, 1970)
        XCTAssertEqual(iso.description, "1970-05-17")
        XCTAssertEqual(Birthday(parsing: "17.05.1970"), iso)
        XCTAssertEqual(Birthday(parsing: "29.02.1980")?.description, "1980-02-29")
    }

    func testInvalidBirthdays() {
        XCTAssertNil(Birthday(parsing: "--02-30"))
        XCTAssertNil(Birthday(parsing: "--13-01"))
        XCTAssertNil(Birthday(parsing: "29.02.1981"))
        XCTAssertNil(Birthday(parsing: "32.1."))
        XCTAssertNil(Birthday(parsing: "im Mai"))
        XCTAssertNil(Birthday(year: 2023, month: 2, day: 29))
        // Without a year, 29 February is a valid birthday.
        XCTAssertNotNil(Birthday(year: nil, month: 2, day: 29))
        XCTAssertNotNil(Birthday(parsing: "--02-29"))
    }

    func testTwentyNinthOfFebruaryIsCelebratedOnTheTwentyEighthInOtherYears() throws {
        let b = try XCTUnwrap(Birthday(year: 2000, month: 2, day: 29))
        XCTAssertEqual(b.occurrence(in: 2025), Day(year: 2025, month: 2, day: 28))
        XCTAssertEqual(b.occurrence(in: 2100), Day(year: 2100, month: 2, day: 28))
        XCTAssertEqual(b.occurrence(in: 2028), Day(year: 2028, month: 2, day: 29))
        let noYear = try XCTUnwrap(Birthday(parsing: "--02-29"))
        XCTAssertEqual(noYear.occurrence(in: 2026), Day(year: 2026, month: 2, day: 28))
        let may = try XCTUnwrap(Birthday(parsing: "--05-17"))
        XCTAssertEqual(may.occurrence(in: 2026), Day(year: 2026, month: 5, day: 17))
    }

    func testAge() throws {
        let b = try XCTUnwrap(Birthday(parsing: "1970-05-17"))
        XCTAssertEqual(b.age(on: Day(year: 2026, month: 5, day: 16)!), 55)
        XCTAssertEqual(b.age(on: Day(year: 2026, month: 5, day: 17)!), 56)
        XCTAssertEqual(b.age(on: Day(year: 2026, month: 12, day: 31)!), 56)
        let leap = try XCTUnwrap(Birthday(parsing: "2000-02-29"))
        XCTAssertEqual(leap.age(on: Day(year: 2026, month: 2, day: 28)!), 25)
        XCTAssertEqual(leap.age(on: Day(year: 2026, month: 3, day: 1)!), 26)
        XCTAssertEqual(leap.age(on: Day(year: 2028, month: 2, day: 29)!), 28)
        XCTAssertNil(Birthday(parsing: "--05-17")!.age(on: Day(year: 2026, month: 1, day: 1)!))
    }

    func testInitFromDay() {
        let b = Birthday(Day(year: 1988, month: 12, day: 3)!)
        XCTAssertEqual(b.year, 1988)
        XCTAssertEqual(b.month, 12)
        XCTAssertEqual(b.day, 3)
    }
}
