import XCTest
import LoyalCore
@testable import LoyalStore
import LoyalTerminal
@testable import LoyalUI

/// Keys on single fields of the visit form: the chosen customer, the people met, channels.
final class VisitFormFieldKeysTests: VisitFormTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try openVisits()
        press(.char("v"))
    }

    func testEditingKeysOnAChosenCustomerKeepItsName() throws {
        press(.backTab)
        XCTAssertEqual(focusedField, "Customer")
        for key: Key in [.left, .backspace, .home, .delete] {
            press(key)
            XCTAssertTrue(field("Customer").contains("Holzwurm GmbH (K1, Berlin)"), "after \(key): \(field("Customer"))")
            XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Holzwurm GmbH (K1, Berlin)"), term.row(1))
        }
        press(.ctrl("s"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Saved: visit with Holzwurm GmbH (K1, Berlin)")
    }

    func testTypingOverAChosenCustomerSearchesAgain() throws {
        press(.backTab)
        type("Ulm")
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Ulm  "), term.row(1))
        XCTAssertTrue(isSelected("K3  Dritte KG · Ulm"), screen)
        press(.enter)
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Dritte KG (K3, Ulm)"), term.row(1))
        XCTAssertTrue(field("Met").contains("(no contact persons)"), "K1's people are gone: \(field("Met"))")
    }

    func testThePeopleMetTakeDigitsSpaceArrowsAndMoveOnWithEnterAndArrows() throws {
        press(.tab, .tab)
        XCTAssertEqual(focusedField, "Met")
        press(.char("1"))
        XCTAssertTrue(field("Met").contains("[ ] 1 Anna Berg  [ ] 2 Bernd Cole"), "1 unticks Anna: \(field("Met"))")
        press(.right, .char(" "))
        XCTAssertTrue(field("Met").contains("[ ] 1 Anna Berg  [x] 2 Bernd Cole"), field("Met"))
        press(.char("9"))
        XCTAssertTrue(field("Met").contains("[ ] 1 Anna Berg  [x] 2 Bernd Cole"), "no ninth person: \(field("Met"))")
        press(.enter)
        XCTAssertEqual(focusedField, "NPS (0–10)", "Enter moves on, as on every field but the notes")
        press(.up)
        XCTAssertEqual(focusedField, "Met")
        press(.up)
        XCTAssertEqual(focusedField, "Channel", "↑ goes to the previous field")
        press(.down, .down)
        XCTAssertEqual(focusedField, "NPS (0–10)")
    }

    func testChannelTakesLettersSpaceAndArrows() throws {
        press(.tab)
        XCTAssertEqual(focusedField, "Channel")
        press(.char("c"))
        XCTAssertTrue(field("Channel").contains("‹ call ›"), field("Channel"))
        press(.char(" "))
        XCTAssertTrue(field("Channel").contains("‹ email ›"), field("Channel"))
        press(.left, .left)
        XCTAssertTrue(field("Channel").contains("‹ visit ›"), field("Channel"))
        press(.left)
        XCTAssertTrue(field("Channel").contains("‹ gift ›"), "wraps around: \(field("Channel"))")
        press(.char("c"), .ctrl("s"))
        XCTAssertEqual(statusRow.trimmingCharacters(in: .whitespaces), "Saved: call with Holzwurm GmbH (K1, Berlin)")
        XCTAssertEqual(try fetch("SELECT kind, subject FROM interaction WHERE day = '2026-11-23'")?["subject"], "Call")
    }

    func testF2InTheFormDoesNotOpenASecondForm() throws {
        type("-1")
        press(.function(2))
        XCTAssertEqual(app.state.tabs[app.state.activeTab].stack.count, 2, "accounts and one form")
        XCTAssertTrue(field("Date").contains("-1 "), "the typing is still there: \(field("Date"))")
    }

    func testF2AndVTakeTheOpenAccountAndThePanelsSelection() throws {
        press(.escape)  // the untouched form opened for K1 leaves at once
        XCTAssertTrue(term.row(1).hasPrefix(" Accounts · "), term.row(1))
        press(.down, .enter)
        XCTAssertTrue(term.row(1).hasPrefix(" K2 · Zweite AG"), term.row(1))
        press(.function(2))
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Zweite AG (K2, Hamm)"), term.row(1))
        press(.tab, .tab, .tab, .char("2"), .ctrl("s"))
        XCTAssertTrue(term.row(1).hasPrefix(" K2 · Zweite AG"), "back on the account: \(term.row(1))")
        press(.char("G"))
        assertScreenContains("23.11.2026 visit  AB  Visit")
        assertScreenContains("NPS 2")

        // Everyone with open signals (`w`): K1 had one from the start (likely_inactive: the value
        // model takes him for gone, so his value is 0); K2, now with a low NPS and a value above
        // 0, has more to lose and comes first.
        press(.char("3"), .char("w"), .char("g"))
        XCTAssertTrue(selectedRowText?.hasPrefix("K2 Zweite AG") == true, "K2 is on the panel: \(screen)")
        XCTAssertEqual(listRows.count, 2)
        XCTAssertTrue(listRows[1].hasPrefix("K1 Holzwurm GmbH"), listRows[1])
        press(.char("v"))
        XCTAssertTrue(term.row(1).hasPrefix(" Visit feedback: Zweite AG (K2, Hamm)"), term.row(1))
    }
}
