import LoyalConfig
import LoyalCore
import XCTest

/// `[contact_plan]` in config.toml.
final class ConfigPlanTests: XCTestCase {
    func parse(_ text: String) throws -> ContactPlanRules {
        try ConfigFile.parse(text, file: "plan.toml").contactPlan
    }

    /// The error's text, `FILE:LINE: key "…": …`.
    func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try ConfigFile.parse(text, file: "plan.toml")
            XCTFail("no error", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    func testTheDefaultTextParsesBackToTheDefaults() throws {
        let text = ConfigFile.defaultText()
        XCTAssertTrue(text.contains("[contact_plan.cadence.A]\nvisit = 90\nphone = 30\n"))
        XCTAssertTrue(text.contains("[[contact_plan.after_purchase]]\nmin_amount = 5000\ndays = 2\nchannel = \"phone\"\n"))
        let parsed = try parse(text)
        XCTAssertEqual(parsed, ContactPlanRules())
        XCTAssertEqual(parsed.cadence[.a], [.visit: 90, .phone: 30])
        XCTAssertEqual(parsed.afterPurchase.map(\.days), [2, 5])
        // Keys not given keep their defaults.
        XCTAssertEqual(try parse(""), ContactPlanRules())
    }

    func testCustomRules() throws {
        let r = try parse("""
            [contact_plan]
            max_move_days = 30
            partner_birthdays = false
            time_zone = "Europe/Vienna"

            [contact_plan.cadence.a]
            visit = 60

            [contact_plan.cadence.C]

            [contact_plan.birthday.B]
            lead_days = 5

            [[contact_plan.after_purchase]]
            min_amount = 499.5
            days = 7

            [[contact_plan.after_purchase]]
            min_amount = 20000
            days = 1
            channel = "visit"
            """)
        XCTAssertEqual(r.maxMoveDays, 30)
        XCTAssertFalse(r.partnerBirthdays)
        XCTAssertEqual(r.timeZone, "Europe/Vienna")
        XCTAssertEqual(r.afterPurchaseLookbackDays, 30, "not given: default")
        XCTAssertEqual(r.cadence[.a], [.visit: 60], "a class's table replaces its cadence")
        XCTAssertEqual(r.cadence[.b], [.phone: 90, .email: 60])
        XCTAssertEqual(r.cadence[.c], [:])
        XCTAssertEqual(r.birthdays[.b], BirthdayRule(channels: [.letter], leadDays: 5), "channels keep their default")
        XCTAssertEqual(r.afterPurchase, [PurchaseFollowUp(minAmount: Money(cents: 2_000_000), days: 1, channel: .visit),
                                         PurchaseFollowUp(minAmount: Money(cents: 49_950), days: 7, channel: .phone)])
    }

    func testABadValueIsReportedWithFileLineAndKey() {
        XCTAssertEqual(error("""
            [contact_plan]
            max_move_days = 10

            [contact_plan.cadence.A]
            visit = "often"
            """), "plan.toml:5: key \"contact_plan.cadence.A.visit\": expected a whole number from 1 to 3650, found \"often\"")
        XCTAssertEqual(error("[contact_plan.cadence.B]\nphone = 90\nfax = 30\n"),
                       "plan.toml:3: key \"contact_plan.cadence.B.fax\": is not a channel (known: visit, phone, email, letter, newsletter, sms, social)")
        XCTAssertEqual(error("[contact_plan.cadence.D]\nphone = 90\n"),
                       "plan.toml:1: key \"contact_plan.cadence.D\": is not a class (known: A, B, C)")
        XCTAssertEqual(error("[contact_plan]\nmax_move = 3\n"),
                       "plan.toml:2: key \"contact_plan.max_move\": is not a known key (known in [contact_plan]: max_move_days, "
                       + "after_purchase_lookback_days, partner_birthdays, time_zone, cadence, birthday, after_purchase)")
        XCTAssertTrue(error("[contact_plan]\n\ntime_zone = \"Mars/Olympus\"\n")
            .hasPrefix("plan.toml:3: key \"contact_plan.time_zone\": expected one of \"Europe/Berlin\", "))
        XCTAssertEqual(error("[contact_plan.birthday.C]\nchannels = [\"email\", \"pigeon\"]\n"),
                       "plan.toml:2: key \"contact_plan.birthday.C.channels\": \"pigeon\" is not a channel (known: visit, phone, email, letter, newsletter, sms, social)")
        XCTAssertEqual(error("[contact_plan.birthday.A]\nchannels = []\n"),
                       "plan.toml:2: key \"contact_plan.birthday.A.channels\": expected a list of channels such as [\"phone\", \"visit\"], found []")
    }

    func testTheFollowUpListMustGetSoonerAsAmountsGrow() {
        let text = """
            [[contact_plan.after_purchase]]
            min_amount = 1000
            days = 5

            [[contact_plan.after_purchase]]
            min_amount = 5000
            days = 9
            """
        XCTAssertEqual(error(text), "plan.toml:7: key \"contact_plan.after_purchase[2].days\": must not be later than for smaller "
                       + "purchases (5 days from 1000): the larger the amount, the sooner")
        XCTAssertEqual(error("[[contact_plan.after_purchase]]\nmin_amount = 1000\n"),
                       "plan.toml:1: key \"contact_plan.after_purchase[1].days\": is missing")
        XCTAssertEqual(error("[[contact_plan.after_purchase]]\nmin_amount = 1000\ndays = 2\n[[contact_plan.after_purchase]]\nmin_amount = 1000\ndays = 1\n"),
                       "plan.toml:5: key \"contact_plan.after_purchase[2].min_amount\": is given twice (also in entry 1)")
        XCTAssertEqual(error("[[contact_plan.after_purchase]]\nmin_amount = -5\ndays = 2\n"),
                       "plan.toml:2: key \"contact_plan.after_purchase[1].min_amount\": expected an amount (a number, 0 or more), found -5")
    }

    func testAKeyInAnInlineTableIsReportedAtItsTable() {
        XCTAssertEqual(error("[contact_plan]\ncadence = { A = { visit = 0 } }\n"),
                       "plan.toml:2: key \"contact_plan.cadence.A.visit\": expected a whole number from 1 to 3650, found 0")
    }

    func testTheOtherSectionsStillWork() throws {
        let s = try ConfigFile.parse("[display]\ndates = \"iso\"\n[contact_plan]\nmax_move_days = 7\n", file: "x.toml")
        XCTAssertEqual(s.display.dateStyle, .iso)
        XCTAssertEqual(s.contactPlan.maxMoveDays, 7)
        XCTAssertThrowsError(try ConfigFile.parse("[contact_plans]\n", file: "x.toml"))
    }
}
