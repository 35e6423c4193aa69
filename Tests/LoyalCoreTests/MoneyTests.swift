import Foundation
import XCTest
@testable import LoyalCore

final class MoneyParsingTests: XCTestCase {
    private func cents(_ text: String) -> Int64? { Money(parsing: text)?.cents }

    func testPlainAndGermanForms() {
        XCTAssertEqual(cents("1234.56"), 123_456)
        XCTAssertEqual(cents("1234,56"), 123_456)
        XCTAssertEqual(cents("1.234,56"), 123_456)
        XCTAssertEqual(cents("1,234.56"), 123_456)
        XCTAssertEqual(cents("1234,5"), 123_450)
        XCTAssertEqual(cents("1234"), 123_400)
        XCTAssertEqual(cents("0,05"), 5)
        XCTAssertEqual(cents("1.234.567,89"), 123_456_789)
        XCTAssertEqual(cents("1,234,567.89"), 123_456_789)
    }

    func testLoneSeparatorBeforeThreeDigitsGroupsThousands() {
        XCTAssertEqual(cents("1.234"), 123_400)
        XCTAssertEqual(cents("1,234"), 123_400)
        XCTAssertEqual(cents("12.345.678"), 1_234_567_800)
    }

    func testSignsAndCurrency() {
        XCTAssertEqual(cents("-12,50"), -1250)
        XCTAssertEqual(cents("+12,50"), 1250)
        XCTAssertEqual(cents("12,50-"), -1250)
        XCTAssertEqual(cents("12,50 €"), 1250)
        XCTAssertEqual(cents("€ 12,50"), 1250)
        XCTAssertEqual(cents("EUR 1.234,56"), 123_456)
        XCTAssertEqual(cents("1\u{00A0}234,56"), 123_456)
        XCTAssertEqual(cents("  7 "), 700)
    }

    func testRejects() {
        XCTAssertNil(cents("12.345,678"))
        XCTAssertNil(cents("abc"))
        XCTAssertNil(cents("1.23.4"))
        XCTAssertNil(cents("1,2,3"))
        XCTAssertNil(cents("12,3456"))
        XCTAssertNil(cents(""))
        XCTAssertNil(cents("-"))
        XCTAssertNil(cents(",50"))
        XCTAssertNil(cents("12.5a"))
        XCTAssertNil(cents("1.234.56"))
    }

    func testPlainForm() {
        XCTAssertEqual(Money(cents: 123_456).plain, "1234.56")
        XCTAssertEqual(Money(cents: -1250).plain, "-12.50")
        XCTAssertEqual(Money(cents: 5).plain, "0.05")
        XCTAssertEqual(Money(cents: -5).plain, "-0.05")
        XCTAssertEqual(Money.zero.plain, "0.00")
    }

    func testCodable() throws {
        let data = try JSONEncoder().encode([Money(cents: 123_456)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"1234.56\"]")
        let decoded = try JSONDecoder().decode([Money].self, from: Data("[\"1.234,56\", 12.5]".utf8))
        XCTAssertEqual(decoded, [Money(cents: 123_456), Money(cents: 1250)])
    }
}

final class MoneyStyleTests: XCTestCase {
    let german = MoneyStyle.german

    func testGermanFormat() {
        XCTAssertEqual(german.format(Money(cents: 123_456)), "1.234,56 €")
        XCTAssertEqual(german.format(Money(cents: -123_456)), "-1.234,56 €")
        XCTAssertEqual(german.format(Money(cents: 5)), "0,05 €")
        XCTAssertEqual(german.format(Money(cents: 100_000_000)), "1.000.000,00 €")
        XCTAssertEqual(german.format(Money(cents: 99_999)), "999,99 €")
    }

    func testWithoutCentsRoundsHalfAwayFromZero() {
        XCTAssertEqual(german.format(Money(cents: 123_450), withCents: false), "1.235 €")
        XCTAssertEqual(german.format(Money(cents: 123_449), withCents: false), "1.234 €")
        XCTAssertEqual(german.format(Money(cents: -123_450), withCents: false), "-1.235 €")
        XCTAssertEqual(german.format(Money(cents: 99_950), withCents: false), "1.000 €")
        // Less than half a euro below zero rounds to 0, not "-0".
        XCTAssertEqual(german.format(Money(cents: -40), withCents: false), "0 €")
        XCTAssertEqual(german.format(Money(cents: -50), withCents: false), "-1 €")
        XCTAssertEqual(german.format(Money(cents: -40)), "-0,40 €")
        XCTAssertEqual(german.compact(Money(cents: -40)), "0")
    }

    func testOtherStyles() {
        let us = MoneyStyle(groupingSeparator: ",", decimalSeparator: ".", currencySymbol: "$", symbolFirst: true)
        XCTAssertEqual(us.format(Money(cents: 123_456)), "$1,234.56")
        let bare = MoneyStyle(currencySymbol: "")
        XCTAssertEqual(bare.format(Money(cents: 123_456)), "1.234,56")
    }

    func testCompact() {
        XCTAssertEqual(german.compact(Money(cents: 95_000)), "950")
        XCTAssertEqual(german.compact(Money(cents: 999_900)), "9.999")
        XCTAssertEqual(german.compact(Money(cents: 1_234_567)), "12,3k")
        XCTAssertEqual(german.compact(Money(cents: -1_234_567)), "-12,3k")
        XCTAssertEqual(german.compact(Money(cents: 450_000_000)), "4,5M")
        XCTAssertEqual(german.compact(Money(cents: 12_345_600)), "123k")
        XCTAssertEqual(german.compact(Money(cents: 98_765_400)), "988k")
        XCTAssertEqual(german.compact(Money(cents: 0)), "0")
        let us = MoneyStyle(groupingSeparator: ",", decimalSeparator: ".", currencySymbol: "$", symbolFirst: true)
        XCTAssertEqual(us.compact(Money(cents: 95_000)), "950")
        XCTAssertEqual(us.compact(Money(cents: 1_234_567)), "12.3k")
    }
}

/// Issue 11: `0,001` was stored as 1.00 € (three decimals read as a thousands group).
final class MoneyStrictGroupingTests: XCTestCase {
    private func cents(_ text: String) -> Int64? { Money(parsing: text)?.cents }

    func testAGroupingSeparatorNeedsANonZeroLeadingGroup() {
        XCTAssertNil(cents("0,001"))
        XCTAssertNil(cents("0.001"))
        XCTAssertNil(cents("-0,500"))
        XCTAssertNil(cents("01.234"))
        XCTAssertNil(cents("0.234,56"))
        XCTAssertNil(cents("00,123.45"))
    }

    func testGroupsNeedExactlyThreeDigits() {
        XCTAssertNil(cents("1.23,45"))
        XCTAssertNil(cents("1,2345.00"))
        XCTAssertNil(cents("1.234.56,00"))
    }

    func testTheUsualFormsStillWork() {
        XCTAssertEqual(cents("1.234,56"), 123_456)
        XCTAssertEqual(cents("1,234.56"), 123_456)
        XCTAssertEqual(cents("1234,5"), 123_450)
        XCTAssertEqual(cents("12"), 1200)
        XCTAssertEqual(cents("0,5"), 50)
        XCTAssertEqual(cents("0,05"), 5)
        XCTAssertEqual(cents("1.234"), 123_400)
        XCTAssertEqual(cents("1.234.567,89 €"), 123_456_789)
        XCTAssertEqual(cents("0"), 0)
    }
}
