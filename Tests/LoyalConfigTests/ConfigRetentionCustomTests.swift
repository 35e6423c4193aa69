import LoyalConfig
import LoyalCore
import XCTest

/// Users change the rule list, playbooks, risk limits and the win-back matrix.
final class ConfigRetentionCustomTests: XCTestCase {
    private func parse(_ text: String) throws -> RetentionSettings { try ConfigFile.parse(text, file: "c.toml").retention }

    func testAnExtraKindOfAnExistingForm() throws {
        let r = try parse("""
            [[signals]]
            kind = "low_nps"
            form = "feedback_score"
            weight = 15
            metric = "nps"
            comparison = "<="
            value = 6
            days = 180
            min_answers = 1

            [[signals]]
            kind = "nps_very_low"
            form = "feedback_score"
            weight = 25.5
            metric = "nps"
            comparison = "<="
            value = 2
            days = 90
            min_answers = 2

            [playbooks.nps_very_low]
            steps = [
              { channel = "visit", after_days = 3, text = "Visit with the sales manager" },
            ]
            """)
        XCTAssertEqual(r.signals, [
            SignalRule(kind: "low_nps", form: .feedbackScore(metric: .nps, comparison: .atMost, value: 6, days: 180,
                                                              minAnswers: 1), weight: 15),
            SignalRule(kind: "nps_very_low", form: .feedbackScore(metric: .nps, comparison: .atMost, value: 2, days: 90,
                                                                   minAnswers: 2), weight: 25.5),
        ])
        // The listed kinds keep (or get) their playbooks; defaults for kinds no longer listed are dropped.
        XCTAssertEqual(r.playbooks.map(\.kind), ["low_nps", "nps_very_low"])
        XCTAssertEqual(r.playbooks[0], Playbook.find("low_nps", in: Playbook.defaults))
        XCTAssertEqual(r.playbooks[1].steps, [PlaybookStep(.visit, after: 3, "Visit with the sales manager")])
        XCTAssertEqual(r.winback, WinbackMatrix.defaults)
    }

    func testEveryFormReadsItsParameters() throws {
        let r = try parse("""
            [[signals]]
            kind = "drop"
            form = "revenue_change"
            weight = 10
            threshold = -0.5
            min_previous = 1234.56
            [[signals]]
            kind = "late"
            form = "overdue_rhythm"
            weight = 10
            factor = 2.5
            min_purchases = 6
            min_days = 45
            [[signals]]
            kind = "costly"
            form = "discount_trend"
            weight = 5
            recent_months = 3
            previous_months = 9
            points = 2.5
            [[signals]]
            kind = "mono"
            form = "single_category"
            weight = 0
            years = 5
            """)
        XCTAssertEqual(r.signals.map(\.form), [
            .revenueChange(threshold: -0.5, minPrevious: Money(cents: 123_456)),
            .overdueRhythm(factor: 2.5, minPurchases: 6, minDays: 45),
            .discountTrend(recentMonths: 3, previousMonths: 9, points: 2.5),
            .singleCategory(years: 5),
        ])
        XCTAssertEqual(r.playbooks.map(\.kind), [])
    }

    func testNoSignalsAtAll() throws {
        let r = try parse("signals = []\n")
        XCTAssertEqual(r.signals, [])
        XCTAssertEqual(r.playbooks, [])
    }

    func testAPlaybookCanBeEmptiedAndOthersKeepTheirDefaults() throws {
        let r = try parse("[playbooks.overdue]\nsteps = []\n")
        XCTAssertEqual(r.signals, SignalRule.defaults)
        XCTAssertEqual(Playbook.find("overdue", in: r.playbooks)?.steps, [])
        XCTAssertEqual(Playbook.find("revenue_drop", in: r.playbooks), Playbook.find("revenue_drop", in: Playbook.defaults))
        XCTAssertEqual(r.playbooks.count, 15)
    }

    func testRiskLimits() throws {
        let r = try parse("[risk]\nred_from = 70\namber_from = 40\nsentiment_weight = 0\nsentiment_days = 180\n")
        XCTAssertEqual(r.risk, RiskSettings(redFrom: 70, amberFrom: 40, sentimentWeight: 0, sentimentDays: 180))
    }

    func testWinbackKeysReplaceOnlyWhatIsWritten() throws {
        let r = try parse("""
            [winback]
            classes = [
              { name = "worth it", from = 60, effort = "Visit" },
              { name = "not", from = 0, effort = "Nothing" },
            ]

            [winback.revenue]
            bands = [{ from = 100000, points = 10 }]

            [winback.payment]
            weight = 3

            [winback.class]
            points = [8, 4, 0]
            """)
        var expected = WinbackMatrix.defaults
        expected.classes = [WinbackClass(name: "worth it", from: 60, effort: "Visit"),
                            WinbackClass(name: "not", from: 0, effort: "Nothing")]
        expected.criteria[0].scale = .money(bands: [MoneyBand(from: Money(cents: 10_000_000), points: 10)], otherwise: 2)
        expected.criteria[4].weight = 3
        expected.criteria[6].scale = .accountClass(a: 8, b: 4, c: 0)
        XCTAssertEqual(r.winback, expected)
        XCTAssertEqual(r.winback.criteria[0].weight, 3)
    }
}
