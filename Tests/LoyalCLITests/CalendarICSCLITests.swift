import Foundation
import LoyalCore
import XCTest

/// `loyal export calendar --format ics`: RFC 5545 as real calendar programs read
/// it. The demo company (150 customers, seed 11) is planned 400 days ahead, so
/// birthdays come up in two years, plus a customer whose name needs escaping.
final class CalendarICSCLITests: CLITestCase {
    static let hostileName = "Hüsnü, Meyer; Söhne \\ Partner"
    /// Control characters can no longer be imported (issue 11); that the ICS text leaves
    /// them out is shown in ICalendarTextTests.
    static let hostileStored = hostileName

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: configHome.appendingPathComponent("loyal"), withIntermediateDirectories: true)
        try Data("[calendar]\nhorizon_days = 400\n".utf8).write(to: URL(fileURLWithPath: configFile))
        XCTAssertEqual(try loyal(["demo", "--customers", "150", "--seed", "11"]).status, 0)
        _ = try write("number,name,rep,class,consent_phone\nX1,\"\(Self.hostileStored)\",AB,A,ja\n", to: "hostile.csv")
        _ = try write("customer,date,amount\nX1,2026-11-23,6000\n", to: "big.csv")
        for (entity, file) in [("customers", "hostile.csv"), ("purchases", "big.csv")] {
            let r = try loyal(["import", entity, file])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    /// Exports and returns the file's text.
    func export(_ args: [String] = [], name: String = "plan.ics") throws -> String {
        let path = home.appendingPathComponent(name).path
        let r = try loyal(["export", "calendar", "--format", "ics", "-o", path] + args)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    func events(_ text: String) throws -> [ICalComponent] {
        let root = try ICalendarReader.parse(text)
        XCTAssertEqual(root.name, "VCALENDAR")
        return root.components("VEVENT")
    }

    func testTheFileIsWellFormedRFC5545() throws {
        let text = try export()
        XCTAssertFalse(text.contains("\u{FFFD}"), "folding never splits a character")
        // CR LF line ends only, and no line (folds included) longer than 75 octets.
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        XCTAssertFalse(lines.contains { $0.contains("\n") || $0.contains("\r") }, "a bare LF or CR")
        let long = lines.filter { $0.utf8.count > 75 }
        XCTAssertEqual(long, [])
        XCTAssertGreaterThan(lines.filter { $0.hasPrefix(" ") }.count, 0, "some lines are folded")

        let root = try ICalendarReader.parse(text)
        XCTAssertEqual(root.property("VERSION")?.value, "2.0")
        XCTAssertNotNil(root.property("PRODID"))
        let zone = try XCTUnwrap(root.components("VTIMEZONE").first)
        XCTAssertEqual(zone.property("TZID")?.value, "Europe/Berlin")
        XCTAssertEqual(zone.components.map(\.name).sorted(), ["DAYLIGHT", "STANDARD"])
        let events = root.components("VEVENT")
        XCTAssertGreaterThan(events.count, 300)
        for e in events {
            for key in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
                XCTAssertNotNil(e.property(key), "\(key) missing in \(e.property("UID")?.value ?? "?")")
            }
            if let start = e.property("DTSTART"), start.parameter("TZID") != nil {
                XCTAssertEqual(start.parameter("TZID"), "Europe/Berlin")
            }
        }
        let uids = events.compactMap { $0.property("UID")?.value }
        XCTAssertEqual(Set(uids).count, events.count, "every UID once")

        // The hostile name, escaped in the file and read back whole.
        let hostile = try XCTUnwrap(events.first { $0.property("UID")?.value.hasPrefix("c151-post-purchase-") ?? false })
        XCTAssertEqual(hostile.property("SUMMARY")?.text, "Call \(Self.hostileName) (X1)")
        XCTAssertEqual(hostile.property("SUMMARY")?.value, "Call Hüsnü\\, Meyer\\; Söhne \\\\ Partner (X1)")
        XCTAssertEqual(hostile.property("DTSTART")?.value, "20261125")
        XCTAssertTrue(text.contains("SUMMARY:Call Hüsnü\\, Meyer\\; Söhne \\\\ Partner (X1)\r\n"))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" || $0.value == 0x7F },
                       "no control characters but the line ends")
    }

    func testBirthdaysAreOneYearlyEventPerPerson() throws {
        let events = try self.events(try export(["--to", "2027-12-31"]))
        let birthdays = events.filter { $0.property("CATEGORIES")?.textList.contains { $0.hasSuffix("irthday") } ?? false }
        XCTAssertGreaterThan(birthdays.count, 10)
        for b in birthdays {
            let uid = try XCTUnwrap(b.property("UID")?.value)
            XCTAssertNotNil(uid.firstMatch(of: #/^c\d+-(partner-)?birthday-p\d+@loyal$/#), "a person's UID, not a year's: \(uid)")
            XCTAssertTrue(b.property("RRULE")?.value.hasPrefix("FREQ=YEARLY") ?? false, uid)
            XCTAssertEqual(b.property("DTSTART")?.parameter("VALUE"), "DATE", "all day")
            XCTAssertFalse(b.property("SUMMARY")?.text.hasSuffix(")") ?? true, "no age in a yearly title")
        }
        // 400 days cover each birthday once or twice; the file has each person once.
        let csv = try loyal(["export", "calendar", "--format", "csv"]).stdout
        let persons = Set(csv.components(separatedBy: "\r\n").compactMap { line -> String? in
            guard let m = line.firstMatch(of: #/^(c\d+-(partner-)?birthday-p\d+)-\d{4}@loyal,/#) else { return nil }
            return String(m.1) + "@loyal"
        })
        let years = csv.components(separatedBy: "\r\n").filter { $0.firstMatch(of: #/^c\d+-(partner-)?birthday-/#) != nil }.count
        XCTAssertGreaterThan(years, persons.count, "some birthdays come twice in 400 days")
        XCTAssertEqual(Set(birthdays.compactMap { $0.property("UID")?.value }), persons)
    }

    func testReExportKeepsTheUIDsAndFiltersByRepAndDays() throws {
        let first = try events(try export())
        XCTAssertEqual(try loyal(["refresh"]).status, 0)
        let second = try events(try export(name: "again.ics"))
        XCTAssertEqual(second.compactMap { $0.property("UID")?.value }, first.compactMap { $0.property("UID")?.value })
        XCTAssertEqual(second.map { $0.properties.filter { $0.name != "DTSTAMP" } },
                       first.map { $0.properties.filter { $0.name != "DTSTAMP" } }, "only the stamp differs")

        let ab = try ICalendarReader.parse(try export(["--rep", "AB"], name: "ab.ics"))
        XCTAssertEqual(ab.property("X-WR-CALNAME")?.text, "Loyal (AB)")
        let abUIDs = Set(ab.components("VEVENT").compactMap { $0.property("UID")?.value })
        XCTAssertGreaterThan(abUIDs.count, 0)
        XCTAssertLessThan(abUIDs.count, first.count)
        XCTAssertTrue(abUIDs.isSubset(of: Set(first.compactMap { $0.property("UID")?.value })))
        XCTAssertTrue(abUIDs.contains { $0.hasPrefix("c151-") }, "X1 is AB's")

        let week = try events(try export(["--from", "2026-12-07", "--to", "2026-12-13"], name: "week.ics"))
        XCTAssertGreaterThan(week.count, 0)
        for e in week where e.property("RRULE") == nil {
            let start = String(try XCTUnwrap(e.property("DTSTART")?.value).prefix(8))
            XCTAssertTrue(("20261207"..."20261213").contains(start), start)
        }
        let wrong = try loyal(["export", "calendar", "--format", "ics", "--from", "2026-12-13", "--to", "2026-12-07"])
        XCTAssertNotEqual(wrong.status, 0)
    }

    /// calcurse (Debian's package; scripts/install-deps installs it) imports every event.
    func testCalcurseImportsTheFileWithoutSkipping() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let calcurse = path.map({ "\($0)/calcurse" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("calcurse is not installed")
        }
        let text = try export(["--to", "2027-12-31"])
        let count = try events(text).count
        let data = home.appendingPathComponent("calcurse")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: calcurse)
        p.arguments = ["-D", data.path, "-i", home.appendingPathComponent("plan.ics").path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        print("calcurse -i:", output)
        XCTAssertEqual(p.terminationStatus, 0, output)
        // "1 app / 32 events / 0 todos / 0 skipped"
        let m = try XCTUnwrap(output.firstMatch(of: #/(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped/#), output)
        XCTAssertEqual(Int(m.4), 0, output)
        XCTAssertEqual((Int(m.1) ?? 0) + (Int(m.2) ?? 0), count, output)
    }
}
