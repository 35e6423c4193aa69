import XCTest
@testable import LoyalCore

/// Shorthands for hand-made customer histories in the retention tests.
enum R {
    static func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let d = Day(iso: iso) else { XCTFail("bad day \(iso)", file: file, line: line); return Day(number: 0) }
        return d
    }

    static func eur(_ euros: Int64, cents: Int64 = 0) -> Money { Money(cents: euros * 100 + cents) }

    /// The as-of day of most tests: Tuesday, 15.09.2026.
    static let asOf = day("2026-09-15")

    static func facts(asOf: Day = asOf, _ configure: (inout CustomerSignalFacts) -> Void = { _ in }) -> CustomerSignalFacts {
        var f = CustomerSignalFacts(customerID: 1, asOf: asOf)
        configure(&f)
        return f
    }

    /// Purchase days from a first day and the gaps between them.
    static func days(from first: String, gaps: [Int]) -> [Day] {
        var d = day(first)
        var out = [d]
        for g in gaps { d = d.adding(days: g); out.append(d) }
        return out
    }
}
