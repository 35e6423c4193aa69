import XCTest
@testable import LoyalCore

final class ICalendarWriterTests: XCTestCase {
    static let stamp = UTCTimestamp(day: d("2026-11-16"), hour: 8, minute: 5, second: 9)!

    /// Facts that produce every kind of event: a 29 February birthday, a card with
    /// a lead time, a timed follow-up, a blocked call, a visit.
    static func sampleEntries() -> [PlannedEntry] {
        var anna = person(10, "Anna", "Schmidt", birthday: "1980-02-29", primary: true)
        anna.partnerName = "Peter Schmidt"
        anna.partnerBirthday = Birthday(parsing: "--06-15")
        let a = CustomerPlanFacts(customerID: 1, customerClass: .a, consents: [consent(.email)],
                                  busyHours: BusyHours(parsing: "Mo–Fr 11–14 Uhr")!, contacts: [anna],
                                  lastContact: [.visit: d("2026-10-01"), .phone: d("2026-10-20")],
                                  given: [GivenEntry(key: "feedback-3", source: .followUp, due: d("2026-11-17"),
                                                     time: TimeOfDay(hour: 9, minute: 30), channel: .visit,
                                                     reason: "Bring the offer; prices, delivery\nand the samples")],
                                  kind: .consumer)
        let b = CustomerPlanFacts(customerID: 2, customerClass: .b, consents: allConsents,
                                  contacts: [person(20, "Jan", "Roth", birthday: "1990-03-10", customer: 2)],
                                  lastContact: [.phone: d("2026-11-01"), .email: d("2026-11-01")])
        return ContactPlanner.plan([a, b], rules: ContactPlanRules(), from: d("2026-11-16"), to: d("2028-03-31"),
                                   today: d("2026-11-16"))
    }

    static func sampleDocument() -> String {
        let events = ICalendarExport.events(sampleEntries(), customerNames: [1: "Müller GmbH", 2: "Roth & Söhne, Köln"])
        return ICalendarWriter().document(events, stamp: stamp)
    }

    func testTheFileParsesBackWithCalendarPropertiesAndTheBerlinTimeZone() throws {
        let text = Self.sampleDocument()
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        // Bytes, not Characters: Swift takes CR LF for one Character.
        let bytes = Array(text.utf8)
        let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
        XCTAssertGreaterThan(lineFeeds.count, 100)
        XCTAssertTrue(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D }, "every line ends in CR LF")
        var start = 0
        for lf in lineFeeds {
            XCTAssertLessThanOrEqual(lf - 1 - start, 75, "a line longer than 75 octets")
            start = lf + 1
        }

        let cal = try ICalendarReader.parse(text)
        XCTAssertEqual(cal.name, "VCALENDAR")
        XCTAssertEqual(cal.property("PRODID")?.value, "-//Loyal//Loyal communication calendar//EN")
        XCTAssertEqual(cal.property("VERSION")?.value, "2.0")
        XCTAssertEqual(cal.property("CALSCALE")?.value, "GREGORIAN")
        XCTAssertEqual(cal.property("METHOD")?.value, "PUBLISH")
        let tz = try XCTUnwrap(cal.components("VTIMEZONE").first)
        XCTAssertEqual(tz.property("TZID")?.value, "Europe/Berlin")
        let summer = try XCTUnwrap(tz.components("DAYLIGHT").first)
        XCTAssertEqual(summer.property("TZOFFSETFROM")?.value, "+0100")
        XCTAssertEqual(summer.property("TZOFFSETTO")?.value, "+0200")
        XCTAssertEqual(summer.property("DTSTART")?.value, "19810329T020000")
        XCTAssertEqual(summer.property("RRULE")?.value, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        let winter = try XCTUnwrap(tz.components("STANDARD").first)
        XCTAssertEqual(winter.property("TZOFFSETFROM")?.value, "+0200")
        XCTAssertEqual(winter.property("TZOFFSETTO")?.value, "+0100")
        XCTAssertEqual(winter.property("TZNAME")?.value, "CET")
        XCTAssertEqual(winter.property("DTSTART")?.value, "19961027T030000")
        XCTAssertEqual(winter.property("RRULE")?.value, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
    }

    func testTheRulesStartOnTheSundaysTheyName() {
        // 29.03.1981 and 27.10.1996 are last Sundays of their months.
        for (day, month) in [(d("1981-03-29"), 3), (d("1996-10-27"), 10)] {
            XCTAssertEqual(day.weekday, 7)
            XCTAssertEqual(day.month, month)
            XCTAssertNotEqual(day.adding(days: 7).month, month)
        }
    }

    func testEventsCarryStableUIDsAndTheirContent() throws {
        let entries = Self.sampleEntries()
        let cal = try ICalendarReader.parse(Self.sampleDocument())
        let events = cal.components("VEVENT")
        let byUID = Dictionary(uniqueKeysWithValues: events.map { ($0.property("UID")!.value, $0) })
        // Every non-birthday entry is one event under its own UID; birthdays are one series per person.
        let single = entries.filter { $0.source != .birthday && $0.source != .partnerBirthday }
        XCTAssertEqual(Set(byUID.keys), Set(single.map(\.uid)).union(["c1-birthday-p10@loyal", "c1-partner-birthday-p10@loyal",
                                                                       "c2-birthday-p20@loyal"]))
        XCTAssertEqual(events.count, byUID.count, "no UID twice")
        for e in events { XCTAssertEqual(e.property("DTSTAMP")?.value, "20261116T080509Z") }

        // The timed visit: 9:30 is before the busy hours, so it stays; local time with TZID.
        let visit = try XCTUnwrap(byUID["c1-follow-up-feedback-3@loyal"])
        XCTAssertEqual(visit.property("DTSTART")?.value, "20261117T093000")
        XCTAssertEqual(visit.property("DTSTART")?.parameter("TZID"), "Europe/Berlin")
        XCTAssertEqual(visit.property("DURATION")?.value, "PT60M")
        XCTAssertEqual(visit.property("SUMMARY")?.text, "Visit Müller GmbH")
        XCTAssertEqual(visit.property("DESCRIPTION")?.text, "Bring the offer; prices, delivery\nand the samples")
        XCTAssertEqual(visit.property("CATEGORIES")?.textList, ["Loyal", "Follow-up", "Visit"])
        XCTAssertEqual(visit.property("STATUS")?.value, "CONFIRMED")

        // A call without phone consent: kept, tentative, and says why.
        let call = try XCTUnwrap(events.first { $0.property("SUMMARY")?.text == "Blocked: Call Müller GmbH" })
        XCTAssertEqual(call.property("DTSTART")?.parameter("VALUE"), "DATE")
        XCTAssertEqual(call.property("STATUS")?.value, "TENTATIVE")
        XCTAssertTrue(call.property("DESCRIPTION")!.text.hasSuffix("\nblocked: no phone consent; busy Mo–Fr 11–14 Uhr"))

        // An all-day entry: a date, and the next day as exclusive end.
        let mail = try XCTUnwrap(events.first { $0.property("SUMMARY")?.text == "E-mail Roth & Söhne, Köln" })
        XCTAssertEqual(mail.property("DTSTART")?.value, "20261231")
        XCTAssertEqual(mail.property("DTEND")?.value, "20270101")
        XCTAssertEqual(mail.property("DESCRIPTION")?.text, "E-mail (every 60 days; last e-mail 01.11.2026)")
    }

    func testBirthdaysAreYearlyAndTheTwentyNinthOfFebruaryFallsBackToTheLastDayOfFebruary() throws {
        let cal = try ICalendarReader.parse(Self.sampleDocument())
        let byUID = Dictionary(uniqueKeysWithValues: cal.components("VEVENT").map { ($0.property("UID")!.value, $0) })
        let anna = try XCTUnwrap(byUID["c1-birthday-p10@loyal"])
        // First planned occurrence: 28.02.2027, which the rule also gives (2027 is no leap year).
        XCTAssertEqual(anna.property("DTSTART")?.value, "20270228")
        XCTAssertEqual(anna.property("DTSTART")?.parameter("VALUE"), "DATE")
        XCTAssertEqual(anna.property("RRULE")?.value, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1")
        XCTAssertEqual(anna.property("SUMMARY")?.text, "Birthday of Anna Schmidt")
        // Class A without phone consent: the birthday visit (with a small gift) needs none.
        XCTAssertEqual(anna.property("DESCRIPTION")?.text, "Visit (Müller GmbH)\nBorn 1980")
        XCTAssertEqual(anna.components("VALARM"), [], "a visit on the day needs no reminder ahead")

        let partner = try XCTUnwrap(byUID["c1-partner-birthday-p10@loyal"])
        XCTAssertEqual(partner.property("DTSTART")?.value, "20270615")
        XCTAssertEqual(partner.property("RRULE")?.value, "FREQ=YEARLY")
        XCTAssertEqual(partner.property("SUMMARY")?.text, "Birthday of Peter Schmidt, partner of Anna Schmidt")

        // B: a card posted three days ahead, so the yearly event reminds three days before.
        let jan = try XCTUnwrap(byUID["c2-birthday-p20@loyal"])
        XCTAssertEqual(jan.property("DTSTART")?.value, "20270310")
        XCTAssertEqual(jan.property("RRULE")?.value, "FREQ=YEARLY")
        XCTAssertEqual(jan.components("VALARM").first?.property("TRIGGER")?.value, "-P3D")
        XCTAssertEqual(jan.property("CATEGORIES")?.textList, ["Loyal", "Birthday", "Letter"])
    }

    func testExportingTwiceGivesTheSameFile() {
        XCTAssertEqual(Self.sampleDocument(), Self.sampleDocument())
    }

    func testOtherZonesAndTimestamps() throws {
        let london = try XCTUnwrap(ICalTimeZone.named("Europe/London"))
        XCTAssertEqual(london.daylight?.start, "19810329T010000")
        XCTAssertEqual(london.standard.start, "19961027T020000")
        XCTAssertEqual(ICalTimeZone.named("Europe/Helsinki")?.standard.offsetTo, 120)
        XCTAssertNil(ICalTimeZone.named("America/New_York"))
        XCTAssertEqual(UTCTimestamp(secondsSince1970: 0).iCalendar, "19700101T000000Z")
        XCTAssertEqual(UTCTimestamp(secondsSince1970: -1).iCalendar, "19691231T235959Z")
        XCTAssertEqual(UTCTimestamp(secondsSince1970: 1_795_000_000).iCalendar, "20261118T110640Z")
    }

    func testReaderReportsBrokenStructure() {
        XCTAssertThrowsError(try ICalendarReader.parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"))
        XCTAssertThrowsError(try ICalendarReader.parse("BEGIN:VCALENDAR\r\n"))
        XCTAssertThrowsError(try ICalendarReader.parse("SUMMARY:x\r\n"))
        XCTAssertThrowsError(try ICalendarReader.property("no colon here"))
        let p = try? ICalendarReader.property("ATTENDEE;ROLE=REQ-PARTICIPANT;DELEGATED-FROM=\"mailto:a@x.de\",\"mailto:b@x.de\":mailto:c@x.de")
        XCTAssertEqual(p?.parameters.map(\.name), ["ROLE", "DELEGATED-FROM"])
        XCTAssertEqual(p?.parameters.last?.values, ["mailto:a@x.de", "mailto:b@x.de"])
        XCTAssertEqual(p?.value, "mailto:c@x.de")
    }
}
