import XCTest
@testable import LoyalCore

/// The default rule set end to end: a customer showing every warning sign, a healthy one, a lost one.
final class RetentionDefaultRulesTests: XCTestCase {
    private func troubled(_ status: CustomerStatus = .active) -> CustomerSignalFacts {
        R.facts {
            $0.status = status
            $0.customerSince = R.day("2019-01-01")
            $0.revenue12m = R.eur(8_400); $0.revenuePrevious12m = R.eur(14_000)
            $0.purchaseDays = R.days(from: "2025-06-01", gaps: [28, 30, 31, 31, 31, 31, 31, 32, 33, 35, 29, 30])
            $0.pAlive = 0.2
            $0.complaints = [
                ComplaintFact(id: 15, openedOn: R.day("2026-08-20"), category: .invoice),
                ComplaintFact(id: 16, openedOn: R.day("2026-07-01"), resolvedOn: R.day("2026-07-05"), category: .delivery),
                ComplaintFact(id: 17, openedOn: R.day("2026-06-01"), resolvedOn: R.day("2026-06-10"), category: .delivery),
            ]
            $0.feedback = [
                FeedbackFact(day: R.day("2026-07-01"), pricePressure: true),
                FeedbackFact(day: R.day("2026-09-03"), nps: 3, csat: 2, ces: 6, sentiment: 2, pricePressure: true,
                             competitor: "Metro", cancellation: true),
            ]
            $0.discounts = [
                DiscountFact(day: R.day("2026-04-10"), amount: R.eur(900), discount: R.eur(100)),
                DiscountFact(day: R.day("2026-08-20"), amount: R.eur(1_800), discount: R.eur(200)),
                DiscountFact(day: R.day("2025-06-01"), amount: R.eur(1_960), discount: R.eur(40)),
                DiscountFact(day: R.day("2025-11-01"), amount: R.eur(1_940), discount: R.eur(60)),
            ]
            $0.contacts = [ContactFact(id: 7, name: "Anna Schmidt", role: "Einkauf", leftOn: R.day("2026-09-01"))]
            $0.addressChangedOn = R.day("2026-08-20")
            $0.categories = ["Verpackung"]
        }
    }

    func testEveryDefaultRuleFiresOnATroubledCustomer() {
        let findings = EarlyWarning.findings(troubled(), rules: SignalRule.defaults)
        XCTAssertEqual(findings.map(\.kind), SignalRule.defaults.map(\.kind))
        XCTAssertEqual(findings.map(\.evidence), [
            "revenue 12 months 8.400 € vs 14.000 € before (−40 %)",
            "no purchase for 99 days; usually every 31 days (median of 12 intervals)",
            "P(alive) 0,20, below 0,30",
            "1 complaint open since 20.08.2026 (invoice)",
            "3 complaints in the last 180 days (2 delivery, 1 invoice), latest on 20.08.2026",
            "NPS 3 on 03.09.2026 (≤ 6)",
            "CSAT 2 on 03.09.2026 (≤ 2)",
            "CES 6 on 03.09.2026 (≥ 5)",
            "discount 10,0 % of list price in the last 6 months vs 2,5 % in the 12 months before (+7,5 points)",
            "price pressure noted 2 times in the last 180 days, latest on 03.09.2026",
            "contact Anna Schmidt (Einkauf) left on 01.09.2026",
            "address changed on 20.08.2026",
            "competitor Metro named on 03.09.2026",
            "cancellation noted on 03.09.2026",
            "customer for 7 years, bought only from one category (Verpackung)",
        ])
        XCTAssertEqual(findings.map(\.evidenceKey), [
            "2026-09/-40", "2026-06-08", "2026-06-08", "15", "15", "2026-09-03", "2026-09-03", "2026-09-03",
            "2026-08-20", "2026-09-03", "7", "2026-08-20", "2026-09-03", "2026-09-03", "Verpackung",
        ])
        // The purchase-based findings are evidence only: the model's purchase features hold them.
        XCTAssertEqual(findings.filter { !$0.form.isBeyondPurchases }.map(\.kind),
                       ["revenue_drop", "overdue", "likely_inactive", "discount_creep", "single_category"])
    }

    func testAHealthyCustomerRaisesNothing() {
        let healthy = R.facts {
            $0.customerSince = R.day("2019-01-01")
            $0.revenue12m = R.eur(15_000); $0.revenuePrevious12m = R.eur(14_000)
            $0.purchaseDays = R.days(from: "2025-09-01", gaps: Array(repeating: 30, count: 12))   // last 27.08.2026
            $0.pAlive = 0.9
            $0.complaints = [ComplaintFact(id: 1, openedOn: R.day("2026-08-01"), resolvedOn: R.day("2026-08-03"), category: .delivery)]
            $0.feedback = [FeedbackFact(day: R.day("2026-09-03"), nps: 9, csat: 5, ces: 2, sentiment: 4)]
            $0.discounts = [DiscountFact(day: R.day("2026-05-01"), amount: R.eur(950), discount: R.eur(50)),
                            DiscountFact(day: R.day("2025-10-01"), amount: R.eur(950), discount: R.eur(50))]
            $0.contacts = [ContactFact(id: 1, name: "Jana Kühn")]
            $0.categories = ["Verpackung", "Hygiene"]
        }
        XCTAssertEqual(EarlyWarning.findings(healthy, rules: SignalRule.defaults), [])
        XCTAssertEqual(RiskAssessment.latestJudgement(healthy, within: 365), 4)
    }

    func testLostCustomersBelongToWinBack() {
        XCTAssertEqual(EarlyWarning.findings(troubled(.lost), rules: SignalRule.defaults), [])
        XCTAssertNil(SignalRule.defaults[0].evaluate(troubled(.lost)))
    }

    func testDefaultKindsAreUniqueAndCoverEveryForm() {
        XCTAssertEqual(Set(SignalRule.defaults.map(\.kind)).count, SignalRule.defaults.count)
        XCTAssertEqual(Set(SignalRule.defaults.map(\.form.name)), Set(SignalFormName.configurable))
    }
}
