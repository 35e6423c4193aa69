import LoyalConfig
import LoyalCore
import XCTest

/// `loyal config init` writes the whole early-warning and win-back configuration, and it reads back unchanged.
final class ConfigRetentionDefaultsTests: XCTestCase {
    func testDefaultTextParsesBackToTheDefaults() throws {
        let parsed = try ConfigFile.parse(ConfigFile.defaultText(), file: "defaults")
        let defaults = Settings()
        XCTAssertEqual(parsed.retention.signals, defaults.retention.signals)
        XCTAssertEqual(parsed.retention.risk, defaults.retention.risk)
        XCTAssertEqual(parsed.retention.playbooks, defaults.retention.playbooks)
        XCTAssertEqual(parsed.retention.winback, defaults.retention.winback)
        XCTAssertEqual(parsed.retention, RetentionSettings())
    }

    func testAnEmptyFileMeansTheDefaults() throws {
        XCTAssertEqual(try ConfigFile.parse("", file: "empty").retention, RetentionSettings())
        XCTAssertEqual(RetentionSettings().signals.count, 15)
    }

    func testDefaultTextWritesEveryRuleWithItsParameters() {
        let text = ConfigFile.defaultText()
        XCTAssertEqual(text.components(separatedBy: "\n[[signals]]\n").count - 1, 15)
        XCTAssertTrue(text.contains("""
            [[signals]]
            # Yearly revenue down by 30 % or more. Wholesale orders swing with seasons and projects; a third
            # less over a whole year is no longer noise. Accounts under 2000 € a year swing too much to mean
            # anything.
            kind = "revenue_drop"
            form = "revenue_change"
            weight = 30
            threshold = -0.3
            min_previous = 2000

            """))
        XCTAssertTrue(text.contains("""
            kind = "low_nps"
            form = "feedback_score"
            weight = 15
            metric = "nps"
            comparison = "<="
            value = 6
            days = 180
            min_answers = 1

            """))
        XCTAssertTrue(text.contains("\n[risk]\n"))
        XCTAssertTrue(text.contains("\nhorizon_days = 180\n"))
        XCTAssertTrue(text.contains("\nred_from = 70\n"))
        XCTAssertTrue(text.contains("\namber_from = 40\n"))
        XCTAssertTrue(text.contains("\npanel_threshold = 0.5\n"))
        XCTAssertTrue(text.contains("\npanel_max_share = 0.25\n"))
        XCTAssertTrue(text.contains("\nsentiment_weight = 20\n"))
        XCTAssertTrue(text.contains("""
            [playbooks.cancellation]
            steps = [
              { channel = "call", after_days = 0, text = "Call at once: understand the reason, involve management" },
              { channel = "visit", after_days = 7, text = "Management visit with an offer that fits the reason" },
            ]

            """))
        XCTAssertTrue(text.contains("""
            [winback.revenue]
            weight = 3
            bands = [
              { from = 50000, points = 10 },
              { from = 10000, points = 6 },
            ]
            otherwise = 2

            """))
        XCTAssertTrue(text.contains("\n  { name = \"D\", from = 0, effort = \"No active win-back: not our target group\" },\n"))
        XCTAssertTrue(text.contains("\n[winback.class]\nweight = 2\npoints = [10, 6, 2]\n"))
        XCTAssertTrue(text.contains("#   feedback_score\n#     metric       nps (0-10), csat (1-5)"))
    }

    func testEveryDefaultRuleHasItsReasonWritten() {
        let text = ConfigFile.defaultText()
        for rule in SignalRule.defaults {
            let block = text.components(separatedBy: "[[signals]]\n").first { $0.contains("kind = \"\(rule.kind)\"\n") }
            XCTAssertEqual(block?.hasPrefix("# "), true, "no reason above \(rule.kind)")
        }
    }
}
