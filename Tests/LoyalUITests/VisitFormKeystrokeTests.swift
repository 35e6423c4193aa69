import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The visit form filled by keys only, with the keystrokes counted, and what saving it did.
final class VisitFormKeystrokeTests: VisitFormTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openVisits()
    }

    /// A typical visit at K1 (selected on the accounts list), every field by keys.
    ///
    /// 117 keystrokes: 91 characters of free text (topics 15, complaint 17, competitor 6,
    /// notes 19 + 18, next step 16) and 26 keys for the form itself:
    /// v · Tab Tab (keep date, channel) · 2 Tab (tick Bernd Cole) · 8 4 2 (NPS, CSAT, CES
    /// move on by themselves) · Tab Tab (skip products, advice) · 4 (judgement) · Tab after
    /// topics · Tab after the complaint · d Tab (delivery) · Tab after the competitor ·
    /// y (price pressure, moves on) · w Tab (Werkzeug) · Tab (no cancellation) ·
    /// Enter inside the notes, Tab after them · Tab after the next step · + 7 · Ctrl-S.
    func testATypicalVisitTakes117KeystrokesAndSavesEverything() throws {
        XCTAssertTrue(selectedRowText?.hasPrefix("K1 ") == true, "K1 is selected: \(selectedRowText ?? "none")")
        stroke(.char("v"))
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH (K1, Berlin)"), term.row(1))
        XCTAssertEqual(focusedField, "Date", "the customer is filled in, the date waits")
        XCTAssertEqual(field("Date").split(separator: " "), ["›Date", "→", "Mon", "23.11.2026"], "empty means today")
        XCTAssertTrue(field("Met").contains("[x] 1 Anna Berg  [ ] 2 Bernd Cole"), "the main contact is ticked: \(field("Met"))")

        stroke(.tab, .tab)
        XCTAssertEqual(focusedField, "Met")
        stroke(.char("2"), .tab)
        XCTAssertTrue(field("Met").contains("[x] 1 Anna Berg  [x] 2 Bernd Cole"), field("Met"))
        stroke(.char("8"), .char("4"), .char("2"))
        XCTAssertEqual(focusedField, "Products (1–5)", "each score moved on by itself")
        stroke(.tab, .tab, .char("4"))
        XCTAssertEqual(focusedField, "Topics")
        stroke("Neues Sortiment\t")
        stroke("Lieferung zu spät\t")
        XCTAssertEqual(focusedField, "Complaint about", "a complaint asks for its category")
        stroke(.char("d"), .tab)
        stroke("Grosso\t")
        stroke(.char("y"))
        XCTAssertEqual(focusedField, "Interested in", "y ticks price pressure and moves on")
        stroke(.char("w"), .tab, .tab)
        XCTAssertEqual(focusedField, "Notes")
        stroke("Lager wird umgebaut\nChef ab Januar neu\t")
        stroke("Angebot Werkzeug\t+7")
        XCTAssertTrue(field("Follow-up").contains("+7            → Mon 30.11.2026"), field("Follow-up"))
        for (label, value) in [("NPS (0–10)", " 8 "), ("Satisfaction (1–5)", " 4 "), ("Effort (1–7)", " 2 "),
                               ("Your judgement (1–5)", " 4 "), ("Complaint about", "‹ delivery ›"),
                               ("Competitor named", "Grosso"), ("Price pressure", "[x] yes"),
                               ("Interested in", "‹ Werkzeug ›"), ("Cancellation", "[ ] no"),
                               ("Notes", "Lager wird umgebaut↵Chef ab Januar neu"), ("Next step", "Angebot Werkzeug")] {
            XCTAssertTrue(field(label).contains(value), "\(label): \(field(label))")
        }
        XCTAssertEqual(try drafts().count, 1, "the draft is kept while typing")
        stroke(.ctrl("s"))
        XCTAssertEqual(keystrokes, 117)

        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces),
                       "Saved: visit with Holzwurm GmbH (K1, Berlin), complaint recorded, follow-up on 30.11.2026")
        XCTAssertTrue(term.row(1).hasPrefix(" Accounts · "), "back on the list: \(term.row(1))")
        try checkTheTypicalVisitInTheDatabase()

        // The account's timeline shows the visit at once.
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" K1 · Holzwurm GmbH"), term.row(1))
        press(.char("G"))
        assertScreenContains(" Interactions and feedback (latest 1)")
        assertScreenContains("23.11.2026 visit  AB  Neues Sortiment · Anna Berg, Bernd Cole")
        assertScreenContains("Lager wird umgebaut")
        assertScreenContains("Chef ab Januar neu")
        assertScreenContains("NPS 8 CSAT 4/5 CES 2/7 rep 4/5 price pressure competitor: Grosso interest: Werkzeug")
        assertScreenContains(" competitor named   competitor Grosso named on 23.11.2026")
        assertScreenContains(" 23.11.2026 delivery  OPEN                Lieferung zu spät")
        assertScreenContains("next: Angebot Werkzeug by 30.11.2026")

        // The competitor named opened its signal at once: the panel lists K1 with it.
        press(.char("3"))
        let row = try XCTUnwrap(listRows.first { $0.hasPrefix("K1 Holzwurm GmbH") }, screen)
        XCTAssertTrue(row.contains("competitor named"), row)
        XCTAssertEqual(listRows.count, 1, "no one else has a warning sign:\n\(screen)")
    }

    private func checkTheTypicalVisitInTheDatabase() throws {
        let k1 = try id("K1")
        let anna = try XCTUnwrap(try store.contacts(customerID: k1).first { $0.lastName == "Berg" }?.id)
        let bernd = try XCTUnwrap(try store.contacts(customerID: k1).first { $0.lastName == "Cole" }?.id)
        let i = try XCTUnwrap(try fetch("""
            SELECT i.*, r.code FROM interaction i LEFT JOIN rep r ON r.id = i.rep_id WHERE customer_id = ? AND day = '2026-11-23'
            """, [k1]))
        let iid: Int64 = i["id"]
        XCTAssertEqual(i["kind"], "visit")
        XCTAssertEqual(i["code"], "AB", "the customer's rep")
        XCTAssertEqual(i["subject"], "Neues Sortiment")
        XCTAssertEqual(i["notes"], "Lager wird umgebaut\nChef ab Januar neu")
        let met = try store.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT contact_person_id FROM interaction_contact WHERE interaction_id = ? ORDER BY 1",
                               arguments: [iid])
        }
        XCTAssertEqual(met, [anna, bernd].sorted())

        let k = try XCTUnwrap(try fetch("SELECT * FROM complaint WHERE customer_id = ?", [k1]))
        XCTAssertEqual(k["opened_on"], "2026-11-23")
        XCTAssertEqual(k["category"], "delivery")
        XCTAssertEqual(k["text"], "Lieferung zu spät")
        XCTAssertNil(k["resolved_on"] as String?)
        let complaintID: Int64 = k["id"]

        let f = try XCTUnwrap(try fetch("SELECT * FROM feedback WHERE interaction_id = ?", [iid]))
        XCTAssertEqual(f["nps"], 8)
        XCTAssertEqual(f["csat"], 4)
        XCTAssertEqual(f["ces"], 2)
        XCTAssertNil(f["product_satisfaction"] as Int?)
        XCTAssertNil(f["advice_satisfaction"] as Int?)
        XCTAssertEqual(f["rep_sentiment"], 4)
        XCTAssertEqual(f["topics"], "Neues Sortiment")
        XCTAssertEqual(f["price_pressure"], 1)
        XCTAssertEqual(f["competitor"], "Grosso")
        XCTAssertEqual(f["cross_sell_category"], "Werkzeug")
        XCTAssertEqual(f["complaint_id"], complaintID)
        XCTAssertEqual(f["next_step"], "Angebot Werkzeug")
        XCTAssertEqual(f["follow_up_on"], "2026-11-30")
        XCTAssertEqual(f["cancellation"], 0)

        let e = try XCTUnwrap(try fetch("SELECT * FROM calendar_entry WHERE source = 'follow_up' AND customer_id = ?", [k1]))
        XCTAssertEqual(e["due"], "2026-11-30")
        XCTAssertEqual(e["channel"], "phone")
        XCTAssertEqual(e["reason"], "Angebot Werkzeug")
        XCTAssertEqual(e["status"], "open")
        XCTAssertEqual(e["uid"], "followup-\(iid)@loyal")
        let entryID: Int64 = e["id"]

        let audit = try auditEntries().filter { $0.entity == "interaction" }
        XCTAssertEqual(audit.count, 1)
        XCTAssertEqual(audit.first?.actor, "tester")
        XCTAssertEqual(audit.first?.entityID, iid)
        XCTAssertEqual(audit.first?.action, "record visit")
        XCTAssertEqual(audit.first?.detail, "customer \(k1) on 2026-11-23, complaint \(complaintID), follow-up \(entryID)")

        XCTAssertTrue(try drafts().isEmpty, "saving deleted the draft")
        // likely_inactive was open before (see the minimal visit); the visit adds the competitor.
        XCTAssertEqual(try signals("K1"), ["likely_inactive open", "churn_risk open", "competitor_named open"])
    }

    /// The smallest report: v · Tab Tab Tab (to NPS) · 3 · Ctrl-S = 6 keystrokes.
    func testAMinimalVisitIsSixKeystrokesAndALowNPSShowsOnThePanelAtOnce() throws {
        // The value model fitted on these three customers takes K1, the only one who bought
        // twice, for gone: with one repeat buyer (x 1, t_x 30, T 83 days) the likelihood grows
        // as the chance of dropping out after a purchase, a/(a+b), goes to 1, and so P(alive) =
        // 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) goes to 0. Below 0.30 likely_inactive opens.
        let pAlive = try XCTUnwrap(try fetch("SELECT p_alive FROM customer_stats WHERE customer_id = ?", [try id("K1")])?["p_alive"]
                                   as Double?)
        XCTAssertLessThan(pAlive, 0.30)
        // The churn model (its prior: three customers are too few to fit) reads the same forecast:
        // K1 is likely to stop buying.
        XCTAssertEqual(try signals("K1"), ["likely_inactive open", "churn_risk open"], "no low_nps before the visit")
        stroke(.char("v"), .tab, .tab, .tab)
        XCTAssertEqual(focusedField, "NPS (0–10)")
        stroke(.char("3"))
        stroke(.ctrl("s"))
        XCTAssertEqual(keystrokes, 6)
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Saved: visit with Holzwurm GmbH (K1, Berlin)")

        let k1 = try id("K1")
        let i = try XCTUnwrap(try fetch("SELECT * FROM interaction WHERE customer_id = ? AND day = '2026-11-23'", [k1]))
        XCTAssertEqual(i["kind"], "visit")
        XCTAssertEqual(i["subject"], "Visit", "no topics: the channel is the subject")
        let f = try XCTUnwrap(try fetch("SELECT * FROM feedback WHERE interaction_id = ?", [i["id"] as Int64]))
        XCTAssertEqual(f["nps"], 3)
        XCTAssertNil(f["csat"] as Int?)
        XCTAssertNil(f["follow_up_on"] as String?)
        XCTAssertEqual(try count("complaint"), 0)
        XCTAssertEqual(try count("calendar_entry", "source = 'follow_up'"), 0)
        XCTAssertEqual(try auditEntries().map(\.action), ["record visit"])
        XCTAssertTrue(try drafts().isEmpty)

        XCTAssertEqual(try signals("K1"), ["likely_inactive open", "churn_risk open", "low_nps open"])
        press(.char("3"))
        let row = try XCTUnwrap(listRows.first { $0.hasPrefix("K1 Holzwurm GmbH") }, screen)
        XCTAssertTrue(row.contains("low NPS"), row)
    }

    /// From a screen without a customer (the empty win-back list) the form starts in the
    /// picker: recent customers while empty, matches while typing; ↓ Enter chooses.
    func testWithoutACustomerThePickerShowsRecentCustomersAndMatches() throws {
        press(.char("4"), .char("v"))
        XCTAssertEqual(term.row(1).trimmingCharacters(in: .whitespaces), "Visit feedback")
        XCTAssertEqual(focusedField, "Customer")
        assertScreenContains("recent customers")
        XCTAssertTrue(screen.contains("K2  Zweite AG · Hamm"), screen)
        XCTAssertTrue(isSelected("K2  Zweite AG · Hamm"), "the last contacted first (called 02.11.):\n\(screen)")
        XCTAssertTrue(screen.contains("K3  Dritte KG · Ulm"), "visited 10.10.")
        assertScreenLacks("K1  Holzwurm GmbH")  // no contact recorded with K1

        type("te")
        assertScreenContains("matches")
        XCTAssertTrue(isSelected("K3  Dritte KG · Ulm"), screen)
        XCTAssertTrue(screen.contains("K2  Zweite AG · Hamm"), screen)
        assertScreenLacks("K1  Holzwurm GmbH")
        press(.down)
        XCTAssertTrue(isSelected("K2  Zweite AG · Hamm"), screen)
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Zweite AG (K2, Hamm)"), term.row(1))
        XCTAssertEqual(focusedField, "Date", "choosing moves on")
        XCTAssertTrue(field("Customer").contains("Zweite AG (K2, Hamm)"), field("Customer"))
        XCTAssertTrue(field("Met").contains("(no contact persons)"), field("Met"))
        assertScreenLacks("matches")

        press(.backTab)
        XCTAssertEqual(focusedField, "Customer")
        press(.ctrl("s"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Saved: visit with Zweite AG (K2, Hamm)")
        XCTAssertEqual(try count("interaction", "customer_id = \(try id("K2")) AND day = '2026-11-23'"), 1)
    }
}
