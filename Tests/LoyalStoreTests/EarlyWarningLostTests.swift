import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Lost customers with their reasons kept apart (ours or theirs), returnees and win-back cases.
final class EarlyWarningLostTests: EarlyWarningTestCase {
    func testMarkLostResolvesSignalsAndListsTheCustomerWithHisReason() throws {
        let store = try makeEarlyWarningStore()
        try triage(store, .markLost(customerID: try id(store, "K5"), on: day("2026-11-20"), reason: .competitor, note: ""))
        try triage(store, .markLost(customerID: try id(store, "K2"), on: day("2026-11-10"), reason: .moved, note: "nach Spanien"))
        XCTAssertEqual(try signalLines(store, "K2"),
                       ["overdue resolved: no purchase for 147 days; usually every 30 days (median of 4 intervals)"])
        XCTAssertEqual(try signals(store, "K2").map(\.reason), ["customer lost"])
        let others = try rankedByRule(store)
        XCTAssertEqual(Set(others), ["K1", "K3", "K4"])
        XCTAssertEqual(try panel(store), others)
        // A refresh does not raise signals for lost customers.
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(Set(try panel(store)), ["K1", "K3", "K4"])
        XCTAssertEqual(try signals(store, "K5").map(\.status), [.resolved, .resolved])
        // A lost customer is shown as lost, not as a risk.
        XCTAssertEqual(try store.riskDetail(customerID: try id(store, "K5"), asOf: today, settings: settings).lostOn,
                       day("2026-11-20"))

        let lost = try store.lostCustomers(limit: 10)
        XCTAssertEqual(lost.map(\.number), ["K5", "K2"], "most recently lost first")
        XCTAssertEqual(lost.map(\.name), ["Kündigung GmbH", "Pause KG"])
        XCTAssertEqual(lost.map(\.lostOn), [day("2026-11-20"), day("2026-11-10")])
        XCTAssertEqual(lost.map(\.reason), [.competitor, .moved])
        XCTAssertEqual(lost.map { $0.reason?.isCompanyRelated }, [true, false])
        XCTAssertEqual(lost.map(\.repCode), ["AB", "AB"])
        XCTAssertEqual(lost.map(\.customerClass), [.b, .b])
        XCTAssertEqual(lost.map(\.revenueBrought), [Money(cents: 200_000), Money(cents: 400_000)])
        XCTAssertEqual(lost.map(\.marginBrought), [nil, nil])
        XCTAssertEqual(lost.map(\.returnedOn), [nil, nil])
        XCTAssertEqual(lost.map { $0.winback == nil }, [true, true])
        XCTAssertEqual(try store.lostCount(), 2)
        XCTAssertEqual(try store.lostCustomers(repCode: "cd", limit: 10).map(\.number), [])
        XCTAssertEqual(try store.lostCustomers(customerClass: .b, offset: 1, limit: 10).map(\.number), ["K2"])
        XCTAssertEqual(try store.customer(id: try id(store, "K2"))?.notes, "Lost: nach Spanien")
        XCTAssertEqual(try stage(store, "K2").now, "lost 2026-11-10")
    }

    func testALostCustomerWhoBuysAgainIsAReturnee() throws {
        let store = try makeEarlyWarningStore()
        let k2 = try id(store, "K2")
        try triage(store, .markLost(customerID: k2, on: day("2026-07-15"), reason: .price, note: ""))
        try triage(store, .openWinback(WinbackCase(customerID: k2, openedOn: today, reason: .price, score: 70, scoreClass: "B",
                                                   approach: "call", offerType: .financial)))
        // Two purchases after the day he was lost; the first is the day he came back.
        try importText(store, .purchases, "customer,date,amount\nK2,2026-11-10,900\nK2,2026-11-18,700\n", name: "back.csv")
        try store.refreshAll(asOf: today, settings: settings)
        let customer = try XCTUnwrap(try store.customer(id: k2))
        XCTAssertEqual(customer.status, .active)
        XCTAssertEqual(customer.returnedOn, day("2026-11-10"))
        XCTAssertTrue(customer.isReturnee)
        XCTAssertEqual(customer.lostOn, day("2026-07-15"), "the lost day stays: a returnee stays recognisable")
        XCTAssertEqual(customer.lostReason, .price)

        let row = try XCTUnwrap(try store.lostCustomers(limit: 10).first)
        XCTAssertEqual(row.number, "K2")
        XCTAssertEqual(row.returnedOn, day("2026-11-10"))
        // What he brought before he was lost: his 12 months up to 29.06.2026 (5 × 800 €), not what came after.
        XCTAssertEqual(row.revenueBrought, Money(cents: 400_000))
        XCTAssertEqual(row.winback?.outcome, .won, "coming back by buying again wins the open case, as marking him returned does")
        XCTAssertEqual(row.winback?.closedOn, day("2026-11-10"))
        XCTAssertEqual(try store.lostCustomers(includeReturnees: false, limit: 10).map(\.number), [])
        // Buying again every 30 days or so is his rhythm: no signal opens for him.
        XCTAssertEqual(try signals(store, "K2").map(\.status), [.resolved])
        XCTAssertEqual(try stage(store, "K2").history, ["at_risk 2026-11-23 signal_opened", "lost 2026-07-15 marked_lost",
                                                        "recovered 2026-11-10 returned"])
    }

    func testAReturneeAtRiskAgainStartsANewEpisode() throws {
        let store = try makeEarlyWarningStore()
        let k5 = try id(store, "K5")
        try triage(store, .markLost(customerID: k5, on: day("2026-11-20"), reason: .competitor, note: ""))
        try triage(store, .markReturned(customerID: k5, on: today))
        // Active again, the cancellation noted on 02.11. counts again: he is at risk, not "lost".
        XCTAssertEqual(try signals(store, "K5").map(\.status), [.resolved, .resolved, .open, .open])
        XCTAssertEqual(try signals(store, "K5").filter { $0.status == .open }.map(\.kind), ["cancellation", "churn_risk"])
        XCTAssertEqual(try stage(store, "K5").history, ["at_risk 2026-11-23 signal_opened", "lost 2026-11-20 marked_lost",
                                                        "recovered 2026-11-23 returned", "at_risk 2026-11-23 signal_opened"])
        XCTAssertEqual(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 10).first?.stage, .atRisk)
        try triage(store, .applyPlaybook(customerID: k5, kind: "cancellation"))
        XCTAssertEqual(try stage(store, "K5").now, "plan_in_place 2026-11-23")
    }

    func testRevenueBroughtIsTheLastTwelveActiveMonthsBeforeTheLoss() throws {
        // Bought for 10.000 € (2023), 5.000 € (03/2024), 3.000 € (02/2025) and 2.000 € (06/2025), lost on
        // 01.10.2025, back with 900 € in 01/2026. His last 12 active months end with the last purchase
        // before the loss, 01.06.2025: 3.000 + 2.000 = 5.000 € (the 5.000 € of 01.03.2024 lie before
        // 01.06.2024, the 900 € after the loss).
        let store = try makeStore()
        try importText(store, .customers, "number,name\nW1,Weggang GmbH\n", name: "w.csv")
        try importText(store, .purchases, """
            customer,date,amount
            W1,2023-01-10,10000
            W1,2024-03-01,5000
            W1,2025-02-01,3000
            W1,2025-06-01,2000
            W1,2026-01-05,900
            """, name: "w-purchases.csv")
        try triage(store, .markLost(customerID: try id(store, "W1"), on: day("2025-10-01"), reason: .price, note: ""))
        let row = try XCTUnwrap(try store.lostCustomers(limit: 10).first)
        XCTAssertEqual(row.revenueBrought, Money(cents: 500_000))
        XCTAssertNil(row.marginBrought)
    }

    func testReturneesComeAfterTheLostInTheList() throws {
        let store = try makeEarlyWarningStore()
        try triage(store, .markLost(customerID: try id(store, "K2"), on: day("2026-07-15"), reason: .service, note: ""))
        try triage(store, .markLost(customerID: try id(store, "K3"), on: day("2026-06-01"), reason: .insolvency, note: ""))
        try triage(store, .markReturned(customerID: try id(store, "K2"), on: today))
        let rows = try store.lostCustomers(limit: 10)
        XCTAssertEqual(rows.map(\.number), ["K3", "K2"])
        XCTAssertEqual(rows.map(\.returnedOn), [nil, today])
        XCTAssertEqual(try store.customer(id: try id(store, "K2"))?.status, .active)
        XCTAssertEqual(try store.lostCount(), 2)
    }

    func testOpeningAWinbackCaseWithAFollowUpFillsTheCalendar() throws {
        let store = try makeEarlyWarningStore()
        let k5 = try id(store, "K5")
        try triage(store, .markLost(customerID: k5, on: day("2026-11-20"), reason: .service, note: ""))
        let undo = try triage(store, .openWinback(WinbackCase(
            customerID: k5, openedOn: today, reason: .service, score: 58, scoreClass: "B", approach: "survey",
            offerType: .emotional, conditions: "fester Ansprechpartner", followUpOn: day("2026-12-02"),
            judgements: "effort=2 referral=4")))
        XCTAssertEqual(undo.description, "opened a win-back case for K5 (class B, 58 points)")
        XCTAssertEqual(try calendar(store, "K5"), ["2026-12-02 phone winback AB: Win-back: survey"])
        let w = try XCTUnwrap(try store.lostCustomers(limit: 10).first?.winback)
        XCTAssertEqual(w.score, 58)
        XCTAssertEqual(w.scoreClass, "B")
        XCTAssertEqual(w.approach, "survey")
        XCTAssertEqual(w.offerType, .emotional)
        XCTAssertEqual(w.conditions, "fester Ansprechpartner")
        XCTAssertEqual(w.followUpOn, day("2026-12-02"))
        XCTAssertEqual(w.outcome, .open)
        XCTAssertEqual(w.judgements, "effort=2 referral=4")
        XCTAssertEqual(w.openedOn, today)
        XCTAssertEqual(w.reason, .service)

        // Without a follow-up nothing goes into the calendar.
        try triage(store, .markLost(customerID: try id(store, "K1"), on: today, reason: .price, note: ""))
        try triage(store, .openWinback(WinbackCase(customerID: try id(store, "K1"), openedOn: today, reason: .price)))
        XCTAssertEqual(try calendar(store, "K1"), [])
    }
}
