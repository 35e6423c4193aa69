import XCTest
@testable import LoyalCore

/// The contact planner's reasons and notes are kept as catalogue keys (issue 15): one stored
/// value reads in English and in German; the .ics summary follows the exporting user's
/// language and its UID does not.
final class PlanStoredTextTests: XCTestCase {
    override func tearDown() {
        Text.use(LanguageChoice(.en, explicit: false))
        super.tearDown()
    }

    /// A consumer without phone consent, last called on 01.09.2026, with a missed call rolled forward.
    func blockedCall() -> PlannedEntry {
        var rules = emptyRules()
        rules.cadence[.b] = [.phone: 90]
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, lastContact: [.phone: d("2026-09-01")], kind: .consumer)
        var e = plan(facts, rules, from: "2026-11-16", to: "2026-12-31")[0]
        e.overdueSince = d("2026-11-02")
        return e
    }

    func testAPlannedEntrysReasonAndNoteReadInGermanAndEnglishFromOneStoredValue() throws {
        let e = blockedCall()
        let reason = e.reasonText.stored, note = try XCTUnwrap(e.noteText?.stored)
        XCTAssertEqual(reason, #"["calendar_reason.every_since","w:plan_action.phone","i:90",["plan_since.last_phone","d:2026-09-01"]]"#)
        XCTAssertEqual(try XCTUnwrap(StoredText(stored: reason)), e.reasonText, "the stored value reads back as it was")
        XCTAssertEqual(StoredText.render(stored: reason), "Call (every 90 days; last call 01.09.2026)")
        XCTAssertEqual(StoredText.render(stored: note), "overdue since 02.11.2026; blocked: no phone consent")
        XCTAssertEqual(e.reason, "Call (every 90 days; last call 01.09.2026)")
        Text.use(.de)
        XCTAssertEqual(StoredText.render(stored: reason), "Anruf (alle 90 Tage; letzter Anruf 01.09.2026)")
        XCTAssertEqual(StoredText.render(stored: note), "überfällig seit 02.11.2026; gesperrt: keine Einwilligung für Anrufe")
        XCTAssertEqual(e.note(), "überfällig seit 02.11.2026; gesperrt: keine Einwilligung für Anrufe")
        XCTAssertEqual(e.reasonText.stored, reason, "the stored form does not depend on the language")
    }

    func testBirthdayAndAfterPurchaseReasonsReadInGerman() {
        var rules = emptyRules()
        rules.birthdays[.b] = BirthdayRule(channels: [.letter], leadDays: 0)
        rules.afterPurchase = [PurchaseFollowUp(minAmount: euros(500), days: 7, channel: .phone)]
        var anna = person(10, "Anna", "Schmidt", birthday: "1972-11-20", primary: true)
        anna.partnerBirthday = Birthday(parsing: "1970-12-01")
        rules.partnerBirthdays = true
        let facts = CustomerPlanFacts(customerID: 1, customerClass: .b, consents: allConsents, contacts: [anna],
                                      purchases: [PurchaseFact(day: d("2026-11-16"), amount: euros(1200)),
                                                  PurchaseFact(day: d("2026-11-18"), amount: euros(800))])
        let entries = plan(facts, rules, from: "2026-11-16", to: "2026-12-31")
        let stored = entries.map(\.reasonText.stored)
        XCTAssertEqual(entries.map(\.reason), ["Birthday of Anna Schmidt (54)", "Call after purchase of 1.200 € on 16.11.2026 (and 1 more)",
                                               "Birthday of the partner of Anna Schmidt (56)"])
        Text.use(.de)
        XCTAssertEqual(stored.map { StoredText.render(stored: $0) },
                       ["Geburtstag von Anna Schmidt (54)", "Anruf nach Kauf über 1.200 € am 16.11.2026 (und 1 weitere)",
                        "Geburtstag des Partners von Anna Schmidt (56)"])
    }

    func testTheICalendarSummaryFollowsTheLanguageAndTheUIDDoesNot() {
        let e = blockedCall()
        let english = ICalendarExport.event(e, customer: "Alpha (K1)")
        XCTAssertEqual(english.summary, "Blocked: Call Alpha (K1)")
        XCTAssertEqual(english.description, "Call (every 90 days; last call 01.09.2026)\noverdue since 02.11.2026; blocked: no phone consent")
        Text.use(.de)
        let german = ICalendarExport.event(e, customer: "Alpha (K1)")
        XCTAssertEqual(german.summary, "Gesperrt: Anruf Alpha (K1)")
        XCTAssertEqual(german.description,
                       "Anruf (alle 90 Tage; letzter Anruf 01.09.2026)\nüberfällig seit 02.11.2026; gesperrt: keine Einwilligung für Anrufe")
        XCTAssertEqual(german.uid, english.uid, "the .ics UID does not change with the language")
    }

    func testMovesAndQuietTimesReadInGerman() {
        var e = blockedCall()
        e.overdueSince = nil
        e.blockedText = nil
        e.moved = PlannedEntry.Move(from: e.due.adding(days: -3), because: StoredText("calendar_note.high_season", [.text("11-12")]))
        e.hintText = StoredText("calendar_note.busy", [.text("Mo 8-10")])
        XCTAssertEqual(e.note(), "moved from \(e.due.adding(days: -3).german) (high season 11-12); busy Mo 8-10")
        Text.use(.de)
        XCTAssertEqual(e.note(), "verschoben vom \(e.due.adding(days: -3).german) (Hochsaison 11-12); nicht erreichbar Mo 8-10")
    }

    /// Old English rows (before keys) read back into the same keys the planner writes now.
    func testOldEnglishPlannerTextsReadBackIntoTheSameKeys() throws {
        let reader = PlanLegacyText()
        let e = blockedCall()
        XCTAssertEqual(reader.reason(e.reason), e.reasonText)
        XCTAssertEqual(reader.note(e.note()), e.noteText)
        XCTAssertEqual(reader.consentBlock("no phone consent"), StoredText("calendar_note.no_consent_phone"))
        for text in ["Visit (every 90 days)", "E-mail (every 60 days; no e-mail yet)", "Call (every 30 days; visit planned 03.12.2026)",
                     "Call after purchase of 1.200 € on 16.11.2026", "Birthday of Bernd Meier, partner of Anna Schmidt (56)",
                     "Birthday of Anna Schmidt"] {
            let keyed = try XCTUnwrap(reader.reason(text), text)
            XCTAssertEqual(keyed.render(), text)
        }
        for text in ["moved from 20.11.2026 (high season 11-12)", "moved from 10:00 (busy Mo 8-10; Di 9-11)",
                     "busy Sa ganztags, but a birthday cannot move", "high season 12: no free day within 30 days",
                     "high season 12: the plan would move it to 04.01.2027 10:00", "blocked: phone consent refused on 03.04.2025",
                     "overdue since 02.11.2026; busy Mo 8-10"] {
            let keyed = try XCTUnwrap(reader.note(text), text)
            XCTAssertEqual(keyed.render(), text)
        }
        XCTAssertNil(reader.reason("Jahresgespräch"))
        XCTAssertNil(reader.note("our own words"))
    }
}
