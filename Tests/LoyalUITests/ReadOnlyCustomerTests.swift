import Foundation
import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// A rep with `reps_see = "all"` sees the other reps' customers read-only: the edit keys
/// are not offered there, and pressing one says whose customer it is.
final class ReadOnlyCustomerTests: UITestCase {
    static let customers = "number,name,rep,city\nK1,Adler GmbH,AB,Berlin\nK2,Birke KG,CD,Bonn\n"
    static let purchases = "customer,date,amount\nK1,2026-03-10,6000\nK2,2026-06-01,1500\n"

    private func openAsAnna() throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        // Both on the early-warning panel, K2 first (planted: the churn model is not for this test).
        try store.pool.write { db in
            for (number, priority) in [("K1", Int64(10_000_000_000)), ("K2", 50_000_000_000)] {
                try db.execute(sql: """
                    UPDATE customer_stats SET on_panel = 1, open_signals = 1, risk_priority = ?
                    WHERE customer_id = (SELECT id FROM customer WHERE number = ?)
                    """, arguments: [priority, number])
            }
        }
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "anna", role: .rep, repCode: "AB"))
        try reopen(as: "boss")
        try store.setTeamSetting(.repsSee, "all")
        try reopen(as: "anna")
        try launch(width: 120, height: 34)
    }

    func testAnotherRepsCustomerOffersNoEditKeys() throws {
        try openAsAnna()
        XCTAssertEqual(listRows.map(number(of:)), ["K1", "K2"], "anna sees every customer")
        // Her own: edit and people are offered.
        press(.enter)
        XCTAssertTrue(statusRow.contains(" e edit ") && statusRow.contains(" p people "), statusRow)
        XCTAssertTrue(statusRow.contains(" v log visit "), statusRow)
        press(.escape, .char("j"), .enter)
        XCTAssertTrue(titleRow.hasPrefix(" K2 · Birke KG"), titleRow)
        XCTAssertFalse(statusRow.contains(" e edit "), statusRow)
        XCTAssertFalse(statusRow.contains(" p people "), statusRow)
        XCTAssertFalse(statusRow.contains("log visit"), statusRow)
        press(.char("e"))
        XCTAssertTrue(statusRow.hasPrefix(" read only: belongs to rep CD"), statusRow)
        XCTAssertTrue(titleRow.hasPrefix(" K2 · Birke KG"), "no form opened: \(titleRow)")
        press(.char("v"))
        XCTAssertTrue(statusRow.hasPrefix(" read only: belongs to rep CD"), statusRow)
        XCTAssertFalse(app.state.screen is VisitForm)
        press(.char("E"))
        XCTAssertTrue(statusRow.hasPrefix(" read only: belongs to rep CD"), statusRow)
        XCTAssertFalse(app.state.screen is CustomerForm, "her master data form does not open")
        press(.char("?"))
        assertScreenLacks("Edit soft facts")
        assertScreenLacks("Record visit feedback")
    }

    func testTheListSaysSoForAVisitOnAnotherRepsCustomer() throws {
        try openAsAnna()
        press(.char("j"), .char("v"))
        XCTAssertTrue(statusRow.hasPrefix(" read only: belongs to rep CD"), statusRow)
        press(.char("k"), .char("v"))
        XCTAssertTrue(app.state.screen is VisitForm, "her own customer's visit form opens")
    }

    func testTheEarlyWarningPanelOffersNoTriageOnAnotherRepsCustomer() throws {
        try openAsAnna()
        press(.char("3"))
        XCTAssertTrue(selectedRowText?.contains("Birke KG") == true, screen)
        XCTAssertFalse(statusRow.contains("assign") || statusRow.contains("schedule"), statusRow)
        press(.char("A"))
        XCTAssertTrue(statusRow.hasPrefix(" read only: belongs to rep CD"), statusRow)
        XCTAssertNil(app.state.overlay, "no rep picker opened")
        press(.char("L"))
        XCTAssertTrue(statusRow.hasPrefix(" read only: belongs to rep CD"), statusRow)
        press(.char("j"))
        XCTAssertTrue(selectedRowText?.contains("Adler GmbH") == true, screen)
        XCTAssertTrue(statusRow.contains(" A assign "), "her own customer: \(statusRow)")
    }

    func testAManagerIsOfferedEverything() throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        try store.addTeamUser(TeamUser(name: "boss", role: .admin))
        try store.addTeamUser(TeamUser(name: "max", role: .manager))
        try reopen(as: "max")
        try launch(width: 120, height: 34)
        press(.char("j"), .enter)
        XCTAssertTrue(statusRow.contains(" e edit "), statusRow)
    }
}
