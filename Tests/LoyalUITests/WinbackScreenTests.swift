import XCTest
import GRDB
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The Win-back tab: lost customers with why they left, the win-back form scored
/// live by the matrix with the offer checked against the reason, and returnees.
///
/// K1 (class A) was lost over price on 20.11., after bringing 15.000 €; K2 (class B)
/// moved away on 10.11., after 4.000 €. The default matrix, nothing judged yet (3/5
/// assumed) and no margin known (lowest band):
/// K1 revenue 6 × 3 = 18, margin 2 × 2 = 4, effort 5, referral 5, payment 5 × 2 = 10,
/// growth 5, class A 10 × 2 = 20 → 67 of 120, class B (from 55);
/// K2 revenue 2 × 3 = 6, margin 4, effort 5, referral 5, payment 10, growth 5,
/// class B 6 × 2 = 12 → 47, class C (from 30).
final class WinbackScreenTests: EarlyWarningUITestCase {
    private func openLost(width: Int = 120, height: Int = 30) throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases), (.feedback, Self.feedback)])
        try store.refreshAll(asOf: today, settings: settings)
        for (number, day, reason) in [("K1", 20, LostReason.price), ("K2", 10, .moved)] {
            _ = try store.triage(.markLost(customerID: try id(number), on: Day(year: 2026, month: 11, day: day)!, reason: reason,
                                           note: ""), actor: "tester", today: today, settings: settings)
        }
        try launch(width: width, height: height)
        press(.char("4"))
    }

    private func winback(_ number: String) throws -> WinbackCase? {
        try store.lostCustomers(limit: 10).first { $0.number == number }?.winback
    }

    func testTheListShowsWhenAndWhyTheyLeftAndWhatTheyBrought() throws {
        try openLost()
        XCTAssertTrue(titleRow.hasPrefix(" Lost customers and win-back · all classes"), titleRow)
        XCTAssertEqual(position?.of, 2)
        XCTAssertEqual(listedNumbers, ["K1", "K2"], "most recently lost first")
        XCTAssertEqual(row("K1")?.split(separator: " ").map(String.init),
                       ["K1", "Rückgang", "GmbH", "A", "20.11.2026", "price", "(ours)", "5.000", "–"])
        XCTAssertEqual(row("K2")?.split(separator: " ").map(String.init),
                       ["K2", "Pause", "KG", "B", "10.11.2026", "moved", "away", "(theirs)", "4.000", "–"])
        press(.char("a"))
        XCTAssertEqual(listedNumbers, ["K1"])
        press(.char("b"))
        XCTAssertEqual(listedNumbers, ["K2"])
        press(.char("*"))
        XCTAssertEqual(listedNumbers, ["K1", "K2"])
        XCTAssertTrue(statusRow.hasPrefix(" Enter win-back  o account  R returned"), statusRow)
    }

    func testTheFormScoresLiveWarnsAboutAnUnfittingOfferAndSaves() throws {
        try openLost()
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Win-back · K1 Rückgang GmbH"), term.row(1))
        // Revenue brought: his last 12 active months, 4 × 1.250 € = 5.000 € (below 10.000 €: 2 points × 3).
        assertScreenContains("Score 55 of 120 → class B: Call by the account manager, then a visit; an offer that fits the reason for leaving")
        assertScreenContains("revenue brought 6 · contribution margin 4 · effort 5 · referral value 5 · payment behaviour 10")
        assertScreenContains("class 20")
        assertScreenContains("Left because of price (a reason on our side)")
        assertScreenContains("Offers that fit: financial")
        assertScreenContains("Follow-up             30.11.2026")

        // Effort 1 (10 points), referral 5 (10), payment 5 (10 × 2): 55 + 5 + 5 + 10 = 75, still class B.
        press(.tab, .tab, .tab, .tab)
        type("1")
        assertScreenContains("Effort to win (1–5)   ‹ 1 ›")
        assertScreenContains("Score 60 of 120 → class B")
        press(.tab)
        type("5")
        assertScreenContains("Score 65 of 120 → class B")
        press(.tab)
        type("5")
        assertScreenContains("Score 75 of 120 → class B: Call by the account manager")
        assertScreenContains("effort 10 · referral value 10 · payment behaviour 20")
        assertScreenLacks("⚠")

        // An emotional offer does not fit a customer who left over price; a financial one does.
        press(.backTab, .backTab, .backTab, .backTab, .backTab)
        type("e")
        assertScreenContains("Offer type            ‹ emotional ›")
        assertScreenContains("⚠ an emotional offer does not fit the reason \"price\": he left over price")
        assertScreenContains("offer a financial one")
        assertScreenLacks("Offers that fit")
        type("f")
        assertScreenLacks("⚠")
        press(.tab)
        type("5 % Jahresbonus")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.hasPrefix(" Done: opened a win-back case for K1 (class B, 75 points) — u undoes"), statusRow)
        XCTAssertTrue(row("K1")?.trimmingCharacters(in: .whitespaces).hasSuffix("B · open · 30.11.2026") ?? false, row("K1") ?? screen)
        let w = try XCTUnwrap(try winback("K1"))
        XCTAssertEqual([w.scoreClass, w.approach, w.offerType?.rawValue, w.conditions, w.judgements, w.followUpOn?.iso],
                       ["B", "call", "financial", "5 % Jahresbonus", "effort=1 referral=5 payment=5", "2026-11-30"])
        XCTAssertEqual(w.score, 75)
        XCTAssertEqual(try calendar("K1"), ["2026-11-30 phone winback: Win-back: call"])

        // Opened again, the form holds what was saved; the outcome is recorded and undone.
        press(.enter)
        assertScreenContains("Offer type            ‹ financial ›")
        assertScreenContains("Pays reliably (1–5)   ‹ 5 ›")
        assertScreenContains("He would return if    5 % Jahresbonus")
        assertScreenContains("Score 75 of 120 → class B")
        press(.backTab)
        type("d")
        press(.ctrl("s"))
        XCTAssertTrue(statusRow.hasPrefix(" Done: updated the win-back case of K1 (declined) — u undoes"), statusRow)
        XCTAssertTrue(row("K1")?.trimmingCharacters(in: .whitespaces).hasSuffix("B · declined · 30.11.2026") ?? false, row("K1") ?? screen)
        XCTAssertEqual(try winback("K1")?.closedOn, today)
        press(.char("u"))
        XCTAssertTrue(row("K1")?.trimmingCharacters(in: .whitespaces).hasSuffix("B · open · 30.11.2026") ?? false, row("K1") ?? screen)
        XCTAssertEqual(try winback("K1")?.outcome, .open)
    }

    func testAnOfferForACustomerWhoMovedIsNotWorthIt() throws {
        try openLost()
        press(.char("j"), .enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Win-back · K2 Pause KG"), term.row(1))
        assertScreenContains("Score 47 of 120 → class C: Letter or e-mail with a short survey; win back only if it takes little effort")
        assertScreenContains("Left because of moved away (a reason in the customer's life)")
        assertScreenContains("Offers that fit: none")
        press(.tab)
        type("m")
        assertScreenContains("⚠ customer-related reason (moved): win-back is usually not worth an offer")
        press(.escape)
        assertScreenContains("Discard the changes to Win-back · K2 Pause KG?")
        press(.char("y"))
        XCTAssertEqual(listedNumbers, ["K1", "K2"])
        XCTAssertNil(try winback("K2"))
    }

    func testTheWarningKeepsItsAdviceOnASmallTerminal() throws {
        try openLost(width: 80, height: 24)
        press(.enter, .tab)
        type("e")
        assertScreenContains("⚠ an emotional offer does not fit the reason \"price\": he left over price")
        assertScreenContains("financial one")
    }

    func testReturnedAfterConfirmingAndUndo() throws {
        try openLost()
        press(.char("R"))
        assertScreenContains("Mark K1 Rückgang GmbH as come back today?")
        press(.char("n"))
        XCTAssertNil(try store.customer(id: try id("K1"))?.returnedOn)
        press(.char("R"), .char("y"))
        XCTAssertTrue(statusRow.hasPrefix(" Done: K1 came back on 2026-11-23 (returnee) — u undoes"), statusRow)
        // Returnees come after the lost; the cursor stays on K1.
        XCTAssertEqual(listedNumbers, ["K2", "K1"])
        XCTAssertEqual(selectedRowText.map(number(of:)), "K1")
        XCTAssertTrue(row("K1")?.trimmingCharacters(in: .whitespaces).hasSuffix("↺ back 23.11.2026") ?? false, row("K1") ?? screen)
        let customer = try XCTUnwrap(try store.customer(id: try id("K1")))
        XCTAssertEqual(customer.status, .active)
        XCTAssertEqual(customer.returnedOn, today)
        press(.char("R"))
        XCTAssertTrue(statusRow.hasPrefix(" K1 has come back already"), statusRow)
        press(.char("u"))
        XCTAssertTrue(statusRow.hasPrefix(" Undone: K1 came back on 2026-11-23 (returnee)"), statusRow)
        XCTAssertEqual(listedNumbers, ["K1", "K2"])
        XCTAssertEqual(try store.customer(id: try id("K1"))?.status, .lost)
    }
}
