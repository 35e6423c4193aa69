import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// A dismissed signal stays dismissed for the same evidence and comes back for new
/// evidence; a snoozed one leaves the panel until its day.
final class EarlyWarningDismissSnoozeTests: EarlyWarningTestCase {
    func testADismissedComplaintStaysDismissedUntilAFurtherComplaint() throws {
        let store = try makeEarlyWarningStore()
        let signal = try XCTUnwrap(try signals(store, "K3").first)
        let complaints = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM complaint ORDER BY id") }
        XCTAssertEqual(complaints.count, 1)
        let before = try panel(store)
        XCTAssertEqual(before, try rankedByRule(store))
        try triage(store, .dismiss(signalIDs: [try XCTUnwrap(signal.id)], reason: "Ware wurde ersetzt"))
        XCTAssertEqual(try signals(store, "K3").map(\.status), [.dismissed])
        XCTAssertEqual(try signals(store, "K3").map(\.reason), ["Ware wurde ersetzt"])
        XCTAssertEqual(try panel(store), before.filter { $0 != "K3" }, "K3 leaves, the others keep their order")
        // Nothing open or snoozed is left: K3 counts as recovered.
        XCTAssertEqual(try stage(store, "K3").history, ["at_risk 2026-11-23 signal_opened", "recovered 2026-11-23 all_signals_resolved"])

        // The same complaint is still open: refreshes today and a week later keep the signal dismissed.
        XCTAssertEqual(try store.refreshAll(asOf: today, settings: settings).signals.opened, 0)
        try store.refreshAll(asOf: day("2026-11-30"), settings: settings)
        XCTAssertEqual(try signalLines(store, "K3"), ["open_complaint dismissed: 1 complaint open since 01.10.2026 (other)"])
        XCTAssertFalse(try panel(store).contains("K3"))

        // A further complaint (raised on 05.11., so also 14 days old) is new evidence: a new signal opens.
        try importText(store, .feedback, "customer,date,complaint\nK3,2026-11-05,Rechnung doppelt\n", name: "more.csv")
        try store.refreshAll(asOf: day("2026-11-30"), settings: settings)
        XCTAssertEqual(try signalLines(store, "K3"), [
            "open_complaint dismissed: 1 complaint open since 01.10.2026 (other)",
            "open_complaint open: 2 complaints open, oldest since 01.10.2026 (other)",
        ])
        let all = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM complaint ORDER BY id") }
        XCTAssertEqual(try signals(store, "K3").map(\.evidenceKey), [String(all[0]), all.map(String.init).joined(separator: "+")])
        XCTAssertTrue(try panel(store).contains("K3"))
        XCTAssertEqual(try stage(store, "K3").history, ["at_risk 2026-11-23 signal_opened", "recovered 2026-11-23 all_signals_resolved",
                                                        "at_risk 2026-11-30 signal_opened"])
    }

    func testADismissedLowNPSComesBackForALaterAnswer() throws {
        let store = try makeEarlyWarningStore()
        let signal = try XCTUnwrap(try signals(store, "K4").first?.id)
        try triage(store, .dismiss(signalIDs: [signal], reason: "Ärger über einen Fahrer, geklärt"))
        try store.refreshAll(asOf: today, settings: settings)
        try store.refreshCustomer(try id(store, "K4"), asOf: today, settings: settings)
        XCTAssertEqual(try signalLines(store, "K4"), ["low_nps dismissed: NPS 3 on 15.10.2026 (≤ 6)"])

        // A later answer of 5: the average (3 + 5) / 2 = 4 is still ≤ 6, and the newest answer is new evidence.
        try importText(store, .feedback, "customer,date,nps\nK4,2026-11-20,5\n", name: "later.csv")
        try store.refreshAll(asOf: today, settings: settings)
        XCTAssertEqual(try signalLines(store, "K4"), [
            "low_nps dismissed: NPS 3 on 15.10.2026 (≤ 6)",
            "low_nps open: average NPS 4,0 from 2 answers in the last 180 days (≤ 6); latest 5 on 20.11.2026",
        ])
        XCTAssertEqual(try signals(store, "K4").map(\.evidenceKey), ["2026-10-15", "2026-11-20"])
    }

    func testAFalseAlarmNoLongerCountsTowardsTheRisk() throws {
        let store = try makeEarlyWarningStore()
        let k1 = try id(store, "K1")
        func risk() throws -> RiskAssessment { try store.riskDetail(customerID: k1, asOf: today, settings: settings).assessment }
        let alone = try risk()
        // K1 also gave an NPS of 4: low_nps adds its weight (prior 15/25 = 0.6 log-odds) to the revenue drop.
        try importText(store, .feedback, "customer,date,nps\nK1,2026-11-16,4\n", name: "k1.csv")
        try store.refreshAll(asOf: today, settings: settings)
        let withNPS = try risk()
        XCTAssertGreaterThan(withNPS.probability, alone.probability)
        XCTAssertEqual(withNPS.factors.first { $0.name == "low_nps" }.map { $0.points > 0 }, true)
        XCTAssertEqual(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 10).first { $0.number == "K1" }?.risk,
                       withNPS.score)
        let nps = try XCTUnwrap(try signals(store, "K1").first { $0.kind == "low_nps" }?.id)
        try triage(store, .dismiss(signalIDs: [nps], reason: "Frage falsch verstanden"))
        try store.refreshAll(asOf: today, settings: settings)
        let row = try XCTUnwrap(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 10).first { $0.number == "K1" })
        XCTAssertEqual(row.kinds, ["revenue_drop"])
        let dismissed = try risk()
        XCTAssertEqual(dismissed.probability, alone.probability, accuracy: 1e-12, "a dismissed false alarm adds no risk")
        XCTAssertEqual(row.risk, dismissed.score)
        XCTAssertNil(dismissed.factors.first { $0.name == "low_nps" })
    }

    func testASnoozedSignalStopsCountingUntilItsDay() throws {
        let store = try makeEarlyWarningStore()
        let k5 = try id(store, "K5")
        func risk(_ on: Day = Day(iso: "2026-11-23")!) throws -> RiskAssessment {
            try store.riskDetail(customerID: k5, asOf: on, settings: settings).assessment
        }
        let before = try risk()
        XCTAssertNotNil(before.factors.first { $0.name == "cancellation" })
        // Snoozed: put off, so off the panel, and the cancellation's weight goes with it.
        let cancellation = try XCTUnwrap(try signals(store, "K5").first { $0.kind == "cancellation" }?.id)
        try triage(store, .snooze(signalIDs: [cancellation], until: day("2026-12-07"), reason: "Jahresgespräch geplant"))
        let snoozed = try risk()
        XCTAssertLessThan(snoozed.probability, before.probability)
        XCTAssertNil(snoozed.factors.first { $0.name == "cancellation" })
        try store.refreshAll(asOf: day("2026-11-24"), settings: settings)
        XCTAssertFalse(try panel(store, PanelFilter()).contains("K5"), "off the panel while snoozed")
        // On the snooze day it counts again.
        try store.refreshAll(asOf: day("2026-12-07"), settings: settings)
        XCTAssertNotNil(try risk(day("2026-12-07")).factors.first { $0.name == "cancellation" })
    }

    func testASnoozedSignalLeavesThePanelUntilItsDay() throws {
        let store = try makeEarlyWarningStore()
        let signal = try XCTUnwrap(try signals(store, "K4").first?.id)
        let panelBefore = try panel(store)
        XCTAssertEqual(panelBefore, try rankedByRule(store))
        try triage(store, .snooze(signalIDs: [signal], until: day("2026-12-01"), reason: "Einkäufer im Urlaub"))
        var s = try XCTUnwrap(try signals(store, "K4").first)
        XCTAssertEqual(s.status, .snoozed)
        XCTAssertEqual(s.snoozedUntil, day("2026-12-01"))
        XCTAssertEqual(s.reason, "Einkäufer im Urlaub")
        XCTAssertEqual(try panel(store), panelBefore.filter { $0 != "K4" }, "K4 leaves, the others keep their order")
        XCTAssertEqual(try store.riskPanelCount(PanelFilter(beyondPanel: true)), 4)
        XCTAssertEqual(try panel(store, PanelFilter(signalKind: "low_nps", beyondPanel: true)), [])
        // Still on the case: the snoozed signal is active, and the customer has not recovered.
        XCTAssertEqual(try store.activeSignals(customerID: try id(store, "K4")).map(\.status), [.snoozed])
        XCTAssertEqual(try stage(store, "K4").history, ["at_risk 2026-11-23 signal_opened"])

        // A worse answer while snoozed updates the evidence but keeps the snooze.
        try importText(store, .feedback, "customer,date,nps\nK4,2026-11-20,1\n", name: "later.csv")
        let before = try store.refreshAll(asOf: day("2026-11-30"), settings: settings).signals
        XCTAssertEqual(before.reopenedFromSnooze, 0)
        s = try XCTUnwrap(try signals(store, "K4").first)
        XCTAssertEqual(s.id, signal)
        XCTAssertEqual(s.status, .snoozed)
        XCTAssertEqual(s.evidence, "average NPS 2,0 from 2 answers in the last 180 days (≤ 6); latest 1 on 20.11.2026")
        XCTAssertFalse(try panel(store).contains("K4"))

        // On the day itself the signal is back on the panel.
        let on = try store.refreshAll(asOf: day("2026-12-01"), settings: settings).signals
        XCTAssertEqual(on.reopenedFromSnooze, 1)
        XCTAssertEqual(try signals(store, "K4").map(\.status), [.open])
        XCTAssertEqual(try signals(store, "K4").map(\.id), [signal])
        let row = try XCTUnwrap(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 10).first { $0.number == "K4" })
        XCTAssertEqual(row.kinds, ["low_nps"])
        XCTAssertEqual(row.openSignals, 1)
    }

    func testASnoozeThatRanOutReturnsOnARefreshAfterTheDay() throws {
        let store = try makeEarlyWarningStore()
        let signal = try XCTUnwrap(try signals(store, "K5").first?.id)
        try triage(store, .snooze(signalIDs: [signal], until: day("2026-11-25"), reason: "Geschäftsführer ruft zurück"))
        XCTAssertFalse(try panel(store).contains("K5"))
        // Only K5 is refreshed, two days after the snooze ended.
        try store.refreshCustomer(try id(store, "K5"), asOf: day("2026-11-27"), settings: settings)
        XCTAssertEqual(try signals(store, "K5").first?.status, .open)
        // While snoozed the risk fell below the threshold and Loyal's own churn_risk went; now it is back.
        XCTAssertEqual(try signals(store, "K5").filter { $0.status == .open }.map(\.kind), ["cancellation", "churn_risk"])
        XCTAssertEqual(try panel(store).first, "K5")
    }
}
