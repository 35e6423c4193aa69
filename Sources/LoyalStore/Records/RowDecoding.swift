import Foundation
import GRDB
import LoyalCore

extension Row {
    func day(_ column: String) -> Day? {
        guard let text: String = self[column] else { return nil }
        return Day(iso: text)
    }

    func money(_ column: String) -> Money? {
        guard let cents: Int64 = self[column] else { return nil }
        return Money(cents: cents)
    }

    func birthday(_ column: String) -> Birthday? {
        guard let text: String = self[column] else { return nil }
        return Birthday(parsing: text)
    }
}

extension Optional where Wrapped == Day {
    var sql: String? { self?.iso }
}

extension Optional where Wrapped == Money {
    var sql: Int64? { self?.cents }
}

/// Timestamps are UTC, ISO 8601 with seconds.
enum Timestamp {
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        func p(_ v: Int32, _ w: Int) -> String {
            let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(p(parts.tm_year + 1900, 4))-\(p(parts.tm_mon + 1, 2))-\(p(parts.tm_mday, 2))T"
            + "\(p(parts.tm_hour, 2)):\(p(parts.tm_min, 2)):\(p(parts.tm_sec, 2))Z"
    }
}
