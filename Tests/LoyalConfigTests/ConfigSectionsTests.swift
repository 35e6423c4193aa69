import Foundation
import LoyalConfig
import LoyalCore
import XCTest

/// The flat sections, [reps.CODE] and [consent] against [contact_plan]; the README's defaults.
final class ConfigSectionsTests: XCTestCase {
    var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    func testConsentSectionBeforeOrAfterContactPlanKeepsTheSetting() throws {
        for text in ["[consent]\nb2b_calls = \"express\"\n[contact_plan]\nmax_move_days = 10\n",
                     "[contact_plan]\nmax_move_days = 10\n[consent]\nb2b_calls = \"express\"\n"] {
            let s = try ConfigFile.parse(text, file: "c.toml")
            XCTAssertEqual(s.contactPlan.b2bCalls, .express, text)
            XCTAssertEqual(s.contactPlan.maxMoveDays, 10)
        }
    }

    func testConfigErrorsPointAtTheLine() {
        func error(_ text: String) -> String {
            do { _ = try ConfigFile.parse(text, file: "c.toml"); return "parsed" } catch { return error.description }
        }
        XCTAssertEqual(error("[calendar]\nstate = \"XX\"\n"),
                       "c.toml:2: key \"calendar.state\": expected one of \"\", \"BW\", \"BY\", \"BE\", \"BB\", \"HB\", \"HH\", \"HE\", "
                       + "\"MV\", \"NI\", \"NW\", \"RP\", \"SL\", \"SN\", \"ST\", \"SH\", \"TH\", found \"XX\"")
        XCTAssertEqual(error("[reps.MK]\nstate = \"BY\"\nvisits_per_day = 99\n"),
                       "c.toml:3: key \"reps.MK.visits_per_day\": expected a whole number from 0 to 50, found 99")
        XCTAssertEqual(error("[reps.MK]\ncalls = 3\n"),
                       "c.toml:2: key \"reps.MK.calls\": is not a known key (known in [reps.CODE]: state, visits_per_day, calls_per_day)")
        XCTAssertEqual(error("[reps.MK]\nstate = \"Bayern\"\n").prefix(31), "c.toml:2: key \"reps.MK.state\": ")
        XCTAssertEqual(error("[consent]\nb2b_calls = \"maybe\"\n"),
                       "c.toml:2: key \"consent.b2b_calls\": expected one of \"presumed\", \"express\", found \"maybe\"")
    }

    func testReadmeShowsTheConfigDefaultsAsConfigInitWritesThem() {
        XCTAssertTrue(readme.contains(ConfigFile.defaultText()),
                      "README's config defaults differ from `loyal config init --stdout`")
    }

    func testDefaultConfigTextParsesToTheDefaults() throws {
        let parsed = try ConfigFile.parse(ConfigFile.defaultText(), file: "defaults")
        let defaults = Settings()
        XCTAssertEqual(parsed.classes, defaults.classes)
        XCTAssertEqual(parsed.display, defaults.display)
    }

    func testTheFirstProblemInTheFileIsTheOneReported() {
        func error(_ text: String) -> String {
            do { _ = try ConfigFile.parse(text, file: "c.toml"); return "parsed" } catch { return error.description }
        }
        XCTAssertEqual(error("[risk]\nred_from = 0\n[classes]\na_share = 2\n"),
                       "c.toml:2: key \"risk.red_from\": expected a whole number from 1 to 100, found 0")
        XCTAssertEqual(error("[display]\nzzz = 1\naaa = 2\n"),
                       "c.toml:2: key \"display.zzz\": is not a known key (known in [display]: theme, currency, "
                       + "thousands_separator, decimal_separator, language, formats, dates)")
        XCTAssertEqual(error("classes = 3\n"), "c.toml:1: key \"classes\": expected a table [classes], found 3")
    }

    func testARuleBrokenByTheOtherKeyIsReportedAtItsTable() {
        do {
            _ = try ConfigFile.parse("# red below the default amber (25)\n[risk]\nred_from = 20\n", file: "c.toml")
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error.description, "c.toml:2: key \"risk.amber_from\": must not be above risk.red_from (20)")
        }
    }

    func testTextShownOnScreenRefusesControlCharactersInEverySection() {
        for text in ["[display]\ncurrency = \"\\u001b]0;x\\u0007\"\n",
                     "[playbooks.overdue]\nsteps = [{ channel = \"call\", after_days = 1, text = \"a\\u001bb\" }]\n",
                     "[winback]\nclasses = [{ name = \"A\\u202e\", from = 1, effort = \"x\" }]\n"] {
            do {
                _ = try ConfigFile.parse(text, file: "c.toml")
                XCTFail("accepted: \(text)")
            } catch {
                XCTAssertTrue(error.description.contains(": contains the control character U+"), error.description)
            }
        }
    }
}
