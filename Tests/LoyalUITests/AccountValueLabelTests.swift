import XCTest
import LoyalCore
import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// The customer value says what it holds: margin where the purchases carry one (the value
/// model then values margin), revenue otherwise, over the configured years and rate.
final class AccountValueLabelTests: UITestCase {
    static let customers = """
        number,name,city
        M1,Marge GmbH,Berlin
        U1,Umsatz KG,Köln

        """
    /// M1's purchases carry a contribution margin, U1's do not. Both bought on five days.
    static let purchases = """
        customer,date,amount,margin
        M1,2025-01-10,1000,300
        M1,2025-04-10,1000,300
        M1,2025-07-10,1000,300
        M1,2025-10-10,1000,300
        M1,2026-01-10,1000,300
        U1,2025-02-10,1000,
        U1,2025-05-10,1000,
        U1,2025-08-10,1000,
        U1,2025-11-10,1000,
        U1,2026-02-10,1000,

        """

    func open(_ number: String) throws {
        try openImported([(.customers, Self.customers), (.purchases, Self.purchases)])
        try store.refreshAll(asOf: Self.today, settings: Settings())
        try launch(width: 140)
        press(.char("/"))
        type(number)
        press(.enter, .enter)
    }

    func testAMarginValueIsCalledMargin() throws {
        try open("M1")
        XCTAssertTrue(term.row(1).hasPrefix(" M1 · Marge GmbH"), term.row(1))
        assertScreenContains("(expected contribution margin of the next 10 years, discounted at 8 % a year)")
        assertScreenLacks("expected revenue")
    }

    func testARevenueValueIsCalledRevenue() throws {
        try open("U1")
        XCTAssertTrue(term.row(1).hasPrefix(" U1 · Umsatz KG"), term.row(1))
        assertScreenContains("(expected revenue of the next 10 years, discounted at 8 % a year)")
        assertScreenLacks("contribution margin")
    }
}
