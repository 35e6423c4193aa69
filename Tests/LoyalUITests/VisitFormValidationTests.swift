import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The visit form's rules, shown next to the field: nothing is saved until they hold.
final class VisitFormValidationTests: VisitFormTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openVisits()
    }

    private func assertNothingSaved(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try count("interaction", "day = '2026-11-23'"), 0, "no interaction", file: file, line: line)
        XCTAssertEqual(try count("feedback", "interaction_id IN (SELECT id FROM interaction WHERE day = '2026-11-23')"), 0,
                       file: file, line: line)
        XCTAssertEqual(try count("complaint"), 0, file: file, line: line)
        XCTAssertEqual(try count("calendar_entry", "source = 'follow_up'"), 0, file: file, line: line)
        XCTAssertEqual(try auditEntries().count, 0, file: file, line: line)
    }

    private var status: String { statusRow.trimmingCharacters(in: .whitespaces) }
    /// The line above the status bar: the focused field's problem, or a hint.
    private var reasonLine: String { term.row(term.height - 2).trimmingCharacters(in: .whitespaces) }

    func testNPSElevenCannotBeTyped() throws {
        press(.char("v"), .tab, .tab, .tab, .char("1"))
        XCTAssertEqual(focusedField, "NPS (0–10)", "1 may become 10: the form waits")
        XCTAssertTrue(field("NPS (0–10)").contains("NPS (0–10)             1    0 1 2"), field("NPS (0–10)"))
        press(.char("1"))
        XCTAssertEqual(focusedField, "NPS (0–10)")
        XCTAssertTrue(field("NPS (0–10)").contains("NPS (0–10)             1    0 1 2"), "the second 1 is refused: \(field("NPS (0–10)"))")
        XCTAssertTrue(field("NPS (0–10)").contains("✗ 0 to 10"), "the reason next to the field")
        XCTAssertEqual(reasonLine, "✗ NPS (0–10): 0 to 10")
        press(.char("0"))
        XCTAssertEqual(focusedField, "Satisfaction (1–5)", "10 is taken and the form moves on")
        XCTAssertTrue(field("NPS (0–10)").hasPrefix("  NPS (0–10)             10   0 1 2"), field("NPS (0–10)"))
        XCTAssertFalse(screen.contains("✗"), screen)
        press(.char("9"))
        XCTAssertTrue(field("Satisfaction (1–5)").contains("✗ 1 to 5"), "9 is no satisfaction: \(field("Satisfaction (1–5)"))")
        XCTAssertTrue(field("Satisfaction (1–5)").contains("Satisfaction (1–5)          1 2 3"), "nothing taken")
        XCTAssertEqual(focusedField, "Satisfaction (1–5)")
        press(.char("5"), .ctrl("s"))
        XCTAssertEqual(status, "Saved: visit with Holzwurm GmbH (K1, Berlin)")
        let f = try XCTUnwrap(try fetch("SELECT nps, csat FROM feedback"))
        XCTAssertEqual(f["nps"], 10)
        XCTAssertEqual(f["csat"], 5)
    }

    func testAFutureDateIsRefusedOnSaveWithTheReasonNextToIt() throws {
        press(.char("v"), .ctrl("u"))
        type("+1")
        XCTAssertTrue(field("Date").contains("+1            → Tue 24.11.2026"), field("Date"))
        press(.ctrl("s"))
        XCTAssertEqual(status, "Not saved: Date — 24.11.2026 is in the future; record a visit after it happened")
        XCTAssertEqual(focusedField, "Date")
        XCTAssertTrue(field("Date").contains("✗ 24.11.2026 is in the future"), field("Date"))
        XCTAssertEqual(reasonLine, "✗ Date: 24.11.2026 is in the future; record a visit after it happened")
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH"), "still on the form")
        try assertNothingSaved()

        press(.ctrl("u"))
        type("-1")
        XCTAssertTrue(field("Date").contains("-1            → Sun 22.11.2026"), field("Date"))
        press(.ctrl("s"))
        XCTAssertEqual(status, "Saved: visit with Holzwurm GmbH (K1, Berlin)")
        XCTAssertEqual(try count("interaction", "day = '2026-11-22'"), 1)
    }

    func testTypingADateShortcutReplacesTheDefaultToday() throws {
        press(.char("v"))
        type("-1")
        XCTAssertTrue(field("Date").contains("-1            → Sun 22.11.2026"), "not t-1: \(field("Date"))")
        XCTAssertFalse(screen.contains("✗"), screen)
        press(.tab, .backTab, .backspace, .backspace)
        type("12.3.")
        XCTAssertTrue(field("Date").contains("12.3.         → Thu 12.03.2026"), field("Date"))
    }

    func testAFollowUpBeforeTheVisitIsRefused() throws {
        press(.char("v"), .ctrl("u"))
        type("-3")
        type(String(repeating: "\t", count: 17))
        XCTAssertEqual(focusedField, "Follow-up")
        type("19.11.")
        XCTAssertTrue(field("Follow-up").contains("19.11.        → Thu 19.11.2026"), field("Follow-up"))
        press(.ctrl("s"))
        XCTAssertEqual(status, "Not saved: Follow-up — 19.11.2026 is before the visit (20.11.2026)")
        XCTAssertTrue(field("Follow-up").contains("✗ 19.11.2026 is before the visit"), field("Follow-up"))
        XCTAssertEqual(reasonLine, "✗ Follow-up: 19.11.2026 is before the visit (20.11.2026)")
        try assertNothingSaved()

        press(.ctrl("u"))
        type("20.11.")
        press(.ctrl("s"))
        XCTAssertEqual(status, "Saved: visit with Holzwurm GmbH (K1, Berlin), follow-up on 20.11.2026")
        let e = try XCTUnwrap(try fetch("SELECT due, reason FROM calendar_entry WHERE source = 'follow_up'"))
        XCTAssertEqual(e["due"], "2026-11-20", "the same day as the visit is allowed")
        XCTAssertEqual(e["reason"], "Follow up on the visit of 20.11.2026")
    }

    func testANextStepNeedsAFollowUp() throws {
        press(.char("v"))
        type(String(repeating: "\t", count: 16))
        XCTAssertEqual(focusedField, "Next step")
        type("Muster schicken")
        press(.ctrl("s"))
        XCTAssertEqual(status, "Not saved: Follow-up — a next step needs a follow-up date")
        XCTAssertEqual(focusedField, "Follow-up", "the form goes to the field to fix")
        XCTAssertTrue(field("Follow-up").contains("✗ a next step needs a follow-up date"), field("Follow-up"))
        try assertNothingSaved()

        type("+7")
        XCTAssertFalse(field("Follow-up").contains("✗"), "typing clears the reason: \(field("Follow-up"))")
        press(.ctrl("s"))
        XCTAssertEqual(status, "Saved: visit with Holzwurm GmbH (K1, Berlin), follow-up on 30.11.2026")
        let e = try XCTUnwrap(try fetch("SELECT due, reason FROM calendar_entry WHERE source = 'follow_up'"))
        XCTAssertEqual(e["due"], "2026-11-30")
        XCTAssertEqual(e["reason"], "Muster schicken")
    }

    func testNoCustomerChosenIsRefused() throws {
        press(.char("4"), .char("v"), .tab)
        XCTAssertEqual(focusedField, "Date")
        XCTAssertTrue(field("Customer").contains("✗ choose a customer"), field("Customer"))
        press(.tab, .tab, .tab, .char("7"))
        press(.ctrl("s"))
        XCTAssertEqual(status, "Not saved: Customer — choose a customer (type part of the name, number or city)")
        XCTAssertEqual(focusedField, "Customer")
        try assertNothingSaved()

        type("Holz")
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH (K1, Berlin)"), term.row(1))
        XCTAssertTrue(field("NPS (0–10)").hasPrefix("  NPS (0–10)             7 "), "the score is kept: \(field("NPS (0–10)"))")
        press(.ctrl("s"))
        XCTAssertEqual(status, "Saved: visit with Holzwurm GmbH (K1, Berlin)")
        XCTAssertEqual(try fetch("SELECT nps FROM feedback")?["nps"], 7)
    }

    func testEscAsksOnAChangedFormNKeepsTypingYDiscardsTheDraft() throws {
        press(.char("v"), .tab, .tab, .tab, .char("6"))
        type("\t\t\t\t\tPreise")
        XCTAssertEqual(try drafts().count, 1)
        press(.escape)
        assertScreenContains("Throw away this visit report?")
        press(.char("n"))
        assertScreenLacks("Throw away this visit report?")
        XCTAssertEqual(focusedField, "Topics", "still on the form, where it was")
        XCTAssertTrue(field("Topics").contains("Preise"), field("Topics"))
        XCTAssertTrue(field("NPS (0–10)").hasPrefix("  NPS (0–10)             6 "), field("NPS (0–10)"))
        XCTAssertEqual(try drafts().count, 1, "the draft is still there")

        press(.escape)
        assertScreenContains("Throw away this visit report?")
        press(.char("y"))
        XCTAssertTrue(term.row(1).hasPrefix(" Accounts · "), "back on the list: \(term.row(1))")
        XCTAssertTrue(try drafts().isEmpty, "y deleted the draft")
        try assertNothingSaved()
    }

    func testEscOnAnUntouchedFormLeavesWithoutAskingOrKeepingADraft() throws {
        press(.char("v"), .tab, .tab, .backTab)
        XCTAssertEqual(focusedField, "Channel")
        XCTAssertFalse(term.row(1).contains("draft kept while typing"), "moving between fields is no typing: \(term.row(1))")
        XCTAssertTrue(try drafts().isEmpty, "no draft for an empty report")
        press(.escape)
        assertScreenLacks("Throw away")
        XCTAssertTrue(term.row(1).hasPrefix(" Accounts · "), term.row(1))
    }
}

/// A follow-up typed relative to today lands on a working day (issue 14, point 8).
final class VisitFormFollowUpDayTests: XCTestCase {
    func testPlusDaysOnAWeekendGiveTheNextWorkingDay() {
        var v = VisitFormValues()
        v.customerID = 1
        let monday = Day(year: 2026, month: 11, day: 23)!
        let working = { (d: Day) in WorkCalendar.weekendsOnly.workingDay(onOrAfter: d) }
        v[.followUp] = "+5"  // Saturday 28.11.2026
        XCTAssertEqual(VisitFormValidation.report(v, today: monday, workingDay: working).0?.followUpOn,
                       Day(year: 2026, month: 11, day: 30))
        v[.followUp] = "28.11.2026"  // a day typed out is the day meant
        XCTAssertEqual(VisitFormValidation.report(v, today: monday, workingDay: working).0?.followUpOn,
                       Day(year: 2026, month: 11, day: 28))
    }
}
