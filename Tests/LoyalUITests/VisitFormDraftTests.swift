import GRDB
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The visit form keeps what was typed as a draft with every keystroke; the next
/// start offers to resume it.
final class VisitFormDraftTests: VisitFormTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openVisits()
    }

    /// The question the app asks, if it asks one.
    private var question: String? {
        if case .confirm(let c) = app.state.overlay { return c.question }
        return nil
    }

    /// At K1: Bernd ticked too, NPS 9, CSAT 5, topics, an invoice complaint, price
    /// pressure, then back to the date and "20.1" typed (on the way to 20.11.).
    private func typeAReport(open: Bool = true) {
        if open { press(.char("v")) }
        press(.tab, .tab, .char("2"), .tab, .char("9"), .char("5"))
        type("\t\t\t\tMesse\tRechnung falsch\ti\t\ty")
        XCTAssertEqual(focusedField, "Interested in")
        press(.backTab, times: 14)
        XCTAssertEqual(focusedField, "Date")
        type("20.1")
    }

    func testTheDraftHoldsEveryTypedValueAsTyped() throws {
        press(.char("v"))
        XCTAssertTrue(try drafts().isEmpty, "nothing typed yet")
        typeAReport(open: false)
        XCTAssertEqual(try drafts().count, 1)
        let k1 = try id("K1")
        let people = try store.contacts(customerID: k1).compactMap(\.id)
        let v = try draftValues()
        XCTAssertEqual(v.customerID, k1)
        XCTAssertEqual(v.customerLabel, "Holzwurm GmbH (K1, Berlin)")
        XCTAssertEqual(v[.date], "20.1", "the half-typed date as typed")
        XCTAssertEqual(v.focus, "date")
        XCTAssertEqual(v.channel, "visit")
        XCTAssertEqual(v.met, people, "Anna (ticked at the start) and Bernd")
        XCTAssertEqual(v[.nps], "9")
        XCTAssertEqual(v[.csat], "5")
        XCTAssertEqual(v[.ces], "")
        XCTAssertEqual(v[.topics], "Messe")
        XCTAssertEqual(v[.complaint], "Rechnung falsch")
        XCTAssertEqual(v.complaintCategory, "invoice")
        XCTAssertTrue(v.pricePressure)
        XCTAssertFalse(v.cancellation)
        XCTAssertEqual(v.crossSell, "")

        type("1")
        XCTAssertEqual(try draftValues()[.date], "20.11", "every keystroke is kept")
        XCTAssertEqual(try drafts().count, 1, "one draft per form, replaced")
    }

    func testANewStartOffersTheDraftAndYRestoresEveryValue() throws {
        typeAReport()
        let typed = try draftValues()
        try launch(width: 120, height: 34)  // Loyal started again on the same database
        let q = try XCTUnwrap(question, "the new start asks")
        XCTAssertTrue(q.hasPrefix("Resume the unsaved visit report for Holzwurm GmbH (K1, Berlin) (last typed 20"), q)
        XCTAssertTrue(q.hasSuffix(" UTC)? n keeps it for later"), q)
        assertScreenContains("Resume the unsaved visit report")

        press(.char("y"))
        XCTAssertNil(question)
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH (K1, Berlin)"), term.row(1))
        XCTAssertEqual(focusedField, "Date", "where the typing stopped")
        XCTAssertTrue(field("Date").contains("20.1          → Tue 20.01.2026"), field("Date"))
        XCTAssertTrue(field("Met").contains("[x] 1 Anna Berg  [x] 2 Bernd Cole"), field("Met"))
        XCTAssertTrue(field("NPS (0–10)").contains("NPS (0–10)             9 "), field("NPS (0–10)"))
        XCTAssertTrue(field("Satisfaction (1–5)").contains("Satisfaction (1–5)     5 "), field("Satisfaction (1–5)"))
        XCTAssertTrue(field("Topics").contains("Messe"), field("Topics"))
        XCTAssertTrue(field("Complaint").contains("Rechnung falsch"), field("Complaint"))
        XCTAssertTrue(field("Complaint about").contains("‹ invoice ›"), field("Complaint about"))
        XCTAssertTrue(field("Price pressure").contains("[x] yes"), field("Price pressure"))
        XCTAssertTrue(term.row(1).contains("draft kept while typing"), term.row(1))

        type("1.")  // finishes 20.11.
        XCTAssertTrue(field("Date").contains("20.11.        → Fri 20.11.2026"), field("Date"))
        let resumed = try draftValues()
        XCTAssertEqual(resumed[.date], "20.11.")
        XCTAssertEqual(try drafts().count, 1, "the same draft goes on")
        XCTAssertEqual(resumed.met, typed.met)

        press(.ctrl("s"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces),
                       "Saved: visit with Holzwurm GmbH (K1, Berlin), complaint recorded")
        XCTAssertTrue(try drafts().isEmpty)
        let f = try XCTUnwrap(try fetch("""
            SELECT f.*, i.day, i.subject, k.category FROM feedback f JOIN interaction i ON i.id = f.interaction_id
            JOIN complaint k ON k.id = f.complaint_id
            """))
        XCTAssertEqual(f["day"], "2026-11-20")
        XCTAssertEqual(f["subject"], "Messe")
        XCTAssertEqual(f["nps"], 9)
        XCTAssertEqual(f["csat"], 5)
        XCTAssertEqual(f["price_pressure"], 1)
        XCTAssertEqual(f["category"], "invoice")
        XCTAssertEqual(try count("interaction_contact"), 2)
    }

    /// Drafts are per user: anna's unsaved visit is offered to her again, never to max.
    func testOneRepsDraftIsNeverOfferedToAnother() throws {
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        try store.addTeamUser(TeamUser(name: "max", role: .manager))
        try reopen(as: "anna")
        try launch(width: 120, height: 34)
        typeAReport()
        XCTAssertEqual(try drafts().count, 1)

        try reopen(as: "max")
        try launch(width: 120, height: 34)
        XCTAssertNil(question, "max is not offered anna's draft")
        XCTAssertTrue(try drafts().isEmpty)
        XCTAssertTrue(term.row(1).hasPrefix(" Accounts · "), term.row(1))

        try reopen(as: "anna")
        try launch(width: 120, height: 34)
        XCTAssertTrue(question?.hasPrefix("Resume the unsaved visit report for Holzwurm GmbH") == true, question ?? "none")
    }

    func testNKeepsTheDraftForLater() throws {
        typeAReport()
        try launch(width: 120, height: 34)
        XCTAssertNotNil(question)
        press(.char("n"))
        XCTAssertNil(question)
        XCTAssertTrue(term.row(1).hasPrefix(" Accounts · "), term.row(1))
        XCTAssertEqual(try drafts().count, 1, "kept")
        XCTAssertEqual(try count("interaction", "day >= '2026-11-20'"), 0)

        try launch(width: 120, height: 34)
        XCTAssertTrue(question?.hasPrefix("Resume the unsaved visit report for Holzwurm GmbH") == true, "asked again")
    }

    func testAHalfTypedCustomerSearchIsResumedWithItsMatches() throws {
        press(.char("4"), .char("v"))
        type("Zwei")
        XCTAssertEqual(try draftValues().customerLabel, "Zwei")
        try launch(width: 120, height: 34)
        XCTAssertTrue(question?.hasPrefix("Resume the unsaved visit report for Zwei (last typed") == true, question ?? "none")
        press(.char("y"))
        XCTAssertEqual(focusedField, "Customer")
        XCTAssertTrue(field("Customer").contains("Zwei"), field("Customer"))
        XCTAssertTrue(isSelected("K2  Zweite AG · Hamm"), "the matches are back:\n\(screen)")
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Zweite AG (K2, Hamm)"), term.row(1))
    }

    func testAnUntouchedFormLeavesNoDraftToOffer() throws {
        press(.char("v"), .tab, .tab)
        XCTAssertTrue(try drafts().isEmpty)
        try launch(width: 120, height: 34)
        XCTAssertNil(question, "nothing to resume")
    }
}
