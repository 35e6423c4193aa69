import XCTest
import GRDB
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Calendar tab's agenda (key 2): groups, blocked entries, the rep filter, and
/// done, skip, move and open from the keyboard.
final class CalendarAgendaScreenTests: CalendarUITestCase {
    func testAgendaShowsOverdueAsOneLineThenTodayThenTheDays() throws {
        try openCalendar()
        XCTAssertEqual(titleRow.trimmingCharacters(in: .whitespaces),
                       "Calendar · Agenda · overdue, today and the next 13 days · all reps")
        let rows = bodyRows.map { $0.replacing(#/ {2,}/#, with: " | ") }
        XCTAssertEqual(rows, [
            "Overdue: 1 (oldest since 16.11.2026) ▸ Enter shows them",
            "Today",
            "call | K4 Großkauf GmbH | Call after purchase of 6.000 € on 21.11.2026",
            "We 25.11.2026",
            "visit | K1 Alpha GmbH | Visit (every 90 days; last visit 27.08.2026)",
        ], screen)
        let overdue = try XCTUnwrap(row(containing: "Overdue"))
        XCTAssertEqual(term.role(atRow: overdue, col: 1), .overdue, "overdue entries are obvious")
        XCTAssertTrue(selectedRowText?.contains("K4 Großkauf GmbH") ?? false, "the cursor starts on today: \(screen)")
        XCTAssertEqual(term.role(atRow: try XCTUnwrap(row(containing: "Today")), col: 1), .header)
        press(.down)
        XCTAssertTrue(selectedRowText?.contains("K1 Alpha GmbH") ?? false, screen)
    }

    func testEnterOnTheOverdueLineShowsTheOverdueEntries() throws {
        try openCalendar()
        press(.up)
        XCTAssertTrue(selectedRowText?.contains("Overdue: 1") ?? false, screen)
        press(.enter)
        let rows = bodyRows.map { $0.replacing(#/ {2,}/#, with: " | ") }
        XCTAssertEqual(Array(rows.prefix(3)), [
            "Overdue: 1 (oldest since 16.11.2026) ▾",
            "16.11.2026 visit | K7 Nein Danke AG | Muster vorbeibringen",
            "Today",
        ], screen)
        press(.down)
        XCTAssertTrue(selectedRowText?.contains("K7 Nein Danke AG") ?? false, screen)
        press(.up)
        press(.enter)
        assertScreenLacks("K7 Nein Danke AG")
    }

    func testTodayLastAndPageKeysMoveTheCursor() throws {
        try openCalendar()
        press(.char("G"))
        XCTAssertTrue(selectedRowText?.contains("K1 Alpha GmbH") ?? false, screen)
        press(.char("t"))
        XCTAssertTrue(selectedRowText?.contains("K4 Großkauf GmbH") ?? false, screen)
        press(.home)
        XCTAssertTrue(selectedRowText?.contains("Overdue: 1") ?? false, screen)
        press(.end)
        XCTAssertTrue(selectedRowText?.contains("K1 Alpha GmbH") ?? false, screen)
        press(.char("g"))
        press(.pageDown)
        XCTAssertTrue(selectedRowText?.contains("K1 Alpha GmbH") ?? false, "a page down from the top reaches the last: \(screen)")
        press(.pageUp)
        XCTAssertTrue(selectedRowText?.contains("Overdue: 1") ?? false, screen)
    }

    func testBlockedEntriesAreHiddenUntilBShowsThemWithTheReason() throws {
        try openCalendar()
        assertScreenLacks("Stille KG")
        press(.char("B"))
        XCTAssertTrue(titleRow.contains("· with blocked"), titleRow)
        let line = try XCTUnwrap(bodyRows.first { $0.contains("K2 Stille KG") && $0.contains("call") }, screen)
        XCTAssertTrue(line.hasSuffix("blocked: no phone consent"), line)
        let blockedRow = try XCTUnwrap(row(containing: "K2 Stille KG"))
        let col = try XCTUnwrap(term.row(blockedRow).range(of: "K2 Stille KG")).lowerBound.utf16Offset(in: term.row(blockedRow))
        XCTAssertEqual(term.role(atRow: blockedRow, col: col), .blocked)
        XCTAssertEqual(bodyRows[3], "Tu 24.11.2026", "the blocked call's day comes between today and Wednesday")
        press(.char("B"))
        assertScreenLacks("Stille KG")
    }

    func testRepFilterShowsOneRepsEntries() throws {
        try openCalendar()
        press(.char("r"))
        assertScreenContains("All reps")
        choose("CD")
        XCTAssertTrue(titleRow.contains("· rep CD"), titleRow)
        assertScreenContains("Overdue: 1 (oldest since 16.11.2026)")
        assertScreenContains("K4 Großkauf GmbH")
        assertScreenLacks("K1 Alpha GmbH")
        press(.char("r"))
        choose("All reps")
        assertScreenContains("K1 Alpha GmbH")
    }

    func testDoneOnACallLogsItAndTakesItOffTheAgenda() throws {
        try openCalendar()
        select("K4 Großkauf GmbH")
        press(.char("x"))
        XCTAssertTrue(statusRow.contains("Done: Call after purchase of 6.000 € on 21.11.2026 · K4 Großkauf GmbH"), statusRow)
        XCTAssertFalse(bodyRows.contains { $0.contains("Großkauf") }, screen)
        XCTAssertEqual(try interactions("K4"), ["2026-11-23 call"])
        XCTAssertEqual(try entries("K4", .phone), ["2026-11-23 done"])
        XCTAssertEqual(try auditEntries().filter { $0.entity == "calendar_entry" }.map(\.detail),
                       ["done: Call after purchase of 6.000 € on 21.11.2026"])
    }

    func testDoneOnAVisitOpensTheFeedbackFormWhichMarksItDone() throws {
        try openCalendar()
        select("K1 Alpha GmbH")
        press(.char("x"))
        XCTAssertTrue(titleRow.contains("Visit feedback: Alpha GmbH (K1, Berlin)"), titleRow)
        // Leaving the form without saving leaves the entry open.
        press(.escape)
        XCTAssertEqual(try entries("K1", .visit).first, "2026-11-25 open")
        select("K1 Alpha GmbH")
        press(.char("x"))
        press(.tab, .tab, .tab)  // date, channel, met → NPS
        type("9")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.contains("Saved: visit with Alpha GmbH (K1, Berlin)"), statusRow)
        XCTAssertTrue(titleRow.contains("Agenda"), titleRow)
        XCTAssertFalse(bodyRows.contains { $0.contains("Alpha GmbH") }, screen)
        XCTAssertEqual(try entries("K1", .visit).first, "2026-11-25 done")
        XCTAssertEqual(try interactions("K1"), ["2026-08-27 visit", "2026-11-04 call", "2026-11-23 visit"])
        XCTAssertEqual(try store.pool.read { try Int.fetchOne($0, sql: "SELECT nps FROM feedback ORDER BY id DESC LIMIT 1") }, 9)
    }

    func testSkipNeedsAReason() throws {
        try openCalendar()
        press(.up, .enter, .down)  // open the overdue line, onto its entry
        press(.char("d"))
        XCTAssertTrue(titleRow.contains("Skip Muster vorbeibringen · K7 Nein Danke AG"), titleRow)
        press(.ctrl("s"))
        assertScreenContains("say why")
        XCTAssertEqual(try entries("K7", .visit), ["2026-11-16 open"])
        type("Kunde hat abgesagt")
        press(.ctrl("s"))
        XCTAssertTrue(titleRow.contains("Agenda"), titleRow)
        XCTAssertFalse(bodyRows.contains { $0.contains("Nein Danke") }, screen)
        XCTAssertEqual(try entries("K7", .visit), ["2026-11-16 skipped (Kunde hat abgesagt)"])
        XCTAssertEqual(try interactions("K7"), ["2026-11-10 call"], "skipping logs no contact")
    }

    func testMoveToATypedDay() throws {
        try openCalendar()
        select("K4 Großkauf GmbH")
        press(.char("M"))
        XCTAssertTrue(titleRow.contains("Move Call after purchase"), titleRow)
        assertScreenContains("24.11.2026")
        press(.ctrl("u"))
        type("+3")
        press(.ctrl("s"))
        XCTAssertEqual(try entries("K4", .phone), ["2026-11-26 open"])
        let moved = try XCTUnwrap(row(containing: "Th 26.11.2026"), screen)
        XCTAssertTrue(term.row(moved + 1).contains("K4 Großkauf GmbH"), screen)
        XCTAssertNil(row(containing: "Today"), "nothing is due today any more")
        // A refresh keeps the day a person chose.
        try store.refreshAll(asOf: Self.today, settings: Settings())
        XCTAssertEqual(try entries("K4", .phone), ["2026-11-26 open"])
    }

    func testEnterOpensTheCustomer() throws {
        try openCalendar()
        select("K1 Alpha GmbH")
        press(.enter)
        assertScreenContains("Alpha GmbH")
        XCTAssertFalse(titleRow.contains("Agenda"), titleRow)
        press(.escape)
        XCTAssertTrue(titleRow.contains("Agenda"), titleRow)
        select("K1 Alpha GmbH")
        press(.char("o"))
        XCTAssertFalse(titleRow.contains("Agenda"), titleRow)
    }

    func testHelpAndTheKeyTableListTheCalendarsKeys() throws {
        try openCalendar()
        press(.char("?"))
        assertScreenContains("Mark done: logs the contact; a visit offers the feedback form")
        XCTAssertTrue(KeyBindings.markdown().contains("**Calendar**\n"))
        XCTAssertTrue(KeyBindings.markdown().contains("| `M` | Move to another day |"))
    }

    func choose(_ item: String, file: StaticString = #filePath, line: UInt = #line) {
        press(.home)
        for _ in 0..<30 {
            if isSelected(item) { press(.enter); return }
            press(.down)
        }
        XCTFail("the picker has no item \"\(item)\":\n\(screen)", file: file, line: line)
    }
}
