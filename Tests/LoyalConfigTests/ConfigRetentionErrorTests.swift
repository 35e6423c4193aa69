import LoyalConfig
import LoyalCore
import XCTest

/// Bad entries are reported as `FILE:LINE: key "signals[3].threshold": …`.
final class ConfigRetentionErrorTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try ConfigFile.parse(text, file: "c.toml")
            XCTFail("no error", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    private let two = """
        # rules
        [[signals]]
        kind = "overdue"
        form = "overdue_rhythm"
        weight = 25
        factor = 2
        min_purchases = 4
        min_days = 30

        [[signals]]
        kind = "cancellation"
        form = "cancellation"
        weight = 50
        days = 365

        """

    func testWrongTypeNamesTheRuleByPositionAndTheLine() {
        XCTAssertEqual(error(two + """
            [[signals]]
            kind = "revenue_drop"
            form = "revenue_change"
            weight = 30
            threshold = "-30 %"
            min_previous = 2000
            """), "c.toml:19: key \"signals[3].threshold\": expected a number from -1 to 1, found \"-30 %\"")
        XCTAssertEqual(error(two.replacingOccurrences(of: "days = 365", with: "days = 1.5")),
                       "c.toml:14: key \"signals[2].days\": expected a whole number from 1 to 3650, found 1.5")
        XCTAssertEqual(error(two.replacingOccurrences(of: "weight = 50", with: "weight = 500")),
                       "c.toml:13: key \"signals[2].weight\": expected a number from 0 to 100, found 500")
        XCTAssertEqual(error(two.replacingOccurrences(of: "factor = 2", with: "factor = true")),
                       "c.toml:6: key \"signals[1].factor\": expected a number from 1 to 100, found true")
    }

    func testUnknownForm() {
        XCTAssertEqual(error(two.replacingOccurrences(of: "form = \"cancellation\"", with: "form = \"kuendigung\"")),
                       "c.toml:12: key \"signals[2].form\": expected one of \"revenue_change\", \"overdue_rhythm\", "
                       + "\"p_alive\", \"open_complaints\", \"complaints_in_period\", \"feedback_score\", \"discount_trend\", "
                       + "\"price_pressure_mentions\", \"contact_left\", \"address_changed\", \"competitor_named\", "
                       + "\"cancellation\", \"single_category\", found \"kuendigung\"")
    }

    func testMissingParameterPointsAtTheBlock() {
        XCTAssertEqual(error(two.replacingOccurrences(of: "min_days = 30\n", with: "")),
                       "c.toml:2: key \"signals[1].min_days\": is missing (form \"overdue_rhythm\" needs factor, "
                       + "min_purchases, min_days)")
        XCTAssertEqual(error(two.replacingOccurrences(of: "weight = 50\n", with: "")),
                       "c.toml:10: key \"signals[2].weight\": is missing (every rule needs kind, form and weight)")
        XCTAssertEqual(error(two.replacingOccurrences(of: "form = \"cancellation\"\n", with: "")),
                       "c.toml:10: key \"signals[2].form\": is missing (one of revenue_change, overdue_rhythm, p_alive, "
                       + "open_complaints, complaints_in_period, feedback_score, discount_trend, price_pressure_mentions, "
                       + "contact_left, address_changed, competitor_named, cancellation, single_category)")
    }

    func testUnknownKeyIsReportedBeforeTheMissingOneItReplaces() {
        XCTAssertEqual(error(two.replacingOccurrences(of: "min_days = 30", with: "min_dayz = 30")),
                       "c.toml:8: key \"signals[1].min_dayz\": is not a known key (form \"overdue_rhythm\" takes: "
                       + "kind, form, weight, factor, min_purchases, min_days)")
    }

    func testKindsMustBeNamesAndUnique() {
        XCTAssertEqual(error(two.replacingOccurrences(of: "kind = \"cancellation\"", with: "kind = \"overdue\"")),
                       "c.toml:11: key \"signals[2].kind\": \"overdue\" is already the kind of signals[1]")
        XCTAssertEqual(error(two.replacingOccurrences(of: "kind = \"cancellation\"", with: "kind = \"Kündigung!\"")),
                       "c.toml:11: key \"signals[2].kind\": expected a name of lowercase letters, digits and _, "
                       + "found \"Kündigung!\"")
    }

    func testChoicesOfFeedbackScore() {
        let rule = """
            [[signals]]
            kind = "x"
            form = "feedback_score"
            weight = 1
            metric = "nps"
            comparison = "<"
            value = 6
            days = 180
            min_answers = 1
            """
        XCTAssertEqual(error(rule), "c.toml:6: key \"signals[1].comparison\": expected one of \"<=\", \">=\", found \"<\"")
        XCTAssertEqual(error(rule.replacingOccurrences(of: "\"nps\"", with: "\"promoters\"")),
                       "c.toml:5: key \"signals[1].metric\": expected one of \"nps\", \"csat\", \"ces\", \"sentiment\", "
                       + "found \"promoters\"")
    }

    func testSignalsMustBeTables() {
        XCTAssertEqual(error("# x\nsignals = 3\n"),
                       "c.toml:2: key \"signals\": expected [[signals]] blocks (an array of tables), found 3")
        XCTAssertEqual(error("\n[signals]\nkind = \"x\"\n"),
                       "c.toml:2: key \"signals\": expected [[signals]] blocks (an array of tables), found a table")
        XCTAssertEqual(error("playbooks = 1\n"), "c.toml:1: key \"playbooks\": expected [playbooks.KIND] tables, found 1")
    }

    func testPlaybookErrors() {
        XCTAssertEqual(error("[playbooks.overdue]\nsteps = [\n  { channel = \"call\", after_days = 1, text = \"a\" },\n"
                             + "  { channel = \"fax\", after_days = 2, text = \"b\" },\n]\n"),
                       "c.toml:4: key \"playbooks.overdue.steps[2].channel\": expected one of \"call\", \"visit\", "
                       + "\"email\", \"letter\", found \"fax\"")
        XCTAssertEqual(error("[playbooks.overdue]\nsteps = [{ channel = \"call\", after_days = 1 }]\n"),
                       "c.toml:2: key \"playbooks.overdue.steps[1].text\": is missing (a step needs channel, after_days, text)")
        XCTAssertEqual(error("[playbooks.overdue]\nsteps = [\n  { channel = \"call\", after_days = -1, text = \"a\" },\n]\n"),
                       "c.toml:3: key \"playbooks.overdue.steps[1].after_days\": expected a whole number from 0 to 365, found -1")
        XCTAssertEqual(error("\n[playbooks.overdue]\nstep = []\n"),
                       "c.toml:3: key \"playbooks.overdue.step\": is not a known key (known: steps)")
        XCTAssertEqual(error(two + "[playbooks.revenue_drop]\nsteps = []\n"),
                       "c.toml:15: key \"playbooks.revenue_drop\": is not a signal kind (kinds: overdue, cancellation)")
    }

    func testWinbackErrors() {
        XCTAssertEqual(error("[winback.revenue]\nbands = [\n  { from = 10000, points = 6 },\n  { from = 50000, points = 10 },\n]\n"),
                       "c.toml:4: key \"winback.revenue.bands[2].from\": must be below the band before it (10000): highest band first")
        XCTAssertEqual(error("[winback.effort]\nweight = 1\npoints = [10, 8, 5]\n"),
                       "c.toml:3: key \"winback.effort.points\": expected 5 whole numbers 0–100 (for 1, 2, 3, 4, 5), "
                       + "found [10, 8, 5]")
        XCTAssertEqual(error("[winback.class]\npoints = [10, 6, \"x\"]\n"),
                       "c.toml:2: key \"winback.class.points\": expected 3 whole numbers 0–100 (for A, B, C), found [10, 6, \"x\"]")
        XCTAssertEqual(error("[winback]\nclasses = [\n  { name = \"A\", from = 50, effort = \"x\" },\n"
                             + "  { name = \"B\", from = 60, effort = \"y\" },\n]\n"),
                       "c.toml:4: key \"winback.classes[2].from\": must be below the class before it (A from 50): best class first")
        XCTAssertEqual(error("[winback]\nclasses = [{ name = \"A\", from = 50 }]\n"),
                       "c.toml:2: key \"winback.classes[1].effort\": is missing (needs name, from, effort)")
        XCTAssertEqual(error("[winback]\nsize = 3\n"),
                       "c.toml:2: key \"winback.size\": is not a known key (known in [winback]: classes, revenue, margin, "
                       + "effort, referral, payment, growth_market, class)")
        XCTAssertEqual(error("[winback.margin]\notherwise = 2\nweight = \"high\"\n"),
                       "c.toml:3: key \"winback.margin.weight\": expected a whole number from 0 to 100, found \"high\"")
    }

    func testRiskErrors() {
        XCTAssertEqual(error("[risk]\nred_from = 30\namber_from = 40\n"),
                       "c.toml:3: key \"risk.amber_from\": must not be above risk.red_from (30)")
        XCTAssertEqual(error("[risk]\nred_from = 0\n"), "c.toml:2: key \"risk.red_from\": expected a whole number from 1 to 100, found 0")
    }

    func testUnknownSectionListsTheRetentionSections() {
        XCTAssertEqual(error("[signal]\nx = 1\n"),
                       "c.toml:1: key \"signal\": is not a known section (known: calendar, classes, consent, contact_plan, display, playbooks, reps, risk, signals, value, winback)")
    }
}
