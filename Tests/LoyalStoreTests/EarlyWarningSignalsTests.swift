import Foundation
import GRDB
import XCTest
@testable import LoyalCore
@testable import LoyalStore

/// Which signals open on the hand-made customers, with what evidence, risk, band,
/// panel order and stage (see `EarlyWarningTestCase` for the data).
final class EarlyWarningSignalsTests: EarlyWarningTestCase {
    func testEachCustomerGetsHisSignalWithEvidence() throws {
        let store = try makeEarlyWarningStore()
        XCTAssertEqual(try signalLines(store, "K1"), ["revenue_drop open: revenue 12 months 5.000 € vs 10.000 € before (−50 %)"])
        // Gaps 30, 30, 30, 30 days; 147 days since 29.06.2026 > 2 × 30.
        XCTAssertEqual(try signalLines(store, "K2"),
                       ["overdue open: no purchase for 147 days; usually every 30 days (median of 4 intervals)"])
        // The complaint is 53 days old (≥ 14); the feedback import gives it the category "other".
        XCTAssertEqual(try signalLines(store, "K3"), ["open_complaint open: 1 complaint open since 01.10.2026 (other)"])
        XCTAssertEqual(try signalLines(store, "K4"), ["low_nps open: NPS 3 on 15.10.2026 (≤ 6)"])
        // K5 is the one the churn model puts at 50 % or more: Loyal's own signal says so, with the figures.
        let k5Risk = try store.riskDetail(customerID: try id(store, "K5"), asOf: today, settings: settings).assessment
        XCTAssertGreaterThanOrEqual(k5Risk.probability, 0.5)
        XCTAssertEqual(try signalLines(store, "K5"), [
            "cancellation open: cancellation noted on 02.11.2026",
            "churn_risk open: \(k5Risk.score) % chance of no purchase in the next 180 days "
                + "(typical customer \(Int((k5Risk.base * 100).rounded())) %)",
        ])
        XCTAssertEqual(try signalLines(store, "K6"), [])

        let complaintID = try XCTUnwrap(try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM complaint") })
        XCTAssertEqual(try ["K1", "K2", "K3", "K4", "K5"].map { try signals(store, $0)[0].evidenceKey },
                       ["2026-11/-50", "2026-06-29", String(complaintID), "2026-10-15", "2026-11-02"])
        XCTAssertEqual(try ["K1", "K2", "K3", "K4", "K5"].map { try signals(store, $0)[0].weight }, [30, 25, 15, 15, 50])
        XCTAssertEqual(try ["K1", "K2", "K3", "K4", "K5"].map { try signals(store, $0)[0].openedOn }, Array(repeating: today, count: 5))
        XCTAssertEqual(try store.openSignalKinds().map(\.kind).sorted(),
                       ["cancellation", "churn_risk", "low_nps", "open_complaint", "overdue", "revenue_drop"])
        XCTAssertEqual(try signals(store, "K5").map(\.evidenceKey), ["2026-11-02", "churn/\(k5Risk.score / 10)"])
    }

    func testRiskBandAndPanelOrderByWhatThereIsToLose() throws {
        let store = try makeEarlyWarningStore()
        let rows = try store.riskPanel(PanelFilter(beyondPanel: true), limit: 100)
        // Every customer bought, so the value model gives each a value, and the panel goes
        // by risk × value, then risk, then class.
        XCTAssertEqual(rows.map(\.number), try rankedByRule(store))
        let row = Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0) })
        let numbers = ["K1", "K2", "K3", "K4", "K5"]
        XCTAssertEqual(row.keys.sorted(), numbers)
        // Each row shows the stored probability in percent and its band (green < 40 ≤ amber < 70 ≤ red).
        let stored = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, s.risk, s.risk_band FROM customer_stats s JOIN customer c ON c.id = s.customer_id
                """).reduce(into: [String: (Double, String)]()) { $0[$1[0]] = ($1[1], $1[2]) }
        }
        for n in numbers {
            let (risk, band) = try XCTUnwrap(stored[n])
            XCTAssertEqual(row[n]?.risk, Int((risk * 100).rounded()), n)
            XCTAssertEqual(row[n]?.probability, risk, n)
            XCTAssertEqual(row[n]?.band.rawValue, band, n)
            XCTAssertEqual(row[n]?.band, RiskSettings().band(row[n]!.risk), n)
        }
        XCTAssertEqual(numbers.map { row[$0]?.customerClass }, [.a, .b, .c, .a, .b])
        XCTAssertEqual(numbers.map { row[$0]?.kinds }, [["revenue_drop"], ["overdue"], ["open_complaint"], ["low_nps"], ["cancellation", "churn_risk"]])
        XCTAssertEqual(numbers.map { row[$0]?.repCode }, ["AB", "AB", "CD", "CD", "AB"])
        XCTAssertEqual(numbers.map { row[$0]?.openSignals }, [1, 1, 1, 1, 2])
        XCTAssertEqual(rows.map(\.oldestSignal), Array(repeating: today, count: 5))
        XCTAssertEqual(rows.map(\.stage), Array(repeating: .atRisk, count: 5))
        XCTAssertEqual(rows.map(\.assignedRepCode), [nil, nil, nil, nil, nil])
        let values = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.number, s.value_cents, s.value_as_of, s.p_alive FROM customer_stats s JOIN customer c ON c.id = s.customer_id
                """).reduce(into: [String: (Int64, Double)]()) { out, r in
                if (r["value_as_of"] as String?) == "2026-11-23" { out[r["number"]] = (r["value_cents"], r["p_alive"] ?? 1) }
            }
        }
        for r in rows {
            let value = try XCTUnwrap(r.value, "\(r.number) has purchases, so a value")
            let (cents, alive) = try XCTUnwrap(values[r.number])
            XCTAssertEqual(value.cents, cents, r.number)
            XCTAssertGreaterThan(value.cents, 0, r.number)
            // risk × the value if he stays (value ÷ P(alive)) × 1000, then risk × 3 + (2 − class index)
            // for the ties: A adds 2, B 1, C 0.
            let ifStays = Int64((Double(cents) / max(alive, 0.05)).rounded())
            let classBonus: Int64 = r.customerClass == .a ? 2 : r.customerClass == .b ? 1 : 0
            XCTAssertEqual(r.priority, Int64(r.risk) * ifStays * 1000 + Int64(r.risk) * 3 + classBonus, r.number)
        }
        XCTAssertEqual(rows.map(\.priority), rows.map(\.priority).sorted(by: >))
        XCTAssertEqual(try store.riskPanelCount(PanelFilter(beyondPanel: true)), 5)

        // Filters keep the panel's order.
        XCTAssertEqual(try panel(store, PanelFilter(customerClass: .a, beyondPanel: true)), rows.filter { $0.customerClass == .a }.map(\.number))
        XCTAssertEqual(Set(try panel(store, PanelFilter(customerClass: .a, beyondPanel: true))), ["K1", "K4"])
        XCTAssertEqual(try panel(store, PanelFilter(repCode: "cd", beyondPanel: true)), rows.filter { $0.repCode == "CD" }.map(\.number))
        XCTAssertEqual(Set(try panel(store, PanelFilter(repCode: "cd", beyondPanel: true))), ["K3", "K4"])
        XCTAssertEqual(try panel(store, PanelFilter(signalKind: "overdue", beyondPanel: true)), ["K2"])
        XCTAssertEqual(try store.riskPanelCount(PanelFilter(repCode: "AB", customerClass: .b, beyondPanel: true)), 2)
        // Paging by keyset continues after the last row.
        let first = try store.riskPanel(PanelFilter(beyondPanel: true), limit: 2)
        XCTAssertEqual(first.map(\.number), Array(rows.prefix(2).map(\.number)))
        XCTAssertEqual(try store.riskPanel(PanelFilter(beyondPanel: true), after: first.last, limit: 10).map(\.number),
                       Array(rows.dropFirst(2).map(\.number)))

        // The healthy customer is scored too: a low probability, green, no stage, off the panel.
        let k6 = try store.riskDetail(customerID: try id(store, "K6"), asOf: today, settings: settings)
        XCTAssertGreaterThan(k6.assessment.probability, 0)
        XCTAssertLessThan(k6.assessment.score, 40)
        XCTAssertEqual(k6.assessment.band, .green)
        XCTAssertNil(k6.stages.current)
        // K5: the cancellation is a factor of its own; six customers are too few to fit, so its
        // weight is the prior's 50/25 = 2 log-odds.
        let k5 = try store.riskDetail(customerID: try id(store, "K5"), asOf: today, settings: settings)
        XCTAssertFalse(k5.modelFitted)
        XCTAssertEqual(k5.assessment.factors.first?.name, "cancellation")
        XCTAssertEqual(k5.assessment.health, 100 - k5.assessment.score)
        XCTAssertNil(k5.lastMonthScore)
        XCTAssertEqual(k5.signals.map(\.kind), ["cancellation", "churn_risk"])
        let snapshots = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT c.number, r.month, r.score FROM risk_snapshot r JOIN customer c ON c.id = r.customer_id ORDER BY c.number")
                .map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int)" }
        }
        XCTAssertEqual(snapshots, try ["K1", "K2", "K3", "K4", "K5", "K6"].map { n in
            "\(n) 2026-11 \(Int((try XCTUnwrap(stored[n]).0 * 100).rounded()))"
        })
    }

    func testAnACustomerBeforeACAtTheSameRiskWhenNoValueIsKnown() throws {
        // The value model has not run (statistics and signals only): no value is known.
        let store = try makeStore()
        try importText(store, .customers, Self.customers)
        try importText(store, .purchases, Self.purchases)
        try importText(store, .feedback, Self.feedback, name: "feedback.csv")
        try store.refreshStatistics(asOf: today, thresholds: settings.classes)
        try store.evaluateSignals(asOf: today, settings: settings)
        let rows = try store.riskPanel(PanelFilter(beyondPanel: true), limit: 100)
        // So risk × value is 0 for all: risk decides, then class, and the priority is
        // risk × 3 + (2 − class index): A adds 2, B 1, C 0.
        XCTAssertEqual(rows.map(\.number), try rankedByRule(store))
        XCTAssertEqual(rows.map(\.value), Array(repeating: nil, count: rows.count))
        for r in rows {
            let classBonus: Int64 = r.customerClass == .a ? 2 : r.customerClass == .b ? 1 : 0
            XCTAssertEqual(r.priority, Int64(r.risk) * 3 + classBonus, r.number)
        }
        XCTAssertEqual(rows.map(\.priority), rows.map(\.priority).sorted(by: >))
        // An A and a C customer at the same risk: the A first.
        let standIns = [Money.zero, .zero, .zero]
        XCTAssertGreaterThan(RiskRanking.panelPriority(risk: 15, value: nil, customerClass: .a, standIns: standIns),
                             RiskRanking.panelPriority(risk: 15, value: nil, customerClass: .c, standIns: standIns))
    }

    func testAnACustomerBeforeACAtTheSameRiskAndValue() throws {
        // 15 % of 1.000,00 € for an A and a C customer: 15 × 100000 cents × 1000 plus 15 × 3 and 2
        // for A, 0 for C: the class decides.
        let value = Money(cents: 100_000), standIns = [Money.zero, .zero, .zero]
        XCTAssertEqual(RiskRanking.panelPriority(risk: 15, value: value, customerClass: .a, standIns: standIns), 1_500_000_047)
        XCTAssertEqual(RiskRanking.panelPriority(risk: 15, value: value, customerClass: .c, standIns: standIns), 1_500_000_045)
        // The store ranks by the same number.
        let store = try makeEarlyWarningStore()
        XCTAssertEqual(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 100).map(\.number), try rankedByRule(store))
    }

    func testRefreshSummaryAndStagesWithHistory() throws {
        let store = try makeStore()
        try importText(store, .customers, Self.customers)
        try importText(store, .purchases, Self.purchases)
        try importText(store, .feedback, Self.feedback, name: "feedback.csv")
        let summary = try store.refreshAll(asOf: today, settings: settings).signals
        // Five rule signals and K5's churn_risk; six active customers hold one panel place (25 %).
        XCTAssertEqual(summary, SignalRefreshSummary(customers: 6, opened: 6, updated: 0, resolved: 0, reopenedFromSnooze: 0, atRisk: 1))
        XCTAssertEqual(try store.meta("signals_as_of"), "2026-11-23")
        XCTAssertEqual(try stage(store, "K1").now, "at_risk 2026-11-23")
        XCTAssertEqual(try stage(store, "K1").history, ["at_risk 2026-11-23 signal_opened"])
        XCTAssertEqual(try stage(store, "K6").now, "- -")
        XCTAssertEqual(try stage(store, "K6").history, [])

        // A second refresh the same day changes nothing.
        XCTAssertEqual(try store.refreshAll(asOf: today, settings: settings).signals,
                       SignalRefreshSummary(customers: 6, opened: 0, updated: 0, resolved: 0, reopenedFromSnooze: 0, atRisk: 1))

        // K1 buys 4.000 € more: 9.000 € against 10.000 € (−10 %) is no drop, the signal is resolved
        // and K1 recovered, with the days in each stage.
        try importText(store, .purchases, "customer,date,amount\nK1,2026-11-20,4000\n", name: "more.csv")
        let later = day("2026-11-30")
        let after = try store.refreshAll(asOf: later, settings: settings).signals
        XCTAssertEqual(after.resolved, 1)
        XCTAssertEqual(try signalLines(store, "K1"), ["revenue_drop resolved: revenue 12 months 5.000 € vs 10.000 € before (−50 %)"])
        XCTAssertEqual(try stage(store, "K1").history, ["at_risk 2026-11-23 signal_opened", "recovered 2026-11-30 all_signals_resolved"])
        let detail = try store.riskDetail(customerID: try id(store, "K1"), asOf: later, settings: settings)
        XCTAssertEqual(detail.stages.current, .recovered)
        XCTAssertEqual(detail.stages.days(in: .atRisk, asOf: later), 7)
        XCTAssertEqual(detail.stages.daysInCurrentStage(asOf: later), 0)
        XCTAssertFalse(try panel(store).contains("K1"))
    }

    func testNewEvidenceOfAnOpenKindUpdatesTheSignal() throws {
        let store = try makeEarlyWarningStore()
        let before = try signals(store, "K4")
        try importText(store, .feedback, "customer,date,nps\nK4,2026-11-20,1\n", name: "more-feedback.csv")
        let summary = try store.refreshAll(asOf: today, settings: settings).signals
        XCTAssertEqual(summary.opened, 0)
        XCTAssertEqual(summary.updated, 1)
        let after = try signals(store, "K4")
        XCTAssertEqual(after.map(\.id), before.map(\.id))
        XCTAssertEqual(after.map(\.evidence),
                       ["average NPS 2,0 from 2 answers in the last 180 days (≤ 6); latest 1 on 20.11.2026"])
        XCTAssertEqual(after.map(\.evidenceKey), ["2026-11-20"])
        XCTAssertEqual(after.map(\.openedOn), [today])
    }

    func testRecordingAVisitWithNPS2OpensLowNPSAtOnce() throws {
        let store = try makeEarlyWarningStore()
        let k6 = try id(store, "K6")
        var report = VisitReport(customerID: k6, day: day("2026-11-20"), kind: .visit)
        report.nps = 2
        try store.recordVisit(report, actor: "anna", today: today)
        XCTAssertEqual(try signalLines(store, "K6"), [], "saving the visit alone does not evaluate")
        try store.refreshCustomer(k6, asOf: today, settings: settings)
        XCTAssertEqual(try signalLines(store, "K6"), ["low_nps open: NPS 2 on 20.11.2026 (≤ 6)"])
        XCTAssertEqual(try stage(store, "K6").history, ["at_risk 2026-11-23 signal_opened"])
        let row = try XCTUnwrap(try store.riskPanel(PanelFilter(beyondPanel: true), limit: 10).first { $0.number == "K6" })
        let assessed = try store.riskDetail(customerID: k6, asOf: today, settings: settings).assessment
        XCTAssertEqual(row.risk, assessed.score)
        XCTAssertEqual(assessed.factors.first { $0.name == "low_nps" }.map { $0.points > 0 }, true, "the low NPS adds to the risk")
        XCTAssertEqual(row.band, .green)
        XCTAssertEqual(row.customerClass, .a)
        XCTAssertEqual(try store.riskPanelCount(PanelFilter(beyondPanel: true)), 6)
        // The others were not touched by the partial refresh.
        XCTAssertEqual(try signals(store, "K4").map(\.status), [.open])
    }

    func testTrendAgainstLastMonth() throws {
        let store = try makeEarlyWarningStore()
        let k5 = try id(store, "K5")
        // On 31.10.2026 the cancellation was not known yet: K5's risk then was lower.
        try store.evaluateSignals(asOf: day("2026-10-31"), settings: settings, only: [k5])
        try store.evaluateSignals(asOf: today, settings: settings, only: [k5])
        let detail = try store.riskDetail(customerID: k5, asOf: today, settings: settings)
        let october = try XCTUnwrap(detail.lastMonthScore)
        XCTAssertLessThan(october, detail.assessment.score)
        let cancellation = try XCTUnwrap(detail.assessment.factors.first { $0.name == "cancellation" })
        XCTAssertGreaterThan(cancellation.points, 0)
    }
}
